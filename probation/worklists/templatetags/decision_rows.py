"""``{% decision_rows section %}``: the rows of a decisions or unallocated section.

The decisions page lists up to 50 items in each of five sections, and an included template cost
about 20 variable look-ups a row (a third of the page's time); this renders the same markup, to the
byte, in Python (tests/test_decision_rows.py renders both and compares)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from probation.frontend.templatetags.components import status_tag
from probation.frontend.templatetags.govuk import govuk_date
from probation.worklists.decisions.presenters import DecisionRow, DecisionSection

register = template.Library()

_LI = '\n  <li class="govuk-!-margin-bottom-4">\n  '
_P_S = '<p class="govuk-body-s govuk-!-margin-bottom-0">'
_P = '<p class="govuk-body govuk-!-margin-bottom-1">'
_H3 = '<h3 class="govuk-heading-s govuk-!-margin-bottom-1">'


def _hidden_for(name: str, crn: str) -> str:
    return f'<span class="govuk-visually-hidden"> for {name} ({crn})</span>'


def _row(row: DecisionRow, date_heading: str) -> str:
    e = conditional_escape
    crn = e(row.crn)
    if row.restricted:
        message = f"{_P_S}{e(row.message)}</p>" if row.message else ""
        restricted = status_tag("Restricted", "grey")
        return f"{_LI}\n    {_P}{restricted} {crn}</p>\n    {message}\n  \n  </li>\n"
    name = e(row.name)
    hidden = _hidden_for(name, crn)
    tag = f" {status_tag(row.tag.label, row.tag.css_class)}" if row.tag else ""
    team = f". Team: {e(row.team)}" if row.team else ""
    waiting = ""
    if row.waiting_days is not None:
        waiting = f" ({row.waiting_days} day{'' if row.waiting_days == 1 else 's'})"
    on = e(govuk_date(row.on) or "not recorded")
    extra = (
        f'{_P_S}<a class="govuk-link" href="{e(row.extra_url)}">{e(row.extra_text)}{hidden}</a></p>'
        if row.extra_url
        else ""
    )
    return (
        f"{_LI}\n"
        f'    {_H3}<a class="govuk-link" href="{e(row.action_url)}">'
        f"{e(row.action_text)}{hidden}</a></h3>\n"
        f'    {_P}<a class="govuk-link" href="{e(row.case_url)}">{name}</a>'
        f" ({crn}){tag}</p>\n"
        f"    {_P_S}{e(row.what)}{team}</p>\n"
        f"    {_P_S}{e(date_heading)}: {on}{waiting}</p>\n"
        f"    {extra}\n"
        "  \n  </li>\n"
    )


@register.simple_tag
def decision_rows(section: DecisionSection) -> SafeString:
    """A GOV.UK list of the section's rows (each linking to the form where the decision is taken), or
    "Nothing waiting."; a restricted case shows only its CRN and the limited-access message."""
    if not section.rows:
        return mark_safe('\n<p class="govuk-body">Nothing waiting.</p>\n\n')
    rows = "".join(_row(row, section.date_heading) for row in section.rows)
    return mark_safe(f'\n<ul class="govuk-list">\n{rows}\n</ul>\n\n')  # noqa: S308 - every value escaped above
