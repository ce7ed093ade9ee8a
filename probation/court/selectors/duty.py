"""What the court duty page shows of each defendant on the record, read for all of them at once so the
page runs the same number of queries for 1 defendant or 200: current sentences, their compliance
(the enforcement service's ``compliance_from`` applies the counting rules; only the reads are
batched here), active registrations and previous pre-sentence reports.

Only people the user may open are passed in (the page shows a restricted case by its CRN alone).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models.functions import TruncDate

from probation.contacts.models import Contact, EnforcementCase
from probation.core.clock import LONDON
from probation.enforcement.models import Breach
from probation.enforcement.services.compliance import (
    SentenceCompliance,
    compliance_from,
    contact_records,
    reset_date,
)
from probation.reports.models import ReportRequest, RequestStatus
from probation.risk.models import Registration
from probation.sentences.models import Sentence


def current_sentences(*, person_ids: Iterable[int]) -> dict[int, list[Sentence]]:
    sentences = (
        Sentence.objects.current()
        .filter(person_id__in=list(person_ids))
        .select_related("event")
        .order_by("-sentence_date", "-id")
    )
    found: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        found[sentence.person_id].append(sentence)
    return found


def compliance_for(*, sentences: list[Sentence], today: dt.date) -> dict[int, SentenceCompliance]:
    """Each sentence's compliance in three queries whatever the number of sentences: the same reads as
    ``enforcement.services.compliance.sentence_compliance`` does per sentence, by sentence id."""
    if not sentences:
        return {}
    ids = [s.pk for s in sentences]
    since = min(reset_date(s) for s in sentences)
    failures: dict[int, list[tuple[dt.date, str, str, bool]]] = defaultdict(list)
    # The same failures-to-comply query as enforcement's failure_day_rows, for many sentences at once.
    rows = (
        Contact.objects.failures_to_comply()
        .filter(sentence_id__in=ids)
        .with_carries_out_requirement()
        .annotate(day=TruncDate("starts_at", tzinfo=LONDON))
        .filter(day__gte=since)
        .values_list("sentence_id", "day", "type", "outcome", "carries_out_requirement")
        .distinct()
    )
    for sentence_id, day, kind, outcome, linked in rows:
        failures[sentence_id].append((day, kind, outcome, linked))
    warnings: dict[int, list[dt.date]] = defaultdict(list)
    for sentence_id, decided_on in (
        EnforcementCase.objects.warnings()
        .filter(sentence_id__in=ids, decided_on__isnull=False)
        .values_list("sentence_id", "decided_on")
    ):
        warnings[sentence_id].append(decided_on)
    in_breach = set(
        Breach.objects.in_progress().filter(sentence_id__in=ids).values_list("sentence_id", flat=True)
    )
    return {
        s.pk: compliance_from(
            sentence=s,
            records=contact_records(failures[s.pk]),
            warning_dates=warnings[s.pk],
            breach_in_progress=s.pk in in_breach,
            today=today,
        )
        for s in sentences
    }


def active_registrations(*, person_ids: Iterable[int]) -> dict[int, list[Registration]]:
    found: dict[int, list[Registration]] = defaultdict(list)
    for registration in (
        Registration.objects.active()
        .filter(person_id__in=list(person_ids))
        .only("id", "person_id", "register_type", "category", "level", "registered_on")
    ):
        found[registration.person_id].append(registration)
    return found


@dataclass(frozen=True)
class PreviousReport:
    type_label: str  # the type delivered, else the type requested
    completed_on: dt.date | None
    court: str


def previous_reports(*, person_ids: Iterable[int]) -> dict[int, list[PreviousReport]]:
    """Each person's completed pre-sentence reports (closed ones too: closing follows the sentence),
    newest first; one query."""
    requests = (
        ReportRequest.objects.filter(
            person_id__in=list(person_ids), status__in=(RequestStatus.COMPLETED, RequestStatus.CLOSED)
        )
        .select_related("court")
        .only("person_id", "type_requested", "type_delivered", "completed_on", "court__name")
        .order_by("-completed_on", "-id")
    )
    found: dict[int, list[PreviousReport]] = defaultdict(list)
    for request in requests:
        delivered = request.get_type_delivered_display() if request.type_delivered else ""
        found[request.person_id].append(
            PreviousReport(
                delivered or request.get_type_requested_display(), request.completed_on, request.court.name
            )
        )
    return found
