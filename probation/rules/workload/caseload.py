"""One practitioner's workload on a date: points from cases and reports against available points
(workload.md), with the case count and tier mix a manager allocates by."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from probation.rules.workload.capacity import (
    CASELOAD_CEILING,
    Reduction,
    available_points,
    capacity_percent,
    is_over_capacity,
    reduction_hours,
)
from probation.rules.workload.points import (
    CaseType,
    CaseWeightings,
    ReportType,
    ReportWeightings,
    case_points,
    parse_tier,
    report_points,
)

UNSUPERVISED = "S"
# The tier mix's columns: each protect level, unsupervised cases, and cases with no tier yet.
MIX_KEYS = ("A", "B", "C", "D", UNSUPERVISED)


@dataclass(frozen=True)
class Case:
    """One case on a caseload: its tier ("" when never calculated) and case type (None when it has
    no current sentence)."""

    tier: str
    case_type: CaseType | None


@dataclass(frozen=True)
class Workload:
    contracted_hours: Decimal
    reduction_hours: Decimal
    available_points: int
    case_points: int
    report_points: int
    case_count: int
    untiered_count: int
    tier_mix: Mapping[str, int] = field(default_factory=dict)

    @property
    def total_points(self) -> int:
        return self.case_points + self.report_points

    @property
    def capacity_percent(self) -> Decimal | None:
        return capacity_percent(self.total_points, self.available_points)

    @property
    def over_capacity(self) -> bool:
        return is_over_capacity(self.capacity_percent, self.total_points)

    @property
    def over_ceiling(self) -> bool:
        """More cases than the 50 inspectors recommend."""
        return self.case_count > CASELOAD_CEILING

    def capacity_after(self, extra_points: int) -> Decimal | None:
        """Capacity % once a case worth ``extra_points`` is added (allocation, workload.md)."""
        return capacity_percent(self.total_points + extra_points, self.available_points)


CaseCounts = Mapping[Case, int]


def tier_mix(cases: CaseCounts) -> dict[str, int]:
    """How many cases at each protect level (A–D) and unsupervised (S); untiered cases are counted
    separately (``Workload.untiered_count``)."""
    mix: Counter[str] = Counter(dict.fromkeys(MIX_KEYS, 0))
    for case, count in cases.items():
        if case.tier == "":
            continue
        supervised, unsupervised = parse_tier(case.tier)
        mix[UNSUPERVISED if unsupervised else supervised[0]] += count
    return {key: mix[key] for key in MIX_KEYS}


def count_cases(cases: Iterable[Case]) -> dict[Case, int]:
    """One count per distinct tier and case type (the database returns them grouped)."""
    return dict(Counter(cases))


def workload(
    *,
    cases: CaseCounts,
    reports: Mapping[ReportType, int],
    contracted_hours: Decimal,
    reductions: Iterable[Reduction],
    on: dt.date,
    case_weightings: CaseWeightings,
    report_weightings: ReportWeightings,
) -> Workload:
    """``cases`` counts the caseload's cases by tier and case type (``count_cases``)."""
    if any(count < 0 for count in cases.values()):
        raise ValueError("case counts cannot be negative")
    points = {case: case_points(case.tier, case.case_type, case_weightings) for case in cases}
    reduced = reduction_hours(reductions, on, contracted_hours=contracted_hours)
    return Workload(
        contracted_hours=contracted_hours,
        reduction_hours=reduced,
        available_points=available_points(contracted_hours, reduced),
        case_points=sum(p * cases[case] for case, p in points.items() if p is not None),
        report_points=report_points(reports, report_weightings),
        case_count=sum(cases.values()),
        untiered_count=sum(cases[case] for case, p in points.items() if p is None),
        tier_mix=tier_mix(cases),
    )
