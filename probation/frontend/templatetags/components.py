"""GOV.UK components as template tags, so templates never copy the components' markup.

Block tags take their content like the Nunjucks macros' ``caller()``: whatever is inside is rendered
as written, and the tag owns the element, its classes and its accessibility attributes::

    {% table caption="Events" caption_size="m" %}
      {% table_head "Event" "Hours" numeric="Hours" %}
      {% tbody %}{% for e in events %}{% row %}
        {% cell header=True %}{{ e.title }}{% endcell %}{% cell numeric=True %}{{ e.hours }}{% endcell %}
      {% endrow %}{% endfor %}{% endtbody %}
    {% endtable %}

    {% summary_list %}{% summary_row %}
      {% summary_key %}Name{% endsummary_key %}{% summary_value %}{{ name }}{% endsummary_value %}
      {% summary_actions %}{% summary_action url hidden="name" %}{% endsummary_actions %}
    {% endsummary_row %}{% endsummary_list %}

Tags that take data: ``{% summary_rows rows %}``, ``{% conflict_summary conflict %}``,
``{% status_tag label colour %}`` and ``{% panel title body %}``. Attribute values are escaped.
"""

import html
import re
from collections.abc import Callable

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _element(name: str, css: str, content: str, scope: str = "", **attrs: object) -> SafeString:
    """``<name scope="…" class="css" attr="value"…>content</name>``: attributes escaped, content
    (already rendered template output, escaped where the template escaped it) kept as it is.

    Built with ``conditional_escape`` rather than ``format_html``: the same markup, at a fraction of
    the cost for a table of a few hundred cells."""
    lead = f' scope="{conditional_escape(scope)}"' if scope else ""
    extra = "".join(
        f' {key.replace("_", "-")}="{conditional_escape(str(v))}"' for key, v in attrs.items() if v
    )
    return mark_safe(f'<{name}{lead} class="{conditional_escape(css)}"{extra}>{content}</{name}>')  # noqa: S308 - escaped above


def _classes(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p)


