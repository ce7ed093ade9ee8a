"""Completed reports per author and period, for workload points (workload.md: a standard pre-sentence
report counts 138 points, a short-format one 65; issue 11 item 6).

A report counts for its author in the period its request was completed (``completed_on``), by the
type delivered (the type requested when none was recorded). Closed requests count too: closing
follows completion when the person is sentenced. Withdrawn ones never count.
"""

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, When

from probation.reports.models import ReportRequest, ReportType, RequestStatus
from probation.rules.workload.points import ReportType as WorkloadReport

COUNTED_STATUSES = (RequestStatus.COMPLETED, RequestStatus.CLOSED)


@dataclass(frozen=True)
class CompletedReports:
    author_id: int
    report_type: str  # ReportType value
    count: int


def completed_reports_by_author(
    *, start: dt.date, end: dt.date, author_ids: list[int] | None = None
) -> list[CompletedReports]:
    """How many reports of each type each author completed from ``start`` to ``end`` inclusive; one
    query. ``author_ids`` narrows it to some authors (a team)."""
    requests = ReportRequest.objects.filter(
        status__in=COUNTED_STATUSES,
        author__isnull=False,
        completed_on__range=(start, end),
    )
    if author_ids is not None:
        requests = requests.filter(author_id__in=author_ids)
    rows = (
        requests.annotate(
            delivered=Case(
                When(type_delivered="", then=F("type_requested")),
                default=F("type_delivered"),
                output_field=CharField(),
            )
        )
        .values("author_id", "delivered")
        .annotate(count=Count("id"))
        .order_by("author_id", "delivered")
    )
    return [CompletedReports(r["author_id"], r["delivered"], r["count"]) for r in rows]


# workload.md § Other work: a standard report and a fast-delivery (short-format) report carry points
# while the author is writing them; an oral report and an addendum carry none of their own.
WORKLOAD_KINDS = {
    ReportType.STANDARD: WorkloadReport.STANDARD_PSR,
    ReportType.SHORT_FORMAT: WorkloadReport.FAST_PSR,
}


def reports_being_written(
    staff_ids: Collection[int], on: dt.date
) -> Mapping[int, Mapping[WorkloadReport, int]]:
    """Per author's staff id, how many reports of each workload kind ("standard_psr", "fast_psr") they
    were writing on ``on``: allocated on or before it and not completed before it (one query). The
    workload app registers this as a source of report points."""
    rows = (
        ReportRequest.objects.filter(
            author__staff_id__in=list(staff_ids),
            type_requested__in=list(WORKLOAD_KINDS),
            allocated_on__lte=on,
        )
        .exclude(status=RequestStatus.WITHDRAWN)
        .exclude(completed_on__lt=on)
        .values("author__staff_id", "type_requested")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, dict[WorkloadReport, int]] = {}
    for row in rows:
        kinds = counts.setdefault(row["author__staff_id"], {})
        kinds[WORKLOAD_KINDS[row["type_requested"]]] = row["n"]
    return counts
