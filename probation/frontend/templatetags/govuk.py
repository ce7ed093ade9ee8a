"""Small display filters shared by every template (dates in Europe/London, GOV.UK formats)."""

from datetime import date, datetime

from django import forms, template
from django.template import defaulttags
from django.template.base import Parser, Token
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.html import conditional_escape

from probation.core.clock import LONDON
from probation.frontend.reversing import fast_reverse

register = template.Library()


@register.filter
def govuk_date(value: date | datetime | None) -> str:
    """GOV.UK style: 5 January 2026. Datetimes are shown in UK time."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value, LONDON).date()
    return f"{value.day} {value:%B %Y}"


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """5 January 2026 at 2:15pm, in UK time."""
    if value is None:
        return ""
    local = timezone.localtime(value, LONDON)
    hour = local.hour % 12 or 12
    return f"{local.day} {local:%B %Y} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


@register.simple_tag(takes_context=True)
def sort_link(context: template.Context, key: str) -> str:
    """The query string to sort by ``key``, toggling direction when already sorted by it."""
    request = context["request"]
    params = request.GET.copy()
    current = params.get("sort", "name")
    params["sort"] = f"-{key}" if current == key else key
    params.pop("page", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def aria_sort(context: template.Context, key: str) -> str:
    current = context["request"].GET.get("sort", "name")
    if current == key:
        return "ascending"
    if current == f"-{key}":
        return "descending"
    return "none"


@register.simple_tag(takes_context=True)
def page_link(context: template.Context, number: int) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.filter
def govuk_error_items(form: forms.Form) -> list[tuple[str, str]]:
    """(anchor, message) for the error summary. Anchors point at a real input: the first radio or
    checkbox of a group, and the day, month or year box a date error is about (GOV.UK pattern)."""
    fields = list(form.visible_fields())
    items = [(fields[0].auto_id if fields else "", str(e)) for e in form.non_field_errors()]
    for bound in fields:
        seen: list[str] = []
        if isinstance(bound.field, forms.MultiValueField):
            for index, subfield in enumerate(bound.field.fields):
                for error in getattr(subfield.widget, "errors", []):
                    items.append((f"{bound.auto_id}_{index}", str(error)))
                    seen.append(str(error))
            anchor = f"{bound.auto_id}_0"
        elif isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            anchor = f"{bound.auto_id}_1"
        else:
            anchor = bound.auto_id
        items.extend((anchor, str(e)) for e in bound.errors if str(e) not in seen)
    return items


class _FastURLNode(defaulttags.URLNode):
    """Django's ``{% url %}``, through ``fast_reverse`` when it has only positional arguments: the same
    URL (or the same NoReverseMatch) without matching the pattern again on every call. The base
    template alone has a dozen of these (navigation, sign out, the session timeout's URLs)."""

    def render(self, context: template.Context) -> str:
        if self.kwargs:
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app  # type: ignore[attr-defined]
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace  # type: ignore[attr-defined]
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = fast_reverse(view_name, *args, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> defaulttags.URLNode:
    """Replaces the built-in ``{% url %}`` in every template (this library is a builtin, loaded after
    Django's own): same syntax, same result, cheaper (``_FastURLNode``)."""
    node = defaulttags.url(parser, token)
    return _FastURLNode(node.view_name, node.args, node.kwargs, node.asvar)
