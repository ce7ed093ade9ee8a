"""Writing periodic case reviews (issue 17 item 5; probation.rules.worklists.case_reviews).

- ``case_reviews_sweep`` (nightly, inside ``nightly_sweep``) raises the scheduled review of every case
  under supervision once it is within the showing window, withdraws reviews not yet started whose
  supervision ended, and keeps open reviews with the case's current officer and team. Set-based reads
  (two grouped queries for supervision starts, one for tiers and officers, one for the last completed
  reviews), judged in Python by the pure rules, bulk-inserted; safe to run twice (the partial unique
  constraint allows one open review per person).
- ``case_review_for_event`` listens to key events (probation.core.key_events): a significant event
  raises a review due within the set working days, or brings the open one forward.
- ``case_review_record`` (the officer) and ``case_review_oversee`` (the team's manager) write with
  optimistic locking and one audit row each (ids and the outcome, never the text).
"""

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Min, OuterRef, Q, Subquery

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now as clock_now
from probation.core.errors import ConflictError, NotFound
from probation.people.models import Person
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.worklists.case_reviews import (
    ReviewDue,
    ReviewReason,
    ReviewTimings,
    earlier,
    event_review,
    scheduled_review,
    should_raise,
    timings_from,
)
from probation.sentences.models import Sentence
from probation.sentences.models.choices import SentenceType
from probation.worklists.models import CaseReview, OversightOutcome, ReviewStatus

CASE_REVIEW = "case_review"
TEXT_LIMIT = 5000
_BATCH = 2000
CONFLICT_MESSAGE = (
    "This review was changed in another window. Your changes have not been saved. "
    "Reload the review to see what was saved, then make your changes again."
)


def review_timings() -> ReviewTimings:
    return timings_from(getattr(settings, "CASE_REVIEW_TIMINGS", None))


def supervision_starts(*, today: dt.date, person_ids: list[int] | None = None) -> dict[int, dt.date]:
    """{person id: the day their current supervision in the community began}: the earliest start of a
    current community order, suspended sentence order or post-sentence supervision, or the release
    date of a current custodial sentence's licence once released. People only in custody, or with no
    current sentence, are not under supervision here (the prison offender manager reviews them)."""
    current = Sentence.objects.current()
    if person_ids is not None:
        current = current.filter(person_id__in=person_ids)
    community = (
        current.exclude(type=SentenceType.CUSTODIAL)
        .filter(start_date__lte=today)
        .order_by()
        .values("person_id")
        .annotate(start=Min("start_date"))
    )
    released = (
        current.filter(type=SentenceType.CUSTODIAL, licence__release_date__lte=today)
        .order_by()
        .values("person_id")
        .annotate(start=Min("licence__release_date"))
    )
    starts: dict[int, dt.date] = {}
    for row in (*community, *released):
        before = starts.get(row["person_id"])
        starts[row["person_id"]] = row["start"] if before is None else min(before, row["start"])
    return starts


def _last_reviewed(person_ids: list[int] | None = None) -> dict[int, dt.date]:
    completed = CaseReview.objects.filter(status=ReviewStatus.COMPLETED)
    if person_ids is not None:
        completed = completed.filter(person_id__in=person_ids)
    return dict(
        completed.order_by()
        .values("person_id")
        .annotate(last=Max("reviewed_on"))
        .values_list("person_id", "last")
    )


@dataclass
class ReviewSweepResult:
    raised: int = 0
    withdrawn: int = 0
    reassigned: int = 0
    supervised: int = 0
    seconds: float = 0.0
    by_reason: dict[str, int] = field(default_factory=dict)


