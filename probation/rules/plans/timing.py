"""When a sentence plan is due: the first plan, and its reviews.

Source: interventions.md § Sentence plan, Timing. The first plan is due within **15 working days** of
sentence or release — "the long-standing national standard; *verify the current framework*" — so the
number is dated reference data (``PLAN_TIMING``), correctable by a deployment through
``PlanSettings`` without a code change. A plan is reviewed on significant events (release, recall,
new sentence, change in risk, transfer, programme completed) and at a configurable interval.

Working days follow ``probation.rules.calendar.working_days``: the sentence or release day itself
never counts.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from probation.rules.calendar.periods import add_months
from probation.rules.calendar.working_days import add_working_days
from probation.rules.errors import RuleError
from probation.rules.law.dated import Commencement, LawSettings, RuleVersion, day, version_in_force_on


@dataclass(frozen=True)
class PlanTiming:
    first_plan_working_days: int
    review_interval_months: int


PLAN_TIMING: tuple[RuleVersion[PlanTiming], ...] = (
    RuleVersion(
        Commencement(
            "plan_timing_national_standard",
            dt.date(2015, 2, 1),
            "National standard for the sentence plan (interventions.md § Sentence plan, Timing)",
            verify="the current framework's timescale for the first plan and the review interval",
        ),
        PlanTiming(first_plan_working_days=15, review_interval_months=6),
        "First plan within 15 working days of sentence or release; reviewed every 6 months",
    ),
)


@dataclass(frozen=True)
class PlanSettings:
    """A deployment's corrections (settings ``PLANS_TIMING``): the number of working days for the
    first plan and the review interval in months (None: the reference data's value), and corrected
    commencement dates by key."""

    first_plan_working_days: int | None = None
    review_interval_months: int | None = None
    commencements: LawSettings = field(default_factory=LawSettings)


DEFAULT_SETTINGS = PlanSettings()


def plan_timing_on(on: dt.date, settings: PlanSettings = DEFAULT_SETTINGS) -> PlanTiming:
    """The timing rule in force on ``on`` with the deployment's corrections applied."""
    timing = version_in_force_on(
        PLAN_TIMING, on, what="sentence plan timescales", settings=settings.commencements
    ).rule
    if settings.first_plan_working_days is not None:
        if settings.first_plan_working_days < 1:
            raise ValueError("the first plan needs at least one working day")
        timing = replace(timing, first_plan_working_days=settings.first_plan_working_days)
    if settings.review_interval_months is not None:
        if settings.review_interval_months < 1:
            raise ValueError("the review interval is at least one month")
        timing = replace(timing, review_interval_months=settings.review_interval_months)
    return timing


def first_plan_start(
    *, sentenced_on: dt.date | None, released_on: dt.date | None, custodial: bool
) -> dt.date | None:
    """The day the first plan's clock starts: the release for a custodial sentence (None while the
    person is in custody), else the date of sentence. None when there is no current sentence."""
    if sentenced_on is None:
        return None
    if custodial:
        return released_on
    return sentenced_on


def first_plan_due(start: dt.date, settings: PlanSettings = DEFAULT_SETTINGS) -> dt.date:
    """The first plan's due date: the ``n``th working day after sentence or release, ``n`` from the
    rule in force on that day."""
    return add_working_days(start, plan_timing_on(start, settings).first_plan_working_days)


class Trigger(StrEnum):
    RELEASE = "release"
    RECALL = "recall"
    NEW_SENTENCE = "new_sentence"
    RISK_CHANGE = "risk_change"
    TRANSFER = "transfer"
    PROGRAMME_COMPLETED = "programme_completed"
    INTERVAL = "interval"


TRIGGER_LABELS = {
    Trigger.RELEASE: "Released from custody",
    Trigger.RECALL: "Recalled to custody",
    Trigger.NEW_SENTENCE: "New sentence",
    Trigger.RISK_CHANGE: "Change in risk of serious harm",
    Trigger.TRANSFER: "Transferred",
    Trigger.PROGRAMME_COMPLETED: "Accredited programme completed",
    Trigger.INTERVAL: "Regular review",
}


@dataclass(frozen=True)
class TriggerEvent:
    trigger: Trigger
    on: dt.date


@dataclass(frozen=True)
class ReviewDue:
    due_on: dt.date  # the earliest reason's date
    reasons: tuple[str, ...]  # each reason with its date, earliest first
    triggers: tuple[Trigger, ...]


def review_due(
    *,
    agreed_on: dt.date,
    events: Sequence[TriggerEvent],
    settings: PlanSettings = DEFAULT_SETTINGS,
) -> ReviewDue:
    """When the agreed plan must be reviewed, and why. Every significant event after the day it was
    agreed makes a review due that day; otherwise (and also) the regular review falls due
    ``review_interval_months`` after agreement. Events on or before ``agreed_on`` were known when the
    plan was agreed and trigger nothing. An event that is not a significant event is refused."""
    interval = plan_timing_on(agreed_on, settings).review_interval_months
    found = []
    for event in events:
        if event.trigger is Trigger.INTERVAL:
            raise RuleError("The regular review is not an event", field="events")
        if event.on > agreed_on:
            found.append(event)
    found.append(TriggerEvent(Trigger.INTERVAL, add_months(agreed_on, interval)))
    found.sort(key=lambda e: (e.on, list(Trigger).index(e.trigger)))
    reasons = tuple(
        f"{TRIGGER_LABELS[e.trigger]} on {day(e.on)}"
        if e.trigger is not Trigger.INTERVAL
        else f"Regular review {interval} months after the plan was agreed, on {day(e.on)}"
        for e in found
    )
    return ReviewDue(due_on=found[0].on, reasons=reasons, triggers=tuple(e.trigger for e in found))
