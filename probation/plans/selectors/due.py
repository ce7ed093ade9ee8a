"""When each person's plan is due, in one query for a whole caseload: the first plan (15 working
days after sentence or release, interventions.md § Timing) for people under supervision with no
answered plan, and the review of an answered plan (a significant event since it was answered, or the
regular interval). The dates come from the record: the latest current sentence and its licence's
release, recalls, sentences passed, RoSH assessments at a level other than the plan's, and transfers.
The earliest event of each kind after the plan was answered is read (``Min`` subqueries), so the
query costs the same for any caseload. A completed accredited programme is a review trigger too
(``Trigger.PROGRAMME_COMPLETED``); no app records programmes yet, so nothing feeds it.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import DateField, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast

from probation.enforcement.models import Recall
from probation.people.models import Allocation, AllocationReason, Person
from probation.people.policy import ListedPerson
from probation.risk.models import RoshAssessment
from probation.rules.law.dated import LawSettings, day
from probation.rules.plans.timing import (
    PlanSettings,
    ReviewDue,
    Trigger,
    TriggerEvent,
    first_plan_due,
    first_plan_start,
    plan_timing_on,
    review_due,
)
from probation.sentences.law import law_settings
from probation.sentences.models import Licence, Sentence
from probation.sentences.models.choices import SentenceType

# My work lists plans due within this many days, overdue ones first.
DUE_WITHIN_DAYS = 14
TRANSFERS = (AllocationReason.TRANSFER_TEAM, AllocationReason.TRANSFER_REGION)


def plan_settings() -> PlanSettings:
    """The deployment's corrections (settings ``PLANS_TIMING``: ``first_plan_working_days``,
    ``review_interval_months``), with the law's corrected commencement dates (ADR 0030)."""
    values = getattr(settings, "PLANS_TIMING", {}) or {}
    law: LawSettings = law_settings()
    return PlanSettings(
        first_plan_working_days=values.get("first_plan_working_days"),
        review_interval_months=values.get("review_interval_months"),
        commencements=LawSettings(commencements=law.commencements),
    )


@dataclass(frozen=True)
class PlanDue:
    person_id: int
    kind: str  # "first" (no answered plan yet) or "review"
    due_on: dt.date
    reasons: tuple[str, ...]

    def overdue(self, today: dt.date) -> bool:
        return self.due_on < today


def _earliest_after(queryset: QuerySet[Any], date_field: str, today: dt.date) -> Subquery:
    """The earliest ``date_field`` after the person's plan was answered, up to today."""
    return Subquery(
        queryset.filter(
            person_id=OuterRef("pk"),
            **{f"{date_field}__gt": OuterRef("sentence_plan__agreed_on"), f"{date_field}__lte": today},
        )
        .order_by(date_field)
        .values(date_field)[:1],
        output_field=DateField(),
    )


def _latest_current(field: str) -> Subquery:
    return Subquery(
        Sentence.objects.current()
        .filter(person_id=OuterRef("pk"))
        .order_by("-sentence_date", "-id")
        .values(field)[:1]
    )


def _annotated(people: QuerySet[Any], today: dt.date, extra: tuple[str, ...] = ()) -> QuerySet[Any]:
    transfer_dates = Allocation.objects.filter(reason__in=TRANSFERS).annotate(
        on=Cast("started_at", DateField())
    )
    return (
        people.annotate(
            agreed_on=F("sentence_plan__agreed_on"),
            sentenced_on=_latest_current("sentence_date"),
            sentence_type=_latest_current("type"),
            released_on=_latest_current("licence__release_date"),
            new_sentence_on=_earliest_after(Sentence.objects.all(), "sentence_date", today),
            release_event_on=_earliest_after(
                Licence.objects.annotate(person_id=F("sentence__person_id")), "release_date", today
            ),
            recall_on=_earliest_after(Recall.objects.all(), "started_on", today),
            rosh_on=_earliest_after(
                RoshAssessment.objects.exclude(overall_level=OuterRef("sentence_plan__rosh_at_agreement")),
                "assessed_on",
                today,
            ),
            transfer_on=_earliest_after(transfer_dates, "on", today),
        )
        .filter(Q(sentenced_on__isnull=False) | Q(agreed_on__isnull=False))
        .values(
            "pk",
            "agreed_on",
            "sentenced_on",
            "sentence_type",
            "released_on",
            "new_sentence_on",
            "release_event_on",
            "recall_on",
            "rosh_on",
            "transfer_on",
            *extra,
        )
    )


EVENT_FIELDS = {
    "release_event_on": Trigger.RELEASE,
    "recall_on": Trigger.RECALL,
    "new_sentence_on": Trigger.NEW_SENTENCE,
    "rosh_on": Trigger.RISK_CHANGE,
    "transfer_on": Trigger.TRANSFER,
}


def _due(row: dict[str, Any], today: dt.date, rules: PlanSettings) -> PlanDue | None:
    if row["agreed_on"] is None:
        start = first_plan_start(
            sentenced_on=row["sentenced_on"],
            released_on=row["released_on"] if row["released_on"] and row["released_on"] <= today else None,
            custodial=row["sentence_type"] == SentenceType.CUSTODIAL,
        )
        if start is None:
            return None
        days = plan_timing_on(start, rules).first_plan_working_days
        what = "release" if row["sentence_type"] == SentenceType.CUSTODIAL else "sentence"
        reason = f"First plan due {days} working days after {what} on {day(start)}"
        return PlanDue(row["pk"], "first", first_plan_due(start, rules), (reason,))
    events = [TriggerEvent(trigger, row[name]) for name, trigger in EVENT_FIELDS.items() if row[name]]
    review: ReviewDue = review_due(agreed_on=row["agreed_on"], events=events, settings=rules)
    return PlanDue(row["pk"], "review", review.due_on, review.reasons)


def plans_due(person_ids: list[int] | object, *, today: dt.date) -> dict[int, PlanDue]:
    """Each person's next plan date (first plan or review), by person id. One query."""
    rules = plan_settings()
    found = {}
    for row in _annotated(Person.objects.filter(pk__in=person_ids), today):
        due = _due(row, today, rules)
        if due is not None:
            found[row["pk"]] = due
    return found


PERSON_FIELDS: tuple[str, ...] = (
    "crn",
    "first_name",
    "surname",
    "preferred_name",
    "lao_excluded",
    "lao_restricted",
    "exclusion_message",
    "restriction_message",
)


def plans_due_soon(people: QuerySet[ListedPerson], *, today: dt.date) -> list[tuple[PlanDue, dict[str, Any]]]:
    """The plans of ``people`` (annotated by ``people_listable_to``) due within DUE_WITHIN_DAYS or
    overdue, soonest first, each with the person's row (name, CRN, limited access). One query."""
    rules = plan_settings()
    horizon = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    found = []
    for row in _annotated(people, today, PERSON_FIELDS):
        due = _due(row, today, rules)
        if due is not None and due.due_on <= horizon:
            found.append((due, row))
    return sorted(found, key=lambda pair: (pair[0].due_on, pair[0].person_id))