def case_reviews_sweep(*, today: dt.date, now: dt.datetime) -> ReviewSweepResult:
    """Raise, withdraw and reassign case reviews across the country as of ``today``."""
    started = time.monotonic()
    result = ReviewSweepResult()
    timings = review_timings()
    with transaction.atomic():
        starts = supervision_starts(today=today)
        result.supervised = len(starts)
        last = _last_reviewed()
        open_people = set(
            CaseReview.objects.filter(
                status__in=[ReviewStatus.DUE, ReviewStatus.AWAITING_OVERSIGHT]
            ).values_list("person_id", flat=True)
        )
        people = (
            Person.objects.filter(officer__isnull=False)
            .order_by()
            .values_list("id", "officer_id", "team_id", "tier")
        )
        new: list[CaseReview] = []
        for person_id, officer_id, team_id, tier in people.iterator(chunk_size=_BATCH):
            start = starts.get(person_id)
            if start is None or person_id in open_people:
                continue
            due = scheduled_review(
                supervision_start=start, last_reviewed_on=last.get(person_id), tier=tier, timings=timings
            )
            if not should_raise(due, today=today, timings=timings):
                continue
            new.append(
                CaseReview(
                    person_id=person_id,
                    officer_id=officer_id,
                    team_id=team_id,
                    reason=due.reason.value,
                    due_on=due.due_on,
                    raised_at=now,
                )
            )
            result.by_reason[due.reason.value] = result.by_reason.get(due.reason.value, 0) + 1
        CaseReview.objects.bulk_create(new, batch_size=_BATCH, ignore_conflicts=True)
        result.raised = len(new)
        # Reviews not yet started whose case is no longer under supervision here (order ended, back in
        # custody, no officer): withdrawn, never deleted.
        ended = [
            pk
            for pk, person_id in CaseReview.objects.filter(status=ReviewStatus.DUE).values_list(
                "id", "person_id"
            )
            if person_id not in starts
        ]
        for offset in range(0, len(ended), _BATCH):
            result.withdrawn += CaseReview.objects.filter(
                pk__in=ended[offset : offset + _BATCH], status=ReviewStatus.DUE
            ).update(status=ReviewStatus.WITHDRAWN, version=F("version") + 1)
        result.reassigned = _reassign_open_reviews()
    result.seconds = time.monotonic() - started
    return result


def _reassign_open_reviews() -> int:
    """Keep open reviews with the case's current officer and team after a reallocation."""
    stale = (
        (Q(person__officer__isnull=False) & ~Q(officer_id=F("person__officer_id")))
        | Q(person__officer__isnull=True, officer__isnull=False)
        | (Q(person__team__isnull=False) & ~Q(team_id=F("person__team_id")))
        | Q(person__team__isnull=True, team__isnull=False)
    )
    person = Person.objects.filter(pk=OuterRef("person_id"))
    return (
        CaseReview.objects.filter(status__in=[ReviewStatus.DUE, ReviewStatus.AWAITING_OVERSIGHT])
        .filter(stale)
        .update(officer=Subquery(person.values("officer_id")), team=Subquery(person.values("team_id")))
    )


def case_review_for_event(
    *, person_id: int, kind: Any, on: dt.date, actor: Any = None, detail: dict[str, Any]
) -> CaseReview | None:
    """Key-event listener: a significant event on a case under supervision raises a review due within
    the set working days, or brings forward the open review not yet recorded. An event while a review
    awaits the manager's oversight leaves it as it is (the manager sees the event on the case); the next
    review is then scheduled from that one."""
    due = event_review(event=str(kind), occurred_on=on, timings=review_timings())
    if due is None:
        return None
    open_review = (
        CaseReview.objects.select_for_update()
        .filter(person_id=person_id, status__in=[ReviewStatus.DUE, ReviewStatus.AWAITING_OVERSIGHT])
        .first()
    )
    if open_review is not None:
        if open_review.status != ReviewStatus.DUE:
            return open_review
        current = ReviewDue(open_review.due_on, ReviewReason(open_review.reason), open_review.event)
        chosen = earlier(current, due)
        if chosen is due:
            open_review.due_on, open_review.reason, open_review.event = (
                due.due_on,
                due.reason.value,
                due.event,
            )
            open_review.save(update_fields=["due_on", "reason", "event", "updated_at"])
        return open_review
    person = (
        Person.objects.filter(pk=person_id, officer__isnull=False).values("officer_id", "team_id").first()
    )
    if person is None or person_id not in supervision_starts(today=on, person_ids=[person_id]):
        return None
    review = CaseReview(
        person_id=person_id,
        officer_id=person["officer_id"],
        team_id=person["team_id"],
        reason=due.reason.value,
        event=due.event,
        due_on=due.due_on,
        raised_at=clock_now(),
    )
    with transaction.atomic():  # a savepoint: a review raised at the same moment by the sweep wins
        try:
            review.save()
        except IntegrityError:  # the one-open-review constraint
            return None
    return review


