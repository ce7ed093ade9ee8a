"""Demo parole reviews (issue 14 item 7): for prisoners serving indeterminate, extended or SOPC
sentences in the custody demo data (run generate_custody first), a review in every state — requested
with the PAROM1 pre-filled, written, signed, heard, decided (some within the reconsideration window) —
and reports to prison governors. Running it again adds nothing for records that already have one."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from probation.accounts.models import User
from probation.custody.models import CustodyRecord
from probation.parole.models import GovernorReport, ParoleReview
from probation.parole.selectors.prefill import PREFILLED_SECTIONS, parom1_prefill, prefill_text
from probation.parole.selectors.reviews import PAROLE_SENTENCES
from probation.rules.parole.report import FINAL_DECISIONS, Decision
from probation.rules.parole.timetable import (
    GovernorReportKind,
    governor_report_due,
    reconsideration_ends,
    review_timetable,
)

REASONS = (
    "Completed the Kaizen programme and has engaged with the key worker; the risk management plan "
    "provides external controls that address the identified risk factors.",
    "Has not yet addressed the risk factors linked to the index offence; further work in custody is needed.",
)


@dataclass
class Result:
    reviews: int = 0
    governor_reports: int = 0


def _state(rng: random.Random, review: ParoleReview, today: dt.date) -> None:
    roll = rng.random()
    if roll < 0.35:
        return  # requested, being written
    review.current_risk = "Risk is assessed as high to a known adult and medium to the public."
    review.vlo_contacted_on = min(today, review.requested_on + dt.timedelta(days=rng.randint(1, 20)))
    review.recommendation = rng.choice(("release", "no_release", "open_conditions"))
    review.recommendation_reasons = REASONS[0] if review.recommendation == "release" else REASONS[1]
    review.next_steps = (
        "" if review.recommendation == "release" else "Complete further offending behaviour work."
    )
    review.pom_view = "agrees"
    review.risk_management_plan = (
        review.risk_management_plan or "Weekly supervision, curfew and exclusion zone."
    )
    if roll < 0.55:
        return  # written, not signed
    review.status = "signed"
    review.signed_by = review.author
    review.signed_at = timezone.now() - dt.timedelta(days=rng.randint(1, 30))
    if roll < 0.7:
        return
    review.hearing_on = today - dt.timedelta(days=rng.randint(1, 40))
    review.hearing_type = rng.choice(("paper", "oral"))
    decision = rng.choice([d for d in Decision if d in FINAL_DECISIONS])
    review.decision = decision.value
    review.decided_on = min(today, review.hearing_on + dt.timedelta(days=rng.randint(1, 14)))
    review.reconsideration_ends_on = reconsideration_ends(review.decided_on)


def generate(*, today: dt.date, seed: int = 7, log: Callable[[str], object] = print) -> Result:
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    authors = dict(User.objects.filter(staff__isnull=False, is_active=True).values_list("staff_id", "id"))
    records = list(
        CustodyRecord.objects.filter(
            released_on__isnull=True, release_type__in=[t.value for t in PAROLE_SENTENCES]
        )
        .exclude(Exists(ParoleReview.objects.filter(custody=OuterRef("pk"))))
        .select_related("person", "sentence")
        .prefetch_related("pathways")
        .order_by("id")
    )
    result = Result()
    reviews, governor = [], []
    for record in records:
        author_id = authors.get(record.person.officer_id or 0)
        if author_id is None:
            continue
        requested = today - dt.timedelta(days=rng.randint(0, 120))
        target = requested + dt.timedelta(weeks=rng.randint(12, 30))
        timetable = review_timetable(target_on=target, requested_on=requested)
        sections = parom1_prefill(person=record.person, custody=record, today=today)
        review = ParoleReview(
            person=record.person,
            custody=record,
            target_on=target,
            requested_on=requested,
            review_starts_on=timetable.review_starts_on,
            report_due_on=timetable.report_due_on,
            author_id=author_id,
            requested_by_id=author_id,
            **{s: prefill_text(sections[s]) for s in PREFILLED_SECTIONS},
        )
        _state(rng, review, today)
        reviews.append(review)
        if rng.random() < 0.3:
            kind = rng.choice([GovernorReportKind.ROTL, GovernorReportKind.OPEN_CONDITIONS])
            asked = today - dt.timedelta(days=rng.randint(0, 20))
            governor.append(
                GovernorReport(
                    person=record.person,
                    custody=record,
                    kind=kind.value,
                    requested_on=asked,
                    due_on=governor_report_due(kind, asked),
                    author_id=author_id,
                )
            )
    with transaction.atomic():
        ParoleReview.objects.bulk_create(reviews, batch_size=1000)
        GovernorReport.objects.bulk_create(governor, batch_size=1000)
    result.reviews, result.governor_reports = len(reviews), len(governor)
    log(f"{result.reviews} parole reviews, {result.governor_reports} reports to governors")
    return result
