"""Reads for a sentence's compliance: its failures to comply, warnings, open enforcement cases and
whether a breach is in progress. The sentence passed in has already come through the scoped
``sentence_get`` (probation.sentences.selectors), so case scope and limited access have been applied.

Each function is one query (plus one prefetch where named), so the sentence page and the compliance
page run a fixed number of queries whatever the number of contacts.
"""

import datetime as dt

from django.db.models import Q, QuerySet
from django.db.models.functions import TruncDate

from probation.contacts.models import Contact, EnforcementCase
from probation.contacts.models.contacts import UNACCEPTABLE_OUTCOMES
from probation.contacts.models.enforcement import OPEN_STATUSES, WARNING_STATUSES
from probation.core.clock import LONDON
from probation.core.prepared import PreparedQuery
from probation.enforcement.models import Breach
from probation.sentences.models import Sentence


def failure_day_rows(*, sentence: Sentence, since: dt.date) -> list[tuple[dt.date, str, str, bool]]:
    """Distinct (UK date, contact type, outcome, carries out a requirement) of the sentence's failures
    to comply (enforceable contacts with an unacceptable outcome, ``Contact.objects.failures_to_comply``)
    on or after ``since``: a handful of rows however many contacts the sentence has. The SQL narrows to
    them; the domain rule (counts_as_failure_to_comply) decides again on the rows."""
    rows = (
        Contact.objects.failures_to_comply()
        .filter(sentence=sentence)
        .with_carries_out_requirement()
        .annotate(day=TruncDate("starts_at", tzinfo=LONDON))
        .filter(day__gte=since)
        .values_list("day", "type", "outcome", "carries_out_requirement")
        .distinct()
    )
    return list(rows)


def failure_list(*, sentence: Sentence) -> QuerySet[Contact]:
    """Every contact on the sentence with an unacceptable outcome, enforceable or not, newest first (the
    compliance page marks which count)."""
    return (
        Contact.objects.filter(sentence=sentence, outcome__in=UNACCEPTABLE_OUTCOMES)
        .only(
            "id",
            "type",
            "outcome",
            "starts_at",
            "sentence_id",
            "person_id",
            "requirement_id",
            "licence_condition_id",
        )
        .order_by("-starts_at", "-id")
    )


def enforcement_case_summary_list(*, sentence: Sentence) -> QuerySet[EnforcementCase]:
    """The sentence's open enforcement cases and the warnings given (not withdrawn), for the panel."""
    return (
        EnforcementCase.objects.filter(sentence=sentence)
        .filter(Q(status__in=OPEN_STATUSES) | Q(status__in=WARNING_STATUSES))
        .select_related("contact")
        .order_by("respond_by", "id")
    )


def warning_dates(*, sentence: Sentence, exclude_case_id: int | None = None) -> list[dt.date]:
    """Dates warnings were given on the sentence and not withdrawn (``decided_on`` is the date given)."""
    cases = EnforcementCase.objects.warnings().filter(sentence=sentence, decided_on__isnull=False)
    if exclude_case_id is not None:
        cases = cases.exclude(pk=exclude_case_id)
    return list(cases.order_by("decided_on").values_list("decided_on", flat=True))


def breach_in_progress(*, sentence: Sentence) -> bool:
    return Breach.objects.in_progress().filter(sentence=sentence).exists()


def _failure_day_rows_by_sentence(ids: list[int], since: list[dt.date]) -> QuerySet[Contact]:
    on_or_after = Q()
    for pk, day in zip(ids, since, strict=True):
        on_or_after |= Q(sentence_id=pk, day__gte=day)
    return (
        Contact.objects.failures_to_comply()
        .filter(sentence_id__in=ids)
        .with_carries_out_requirement()
        .annotate(day=TruncDate("starts_at", tzinfo=LONDON))
        .filter(on_or_after)
        .values_list("sentence_id", "day", "type", "outcome", "carries_out_requirement")
        .distinct()
    )


# The case overview reads every current sentence's compliance: SQL built once a process for each
# number of sentences (core/prepared.py).
_failure_day_rows: PreparedQuery[tuple[int, dt.date, str, str, bool]] = PreparedQuery(
    _failure_day_rows_by_sentence, ids=[0], since=[dt.date.min]
)
_warning_dates: PreparedQuery[tuple[int, dt.date]] = PreparedQuery(
    lambda ids: (
        EnforcementCase.objects.warnings()
        .filter(sentence_id__in=ids, decided_on__isnull=False)
        .order_by("decided_on")
        .values_list("sentence_id", "decided_on")
    ),
    ids=[0],
)
_breaches_in_progress: PreparedQuery[int] = PreparedQuery(
    lambda ids: (
        Breach.objects.in_progress().filter(sentence_id__in=ids).values_list("sentence_id", flat=True)
    ),
    ids=[0],
)


def failure_day_rows_by_sentence(
    *, since: dict[int, dt.date]
) -> dict[int, list[tuple[dt.date, str, str, bool]]]:
    """``failure_day_rows`` for several sentences at once ({sentence id: reset date}), in one query, by
    the same rule (``Contact.objects.failures_to_comply``): a case page showing every current sentence's
    compliance runs one query whatever their number."""
    result: dict[int, list[tuple[dt.date, str, str, bool]]] = {pk: [] for pk in since}
    if not since:
        return result
    rows: list[tuple[int, dt.date, str, str, bool]] = _failure_day_rows(
        ids=list(since), since=list(since.values())
    )
    for pk, day, kind, code, linked in rows:
        result[pk].append((day, kind, code, linked))
    return result


def warning_dates_by_sentence(*, sentence_ids: list[int]) -> dict[int, list[dt.date]]:
    """``warning_dates`` for several sentences, in one query."""
    result: dict[int, list[dt.date]] = {pk: [] for pk in sentence_ids}
    if not sentence_ids:
        return result
    for pk, day in _warning_dates(ids=sentence_ids):
        result[pk].append(day)
    return result


def breaches_in_progress(*, sentence_ids: list[int]) -> set[int]:
    """Which of these sentences have a breach in progress, in one query."""
    return set(_breaches_in_progress(ids=sentence_ids)) if sentence_ids else set()
