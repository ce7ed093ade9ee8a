"""The weightings in force on a date (reference data with effective dates, workload.md)."""

import datetime as dt
from dataclasses import dataclass

from probation.rules.workload.points import CaseType, ReportType, Weighting, weightings_in_force
from probation.workload.models import CaseWeighting, ReportWeighting


@dataclass(frozen=True)
class Weightings:
    cases: dict[tuple[str, CaseType], int]
    reports: dict[ReportType, int]


def weightings_on(on: dt.date) -> Weightings:
    """Two queries: every case and report weighting row that had taken effect by ``on``; the rules
    keep the latest of each."""
    case_rows = CaseWeighting.objects.filter(effective_from__lte=on).values_list(
        "tier", "case_type", "points", "effective_from"
    )
    report_rows = ReportWeighting.objects.filter(effective_from__lte=on).values_list(
        "report_type", "points", "effective_from"
    )
    cases = weightings_in_force(
        (Weighting((tier, CaseType(kind)), points, since) for tier, kind, points, since in case_rows), on
    )
    reports = weightings_in_force(
        (Weighting(ReportType(kind), points, since) for kind, points, since in report_rows), on
    )
    return Weightings(cases, reports)
