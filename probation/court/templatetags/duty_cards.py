"""``{% duty_card card can_prepare can_result %}``: one defendant's card on the court duty page.

A busy magistrates' court lists about 170 defendants a day, and the card as a template cost some 23
component tags each (about 3,900 for the day, nine tenths of the page's time). This renders the same
markup, to the byte, in Python (tests/test_duty_cards.py renders both and compares)."""

import functools
import html
import re

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from probation.court.presenters.duty import DutyCard
from probation.frontend.reversing import fast_reverse
from probation.frontend.templatetags.govuk import govuk_date

register = template.Library()

_ROW = '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">'
_ACTION = (
    '<li class="govuk-summary-card__action"><a class="govuk-link" href="{}">{}'
    '<span class="govuk-visually-hidden">{}</span></a></li>'
)


def _e(value: object) -> str:
    """The value as text, HTML-escaped as ``{{ value }}`` escapes it (django.utils.html.escape is
    ``html.escape``; its lazy-text wrapper is most of its cost)."""
    return html.escape(str(value))


def _tag(label: str, colour: str) -> str:
    """frontend's ``{% status_tag label colour %}``, for a plain label and colour."""
    if colour == "govuk-tag" or colour.startswith("govuk-tag "):
        css = colour
    else:
        modifier = colour if colour.startswith("govuk-tag--") else f"govuk-tag--{colour}"
        css = f"govuk-tag {modifier}" if colour else "govuk-tag"
    return f'<strong class="{_e(css)}">{_e(label)}</strong>'


_SENTINEL = "987654321"
_PLAIN = re.compile(r"[A-Za-z0-9]+")


@functools.cache
def _around(name: str, script_prefix: str, urlconf: str | None) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_SENTINEL], urlconf=urlconf).partition(_SENTINEL)
    return head, tail


def _url(name: str, arg: int | str) -> str:
    """``reverse(name, args=[arg])`` for a URL of one plain argument (a hearing's id, a CRN), from
    the pattern's text around it, worked out once."""
    text = str(arg)
    if not _PLAIN.fullmatch(text):
        return fast_reverse(name, arg)
    head, tail = _around(name, get_script_prefix(), get_urlconf())
    return f"{head}{text}{tail}"


def _row(key: str, value: str) -> str:
    return (
        f'{_ROW}<dt class="govuk-summary-list__key">{key}</dt>'
        f'<dd class="govuk-summary-list__value">{value}</dd></div>'
    )


def _title(card: DutyCard) -> str:
    e, hearing = _e, card.hearing
    time = f"{hearing.hearing_time:%H:%M} " if hearing.hearing_time else ""
    room = f", room {e(hearing.room)}" if hearing.room else ""
    return (
        f'<h2 class="govuk-summary-card__title">{time}{e(card.session)}{room}, '
        f"listing {e(hearing.listing_number)}: {e(hearing.defendant_name)}</h2>"
    )


def _actions(card: DutyCard, can_prepare: bool, can_result: bool) -> str:
    if not can_prepare:
        return "\n    \n"
    e, pk, listing = _e, card.hearing.pk, _e(card.hearing.listing_number)
    prepare = _ACTION.format(
        e(_url("court:hearing-preparation", pk)), "Change preparation", f" for listing {listing}"
    )
    request = (
        _ACTION.format(
            e(_url("reports:request-create", card.crn)) + f"?hearing={pk}",
            "Request a report",
            f" for listing {listing}",
        )
        if card.on_record
        else ""
    )
    result = (
        _ACTION.format(e(_url("court:hearing-result", pk)), "Result", f" listing {listing}")
        if can_result
        else ""
    )
    return (
        '\n    \n    <ul class="govuk-summary-card__actions">\n'
        f"      {prepare}\n      {request}\n      {result}\n    </ul>\n    \n"
    )


def _status(card: DutyCard) -> str:
    e = _e
    value = _tag(card.tag.label, card.tag.colour)
    if card.crn:
        crn = e(card.crn)
        if card.on_record:
            url = e(_url("people:case-overview", card.crn))
            value += f'<br><a class="govuk-link" href="{url}">{crn}</a>'
        else:
            value += f"<br>{crn}"
    if card.restricted_message:
        value += f"<br>{e(card.restricted_message)}"
    return _row("Probation status", value)


def _orders(card: DutyCard) -> str:
    if not card.orders:
        return "None"
    e = _e
    items = []
    for order in card.orders:
        compliance = ""
        if order.compliance:
            text = e(order.compliance)
            compliance = (
                f': <strong class="govuk-!-font-weight-bold">{text}</strong>' if order.red else f": {text}"
            )
        items.append(f"<li>{e(order.label)} of {e(govuk_date(order.sentence_date))}{compliance}</li>")
    return f'<ul class="govuk-list">{"".join(items)}</ul>'


def _previous(card: DutyCard) -> str:
    if not card.previous_reports:
        return "No previous reports"
    items = "".join(f"<li>{_e(line)}</li>" for line in card.previous_reports)
    return f'<ul class="govuk-list">{items}</ul>'


def _record(card: DutyCard) -> str:
    if not card.on_record:
        return "\n      \n      "
    e = _e
    rosh = _tag(card.rosh.label, card.rosh.colour) if card.rosh else "Not assessed"
    flags = "".join(f"{_tag(flag.label, flag.colour)} " for flag in card.flags) or "None"
    return (
        "\n      \n      "
        f"{_row('Responsible officer', e(card.officer or 'Not allocated'))}\n      "
        f"{_row('Current orders', _orders(card))}\n      "
        f"{_row('RoSH', rosh)}\n      "
        f"{_row('Risk flags', flags)}\n      "
        f"{_row('Previous reports', _previous(card))}\n      \n      "
    )


def _hearing_rows(card: DutyCard) -> str:
    e, hearing = _e, card.hearing
    offences = "".join(f"<li>{e(o['code'])}: {e(o['wording'])}</li>" for o in hearing.offences)
    notes = hearing.preparation_notes
    preparation = _tag(card.preparation.label, card.preparation.colour) + (
        f'<p class="govuk-body">{_linebreaks(notes)}</p>' if notes else ""
    )
    result = e(hearing.get_result_status_display())
    if hearing.outcome:
        result += f": {e(hearing.get_outcome_display())}"
    if hearing.result_assigned_to:
        result += f"<br>Assigned to {e(hearing.result_assigned_to)}"
    listed = f'<ul class="govuk-list">{offences}</ul>'
    return (
        f"{_row('Offences', listed)}\n      "
        f"{_row('Plea', e(hearing.get_plea_display()))}\n      "
        f"{_row('Preparation', preparation)}\n      "
        f"{_row('Result', result)}\n    "
    )


def _linebreaks(text: str) -> str:
    return str(linebreaksbr(text, autoescape=True))


@register.simple_tag
def duty_card(card: DutyCard, can_prepare: bool, can_result: bool) -> SafeString:
    """The defendant's summary card: the hearing, the actions the user may take, and for a record the
    user may open its status, officer, orders, RoSH, flags and previous reports."""
    rows = f"\n      {_status(card)}{_record(card)}{_hearing_rows(card)}"
    return mark_safe(  # noqa: S308 - every value escaped above
        f'\n<div class="govuk-summary-card" id="hearing-{card.hearing.pk}">\n'
        '  <div class="govuk-summary-card__title-wrapper">\n'
        f"    {_title(card)}{_actions(card, can_prepare, can_result)}  </div>\n"
        '  <div class="govuk-summary-card__content">\n'
        f'    <dl class="govuk-summary-list">{rows}</dl>\n'
        "  </div>\n</div>\n"
    )