def _locked(review_id: int, person: Person) -> CaseReview:
    review = CaseReview.objects.select_for_update().filter(pk=review_id, person=person).first()
    if review is None:
        raise NotFound(person.crn)
    return review


def _text(value: str, label: str, field_name: str, *, required: bool) -> RuleError | None:
    if required and not value.strip():
        return RuleError(f"Enter {label}", field=field_name)
    if len(value) > TEXT_LIMIT:
        return RuleError(
            f"{label[0].upper()}{label[1:]} must be {TEXT_LIMIT:,} characters or fewer", field=field_name
        )
    return None


def review_problems(data: dict[str, Any], *, today: dt.date, started: dt.date | None) -> list[RuleError]:
    """Every problem with an officer's review at once."""
    problems = [
        _text(data.get("progress", ""), "the progress against the sentence plan", "progress", required=True),
        _text(
            data.get("compliance", ""),
            "how the person is complying and engaging",
            "compliance",
            required=True,
        ),
        _text(data.get("risk", ""), "what has changed about risk", "risk", required=True),
        _text(data.get("next_steps", ""), "what happens next", "next_steps", required=True),
    ]
    reviewed_on = data.get("reviewed_on")
    if reviewed_on is not None and reviewed_on > today:
        problems.append(RuleError("The date of the review must be today or in the past", field="reviewed_on"))
    elif reviewed_on is not None and started is not None and reviewed_on < started:
        problems.append(
            RuleError("The date of the review must be after this review was raised", field="reviewed_on")
        )
    return [p for p in problems if p is not None]


def case_review_record(
    *,
    actor: User,
    person: Person,
    review_id: int,
    expected_version: int,
    data: dict[str, Any],
    today: dt.date,
) -> CaseReview:
    """The officer records the review; it then waits for the manager's oversight."""
    with transaction.atomic():
        review = _locked(review_id, person)
        if review.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        if review.status != ReviewStatus.DUE:
            raise RuleError("This review has already been recorded")
        problems = review_problems(data, today=today, started=review.raised_at.date())
        if problems:
            raise RuleErrors(problems)
        review.progress = data["progress"].strip()
        review.compliance = data["compliance"].strip()
        review.risk = data["risk"].strip()
        review.next_steps = data["next_steps"].strip()
        review.plan_review_needed = bool(data.get("plan_review_needed"))
        review.reviewed_on = data["reviewed_on"]
        review.reviewed_by = actor
        review.status = ReviewStatus.AWAITING_OVERSIGHT
        review.version += 1
        review.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type=CASE_REVIEW,
            object_id=review.pk,
            detail={"status": review.status, "plan_review_needed": review.plan_review_needed},
        )
    return review


def case_review_oversee(
    *, actor: User, person: Person, review_id: int, expected_version: int, outcome: str, note: str
) -> CaseReview:
    """The team's manager adds the oversight note; the review is complete and the next one is
    scheduled from its date by the sweep."""
    with transaction.atomic():
        review = _locked(review_id, person)
        if review.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        if review.status != ReviewStatus.AWAITING_OVERSIGHT:
            raise RuleError("This review is not waiting for oversight")
        problems = []
        if outcome not in OversightOutcome.values:
            problems.append(RuleError("Select whether you agree or actions are needed", field="outcome"))
        problem = _text(note, "your oversight note", "note", required=True)
        if problem is not None:
            problems.append(problem)
        if review.reviewed_by_id == actor.pk:
            problems.append(RuleError("Another manager must oversee a review you recorded yourself"))
        if problems:
            raise RuleErrors(problems)
        review.oversight_outcome = outcome
        review.oversight_note = note.strip()
        review.oversight_by = actor
        review.oversight_at = clock_now()
        review.status = ReviewStatus.COMPLETED
        review.version += 1
        review.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type=CASE_REVIEW,
            object_id=review.pk,
            detail={"status": review.status, "outcome": outcome},
        )
    return review
