"""Display rows for the sentences pages so templates hold no logic: the events list, a sentence's
summary, its timeline, requirement progress and the licence."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.urls import reverse

from probation.rules.law.dated import LawNotRecorded
from probation.rules.sentences.licences import ConditionKind
from probation.rules.sentences.limits import sentencing_rules_in_force_on, suspension_presumption_note
from probation.rules.sentences.requirements import (
    REQUIREMENT_RULES,
    Measure,
    RequirementType,
    is_unpaid_work_overdue,
    progress,
    unpaid_work_deadline,
)
from probation.sentences.law import law_settings
from probation.sentences.models import Event, Licence, LicenceCondition, Requirement, Sentence
from probation.sentences.models.choices import SentenceType

# Judging the unpaid-work rate in the first four weeks would flag every new order (the induction
# and first placement take that long): an assumption of ours, not a national standard.
RATE_GRACE_DAYS = 28


@dataclass(frozen=True)
class Tag:
    label: str
    colour: str

    @property
    def css_class(self) -> str:
        return f"govuk-tag govuk-tag--{self.colour}"


CURRENT = Tag("Current", "green")
TERMINATED = Tag("Terminated", "grey")
ACTIVE = Tag("Active", "green")
ENDED = Tag("Ended", "grey")
AT_RISK = Tag("At risk", "red")
NOT_STARTED = Tag("Not started", "blue")


def day(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def _months(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value} month" if value == 1 else f"{value} months"


def sentence_length(sentence: Sentence) -> str:
    if sentence.type == SentenceType.SUSPENDED_SENTENCE_ORDER:
        return (
            f"{_months(sentence.custodial_months)} custody suspended, "
            f"{_months(sentence.length_months)} supervision"
        )
    if sentence.type == SentenceType.CUSTODIAL:
        if sentence.kind == "indeterminate":
            return "Indeterminate"
        return _months(sentence.custodial_months)
    return _months(sentence.length_months)


def suspension_presumption(sentence: Sentence) -> str:
    """The explanation a short immediate custodial term gets when the law on its date of sentence
    presumed such terms suspended (Sentencing Act 2026; probation.rules.sentences.limits)."""
    if sentence.type != SentenceType.CUSTODIAL or not sentence.custodial_months:
        return ""
    try:
        rules = sentencing_rules_in_force_on(sentence.sentence_date, settings=law_settings())
    except LawNotRecorded:
        return ""
    return suspension_presumption_note(rules, custodial_months=sentence.custodial_months)


def sentence_status(sentence: Sentence) -> Tag:
    return CURRENT if sentence.is_current else TERMINATED


def sentence_of(event: Event) -> Sentence | None:
    try:
        return event.sentence
    except Sentence.DoesNotExist:
        return None


@dataclass(frozen=True)
class EventRow:
    title: str
    main_offence: str
    other_offences: int
    court: str
    conviction_date: dt.date
    sentence_type: str
    length: str
    status: Tag | None
    dates: str
    url: str


def event_row(event: Event, *, crn: str) -> EventRow:
    offences = list(event.offences.all())
    main = next((o for o in offences if o.main), None)
    sentence = sentence_of(event)
    if sentence is None:
        return EventRow(
            f"Event {event.number}", main.description if main else "", len(offences) - 1, event.court,
            event.conviction_date, "No sentence recorded", "", None, "", "",
        )  # fmt: skip
    if sentence.terminated_on:
        reason = sentence.get_termination_reason_display()
        dates = f"{day(sentence.start_date)} to {day(sentence.terminated_on)} ({reason})"
    elif sentence.expected_end_date:
        dates = f"{day(sentence.start_date)} to {day(sentence.expected_end_date)} (expected)"
    else:
        dates = f"From {day(sentence.start_date)}"
    return EventRow(
        title=f"Event {event.number}",
        main_offence=main.description if main else "",
        other_offences=max(len(offences) - 1, 0),
        court=event.court,
        conviction_date=event.conviction_date,
        sentence_type=sentence.get_type_display(),
        length=sentence_length(sentence),
        status=sentence_status(sentence),
        dates=dates,
        url=reverse("sentences:sentence-detail", args=[crn, sentence.pk]),
    )


@dataclass(frozen=True)
class Row:
    key: str
    value: str


def summary_rows(sentence: Sentence) -> list[Row]:
    rows = [Row("Type", sentence.get_type_display())]
    if sentence.type == SentenceType.CUSTODIAL:
        rows.append(Row("Kind of sentence", sentence.get_kind_display()))
    rows += [
        Row("Convicted", f"{day(sentence.event.conviction_date)} at {sentence.event.court}"),
        Row("Date of sentence", day(sentence.sentence_date)),
        Row("Start date", day(sentence.start_date)),
        Row("Length", sentence_length(sentence)),
        Row("Expected end date", day(sentence.expected_end_date) or "No expected end"),
    ]
    if sentence.terminated_on:
        rows.append(
            Row("Terminated", f"{day(sentence.terminated_on)}: {sentence.get_termination_reason_display()}")
        )
    return rows


@dataclass(frozen=True)
class Timeline:
    """The order from start to (expected) end with today marked; ``text`` is the text alternative."""

    start: dt.date
    end: dt.date
    end_label: str
    today: dt.date
    percent: int
    text: str


def _percent(part: int, whole: int) -> int:
    return max(0, min(100, round(100 * part / whole))) if whole > 0 else 100


def timeline(sentence: Sentence, *, today: dt.date) -> Timeline | None:
    end = sentence.terminated_on or sentence.expected_end_date
    if end is None:
        return None
    ended = sentence.terminated_on is not None
    length = (end - sentence.start_date).days
    percent = _percent((min(today, end) - sentence.start_date).days, length)
    end_label = "Ended" if ended else "Expected end"
    if ended:
        text = f"Ran from {day(sentence.start_date)} to {day(end)}."
    elif today < sentence.start_date:
        text = f"Starts on {day(sentence.start_date)} and is expected to end on {day(end)}."
    elif today > end:
        text = f"Started on {day(sentence.start_date)}; its expected end, {day(end)}, has passed."
    else:
        left = (end - today).days
        text = (
            f"{percent}% elapsed: started on {day(sentence.start_date)}, today is {day(today)}, "
            f"expected to end on {day(end)} ({left} day{'s' if left != 1 else ''} left)."
        )
    return Timeline(sentence.start_date, end, end_label, today, percent, text)


@dataclass(frozen=True)
class RequirementCard:
    pk: int
    title: str
    status: Tag
    at_risk: Tag | None
    progress_text: str
    percent: int | None
    rows: list[Row] = field(default_factory=list)
    terminate_url: str = ""


def unpaid_work_risk(*, order_date: dt.date, ordered: int, done: int, today: dt.date) -> str:
    """Why unpaid work is at risk of not being finished by its 12-month deadline, or "" if it is not:
    the deadline has passed with hours left (domain.is_unpaid_work_overdue), or at the rate achieved
    so far the hours will not be done in time."""
    if done >= ordered:
        return ""
    deadline = unpaid_work_deadline(order_date)
    if is_unpaid_work_overdue(order_date, ordered=ordered, credited=done, today=today):
        return f"The deadline of {day(deadline)} has passed with {ordered - done} hours still to do."
    elapsed = (today - order_date).days
    if elapsed < RATE_GRACE_DAYS:
        return ""
    projected = done * ((deadline - order_date).days + 1) / elapsed
    if projected >= ordered:
        return ""
    weekly = done * 7 / elapsed
    return (
        f"At the current rate ({weekly:.1f} hours a week) about {int(projected)} of {ordered} hours "
        f"will be done by {day(deadline)}."
    )


def _measure_rows(
    requirement: Requirement, kind: RequirementType, today: dt.date
) -> tuple[str, int | None, str]:
    rule = REQUIREMENT_RULES[kind]
    if not (rule.tracks_progress and requirement.ordered):
        return "", None, ""
    shown = progress(kind, ordered=requirement.ordered, done=requirement.done)
    risk = ""
    if kind is RequirementType.UNPAID_WORK and requirement.is_active:
        risk = unpaid_work_risk(
            order_date=requirement.sentence.sentence_date, ordered=shown.ordered, done=shown.done, today=today
        )
    text = shown.text
    if kind is RequirementType.UNPAID_WORK and requirement.done_part_minutes:
        # Session sheets credit minutes (issue 13): "6 of 40 hours credited" would hide 45 of them.
        text = text.replace(
            f"{shown.done} of", f"{shown.done} hours {requirement.done_part_minutes} minutes of", 1
        )
    return text, _percent(shown.done, shown.ordered), risk


def requirement_card(
    requirement: Requirement, *, crn: str, today: dt.date, can_manage: bool
) -> RequirementCard:
    kind = RequirementType(requirement.type)
    rule = REQUIREMENT_RULES[kind]
    text, percent, risk = _measure_rows(requirement, kind, today)
    rows = [Row("Start date", day(requirement.start_date))]
    if requirement.end_date:
        rows.append(Row("End date", day(requirement.end_date)))
    if rule.measure is not None and requirement.ordered is not None:
        unit = "hours a day" if rule.measure is Measure.HOURS_A_DAY else rule.measure.value
        rows.append(Row("Ordered", f"{requirement.ordered} {unit}"))
    if kind is RequirementType.UNPAID_WORK:
        rows.append(
            Row("Complete by", f"{day(unpaid_work_deadline(requirement.sentence.sentence_date))} (12 months)")
        )
    if kind in (RequirementType.CURFEW, RequirementType.EXCLUSION):
        rows.append(Row("Electronic monitoring", "Yes" if requirement.electronic_monitoring else "No"))
    if requirement.details:
        rows.append(Row("Details", requirement.details))
    if risk:
        rows.append(Row("Why at risk", risk))
    if requirement.terminated_on:
        rows.append(
            Row("Ended", f"{day(requirement.terminated_on)}: {requirement.get_termination_reason_display()}")
        )
    return RequirementCard(
        pk=requirement.pk,
        title=rule.label,
        status=ACTIVE if requirement.is_active else ENDED,
        at_risk=AT_RISK if risk else None,
        progress_text=text,
        percent=percent,
        rows=rows,
        terminate_url=reverse(
            "sentences:requirement-terminate", args=[crn, requirement.sentence_id, requirement.pk]
        )
        if can_manage and requirement.is_active
        else "",
    )


@dataclass(frozen=True)
class ConditionRow:
    pk: int
    text: str
    category: str
    dates: str
    ended: bool
    end_url: str


@dataclass(frozen=True)
class LicenceView:
    supervision: str
    dates: list[Row]
    standard: list[ConditionRow]
    additional: list[ConditionRow]
    bespoke: list[ConditionRow]


def _condition_row(
    condition: LicenceCondition, *, crn: str, sentence_id: int, can_manage: bool, today: dt.date
) -> ConditionRow:
    ended = condition.end_date is not None and condition.end_date < today
    dates = f"From {day(condition.start_date)}" + (
        f" to {day(condition.end_date)}" if condition.end_date else ""
    )
    can_end = can_manage and condition.kind != ConditionKind.STANDARD and condition.end_date is None
    return ConditionRow(
        pk=condition.pk,
        text=condition.text,
        category=condition.get_category_display() if condition.category else "",
        dates=dates,
        ended=ended,
        end_url=reverse("sentences:condition-end", args=[crn, sentence_id, condition.pk]) if can_end else "",
    )


def licence_view(licence: Licence, *, crn: str, can_manage: bool, today: dt.date) -> LicenceView:
    dates = [
        Row(label, day(value))
        for label, value in (
            ("Release date", licence.release_date),
            ("Conditional release date (CRD)", licence.conditional_release_date),
            ("Licence expiry date (LED)", licence.licence_expiry_date),
            ("Sentence expiry date (SED)", licence.sentence_expiry_date),
            ("Post-sentence supervision end", licence.pss_end_date),
            ("Top-up supervision end", licence.top_up_end_date),
        )
        if value
    ]
    if licence.releasing_prison:
        dates.append(Row("Released from", licence.releasing_prison))
    groups: dict[str, list[ConditionRow]] = {k.value: [] for k in ConditionKind}
    for condition in licence.conditions.all():
        groups[condition.kind].append(
            _condition_row(
                condition, crn=crn, sentence_id=licence.sentence_id, can_manage=can_manage, today=today
            )
        )
    return LicenceView(
        supervision=licence.get_supervision_display(),
        dates=dates,
        standard=groups[ConditionKind.STANDARD],
        additional=groups[ConditionKind.ADDITIONAL],
        bespoke=groups[ConditionKind.BESPOKE],
    )


def requirement_cards(
    requirements: Iterable[Requirement], *, crn: str, today: dt.date, can_manage: bool
) -> list[RequirementCard]:
    return [requirement_card(r, crn=crn, today=today, can_manage=can_manage) for r in requirements]