class _BlockNode(template.Node):
    def __init__(
        self,
        render_block: Callable[..., SafeString],
        nodelist: template.NodeList,
        args: list[FilterExpression],
        kwargs: dict[str, FilterExpression],
    ) -> None:
        self.render_block, self.nodelist, self.args, self.kwargs = render_block, nodelist, args, kwargs

    def render(self, context: template.Context) -> str:
        args = [a.resolve(context) for a in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        return self.render_block(self.nodelist.render(context), *args, **kwargs)


def _block(name: str) -> Callable[[Callable[..., SafeString]], Callable[..., SafeString]]:
    """Register ``{% name … %}…{% endname %}``; the function gets the rendered content first."""

    def decorate(fn: Callable[..., SafeString]) -> Callable[..., SafeString]:
        def compile_tag(parser: Parser, token: Token) -> _BlockNode:
            args, kwargs = [], {}
            for bit in token.split_contents()[1:]:
                if "=" in bit and not bit.startswith(("'", '"')):
                    key, value = bit.split("=", 1)
                    kwargs[key] = parser.compile_filter(value)
                else:
                    args.append(parser.compile_filter(bit))
            nodelist = parser.parse((f"end{name}",))
            parser.delete_first_token()
            return _BlockNode(fn, nodelist, args, kwargs)

        register.tag(name, compile_tag)
        return fn

    return decorate


# Table ---------------------------------------------------------------------------------------------


_HEAD = re.compile(r'<thead class="govuk-table__head">(.*?)</thead>', re.S)
_BODY = re.compile(r'(<tbody class="govuk-table__body">)(.*?)(</tbody>)', re.S)
_COLUMN_HEADER = re.compile(r'<th\b[^>]*scope="col"[^>]*>(.*?)</th>', re.S)
_HIDDEN = re.compile(r'<span class="govuk-visually-hidden">.*?</span>', re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_COLSPAN = re.compile(r'colspan="(\d+)"')


def _label(heading: str) -> str:
    """A column's heading as the label its cells show when the table stacks (a heading only screen
    readers hear, such as "Link", labels nothing)."""
    return " ".join(html.unescape(strip_tags(_HIDDEN.sub("", heading))).split())


def _labelled_row(row: str, labels: list[str]) -> str:
    """``labels`` are already escaped."""
    column = 0

    def label_cell(match: re.Match[str]) -> str:
        nonlocal column
        attrs = match.group(2)
        span = int(found.group(1)) if "colspan" in attrs and (found := _COLSPAN.search(attrs)) else 1
        text = labels[column] if span == 1 and column < len(labels) else ""
        column += span
        if not text or "data-label=" in attrs:
            return match.group(0)
        return f'<{match.group(1)}{attrs} data-label="{text}">'

    return _CELL.sub(label_cell, row)


def _with_cell_labels(content: str) -> str:
    """Each body cell gets its column's heading as ``data-label``: below the tablet breakpoint the
    table stacks into label and value rows (frontend/scss/_components.scss, .app-table--stacked), so
    a phone never scrolls sideways."""
    head = _HEAD.search(content)
    if head is None:
        return content
    labels = [str(conditional_escape(_label(h))) for h in _COLUMN_HEADER.findall(head.group(1))]
    return _BODY.sub(
        lambda body: (
            body.group(1)
            + _ROW.sub(lambda row: _labelled_row(row.group(0), labels), body.group(2))
            + body.group(3)
        ),
        content,
    )


@_block("table")
def table(
    content: str,
    caption: str = "",
    caption_size: str = "",
    classes: str = "",
    id: str = "",
    small_text: bool = False,
    stacked: bool = True,
) -> SafeString:
    """A table, with a plain-text caption (size s, m or l) if given; ``{% caption %}`` for more.
    ``stacked`` (the default) shows each row as label and value pairs on a phone."""
    if caption:
        content = caption_block(caption, size=caption_size) + content
    if stacked:
        content = mark_safe(_with_cell_labels(content))  # noqa: S308 - rendered markup, labels escaped
    css = _classes(
        "govuk-table",
        small_text and "govuk-table--small-text-until-tablet",
        stacked and "app-table--stacked",
        classes,
    )
    return _element("table", css, content, id=id)


@_block("caption")
def caption_block(content: str, size: str = "", classes: str = "") -> SafeString:
    return _element(
        "caption",
        _classes("govuk-table__caption", size and f"govuk-table__caption--{size}", classes),
        content,
    )


@_block("thead")
def thead(content: str) -> SafeString:
    return _element("thead", "govuk-table__head", content)


@_block("tbody")
def tbody(content: str) -> SafeString:
    return _element("tbody", "govuk-table__body", content)


@_block("row")
def row(content: str, classes: str = "") -> SafeString:
    return _element("tr", _classes("govuk-table__row", classes), content)


@_block("header_cell")
def header_cell(content: str, numeric: bool = False, classes: str = "", aria_sort: str = "") -> SafeString:
    """A column header; ``aria_sort`` (ascending, descending, none) on sortable columns."""
    css = _classes("govuk-table__header", numeric and "govuk-table__header--numeric", classes)
    return _element("th", css, content, scope="col", aria_sort=aria_sort)


@_block("cell")
def cell(
    content: str, header: bool = False, numeric: bool = False, classes: str = "", colspan: object = ""
) -> SafeString:
    """A body cell; ``header=True`` makes it the row's header (``<th scope="row">``)."""
    if header:
        css = _classes("govuk-table__header", numeric and "govuk-table__header--numeric", classes)
        return _element("th", css, content, scope="row", colspan=colspan)
    css = _classes("govuk-table__cell", numeric and "govuk-table__cell--numeric", classes)
    return _element("td", css, content, colspan=colspan)


@register.simple_tag
def table_head(*headings: object, numeric: str = "") -> SafeString:
    """A head row of plain headings; ``numeric`` names the right-aligned ones, ``|`` separated."""
    numeric_set = set(numeric.split("|")) if numeric else set()
    cells = "".join(header_cell(format_html("{}", h), numeric=h in numeric_set) for h in headings)
    return thead(row(mark_safe(cells)))  # noqa: S308 - each cell built by format_html


# Summary list --------------------------------------------------------------------------------------


@_block("summary_list")
def summary_list(content: str, classes: str = "", no_border: bool = False) -> SafeString:
    css = _classes("govuk-summary-list", no_border and "govuk-summary-list--no-border", classes)
    return _element("dl", css, content)


@_block("summary_row")
def summary_row(content: str, no_actions: bool = False, classes: str = "", id: str = "") -> SafeString:
    """``no_actions=True`` marks a row without an action in a list whose other rows have one."""
    css = _classes("govuk-summary-list__row", no_actions and "govuk-summary-list__row--no-actions", classes)
    return _element("div", css, content, id=id)


@_block("summary_key")
def summary_key(content: str, classes: str = "") -> SafeString:
    return _element("dt", _classes("govuk-summary-list__key", classes), content)


@_block("summary_value")
def summary_value(content: str, classes: str = "") -> SafeString:
    return _element("dd", _classes("govuk-summary-list__value", classes), content)


@_block("summary_actions")
def summary_actions(content: str, classes: str = "") -> SafeString:
    return _element("dd", _classes("govuk-summary-list__actions", classes), content)


@register.simple_tag
def summary_action(href: str, text: str = "Change", hidden: str = "") -> SafeString:
    """The link in a row's actions; ``hidden`` says what it changes to screen-reader users."""
    extra = format_html('<span class="govuk-visually-hidden"> {}</span>', hidden) if hidden else ""
    return format_html('<a class="govuk-link" href="{}">{}{}</a>', href, text, extra)


@register.inclusion_tag("frontend/components/summary_rows.html")
def summary_rows(rows: object) -> dict[str, object]:
    """A summary list from data: ``rows`` of (key, value) pairs, the values already formatted."""
    return {"rows": rows}


# Others --------------------------------------------------------------------------------------------


@register.inclusion_tag("frontend/components/conflict_summary.html")
def conflict_summary(conflict: object, title: str = "Your changes were not saved") -> dict[str, object]:
    """The error summary shown when someone else changed the record first, with what they changed."""
    return {"conflict": conflict, "title": title}


@register.simple_tag
def status_tag(label: object, colour: str = "") -> SafeString:
    """``<strong class="govuk-tag govuk-tag--red">``: ``colour`` is ``red``, ``govuk-tag--red`` or a
    whole class string starting ``govuk-tag ``."""
    if colour == "govuk-tag" or colour.startswith("govuk-tag "):
        css = colour
    else:
        modifier = colour if colour.startswith("govuk-tag--") else f"govuk-tag--{colour}"
        css = _classes("govuk-tag", colour and modifier)
    return format_html('<strong class="{}">{}</strong>', css, label)


@register.inclusion_tag("frontend/components/panel.html")
def panel(title: object, body: object = "") -> dict[str, object]:
    """The confirmation panel."""
    return {"title": title, "body": body}
