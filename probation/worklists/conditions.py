"""What puts a row on a work list, defined once as querysets over the whole country.

The officer's and manager's pages narrow these to a caseload; the nightly sweep raises and resolves
WorkItems from the same definitions, so a list and the reviews raised overnight never disagree.
Every function here is pure ORM (no rows fetched), so each is one SQL statement wherever it is used.
"""

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from django.db.models import DateField, F, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from probation.contacts.models import Contact, EnforcementCase
from probation.core.clock import LONDON
from probation.enforcement.models import Breach, Recall
from probation.rules.contacts.outcomes import OutcomeCode
from probation.rules.sentences.requirements import RequirementType
from probation.rules.worklists.deadlines import ENDING_SOON_DAYS, last_appointment_day_overdue
from probation.sentences.models import Requirement, Sentence


class _EndsOn(TypedDict):
    ends_on: dt.date | None


if TYPE_CHECKING:  # WithAnnotations takes two arguments only for the type checker
    from django_stubs_ext import WithAnnotations

    SentenceWithEnd = WithAnnotations[Sentence, _EndsOn]
else:
    SentenceWithEnd = Sentence


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` in Europe/London (appointments are stored in UTC)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LONDON)


def outstanding_outcomes(*, now: dt.datetime) -> QuerySet[Contact]:
    """Past appointments without an outcome (enforcement.md "Outcomes"), with ``appointment_on``."""
    return Contact.objects.outstanding(now=now).annotate(appointment_on=TruncDate("starts_at", tzinfo=LONDON))


def overdue_outcomes(*, now: dt.datetime, today: dt.date) -> QuerySet[Contact]:
    """Outstanding appointments older than the outcome window (rules.OUTCOME_WORKING_DAYS)."""
    cutoff = start_of_day(last_appointment_day_overdue(today) + dt.timedelta(days=1))
    return outstanding_outcomes(now=now).filter(starts_at__lt=cutoff)


def awaiting_evidence() -> QuerySet[Contact]:
    """Failed-to-attend contacts still awaiting evidence of an acceptable reason: the decision is due on
    ``evidence_due_on`` (7 days, enforcement.md "Failures to comply")."""
    return Contact.objects.filter(
        outcome=OutcomeCode.AFTA, cancelled_at__isnull=True, evidence_due_on__isnull=False
    )


def evidence_decisions_overdue(*, today: dt.date) -> QuerySet[Contact]:
    """Past the evidence deadline without a decision: "decide acceptable or unacceptable"."""
    return awaiting_evidence().filter(evidence_due_on__lt=today)


def enforcement_open() -> QuerySet[EnforcementCase]:
    """Enforcement actions not yet taken, due by ``respond_by`` (enforcement.md "Enforcement actions")."""
    return EnforcementCase.objects.open()


def enforcement_overdue(*, today: dt.date) -> QuerySet[EnforcementCase]:
    """Open enforcement actions past their respond-by date (domain ``is_overdue``: today > respond_by)."""
    return enforcement_open().filter(respond_by__lt=today)


def breaches_in_progress() -> QuerySet[Breach]:
    return Breach.objects.in_progress()


def recalls_in_progress() -> QuerySet[Recall]:
    return Recall.objects.in_progress()


def unpaid_work_open() -> QuerySet[Requirement]:
    """Unpaid work requirements on current sentences with hours still to do; whether one is at risk or
    past its deadline is rules.unpaid_work_outlook (calendar arithmetic, judged in Python)."""
    return Requirement.objects.filter(
        type=RequirementType.UNPAID_WORK,
        terminated_on__isnull=True,
        sentence__terminated_on__isnull=True,
        ordered__isnull=False,
        done__lt=F("ordered"),
    )


def current_sentences_with_end() -> QuerySet[SentenceWithEnd]:
    """Current sentences annotated ``ends_on``: supervision ends at the end of post-sentence supervision,
    else at licence expiry, else at the sentence's expected end date (orders)."""
    return (
        Sentence.objects.current()
        .annotate(
            ends_on=Coalesce(
                "licence__pss_end_date",
                "licence__licence_expiry_date",
                "expected_end_date",
                output_field=DateField(),
            )
        )
        .filter(ends_on__isnull=False)
    )


def sentences_ending(*, today: dt.date) -> QuerySet[SentenceWithEnd]:
    """Ending in the next ENDING_SOON_DAYS days, or already past the end and still current."""
    return current_sentences_with_end().filter(ends_on__lte=today + dt.timedelta(days=ENDING_SOON_DAYS))


def sentences_past_end(*, today: dt.date) -> QuerySet[SentenceWithEnd]:
    """Past the end date and still current: "terminate or extend"."""
    return current_sentences_with_end().filter(ends_on__lt=today)
