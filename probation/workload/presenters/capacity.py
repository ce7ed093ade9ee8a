"""Display rows for workload: capacity as a figure and a bar (the figure is always written out, so the
bar's colour and length are never the only way to read it), points, case count against the 50-case
ceiling, and the tier mix."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from probation.accounts.models import Staff
from probation.rules.workload.capacity import CASELOAD_CEILING, is_over_capacity
from probation.rules.workload.caseload import MIX_KEYS, Workload

# The bar's scale runs to 150 %, so an officer over capacity shows how far over.
BAR_SCALE = Decimal(150)
GOVUK_BLUE = "#1d70b8"
GOVUK_RED = "#d4351c"
MIX_LABELS = {"A": "A", "B": "B", "C": "C", "D": "D", "S": "Unsupervised"}


def percent_text(percent: Decimal | None) -> str:
    return "No available points" if percent is None else f"{percent}%"


@dataclass(frozen=True)
class CapacityBar:
    percent: Decimal | None
    over: bool

    @property
    def text(self) -> str:
        return percent_text(self.percent)

    @property
    def width(self) -> str:
        """The bar's length as an SVG width (a share of the 150 % scale)."""
        if self.percent is None:
            return "100%" if self.over else "0%"
        return f"{min(self.percent, BAR_SCALE) / BAR_SCALE * 100:.1f}%"

    @property
    def marker(self) -> str:
        """Where 100 % falls on the bar."""
        return f"{Decimal(100) / BAR_SCALE * 100:.1f}%"

    @property
    def colour(self) -> str:
        return GOVUK_RED if self.over else GOVUK_BLUE


def capacity_bar(percent: Decimal | None, total_points: int) -> CapacityBar:
    return CapacityBar(percent, is_over_capacity(percent, total_points))


@dataclass(frozen=True)
class OfficerRow:
    code: str
    name: str
    grade: str
    url: str
    bar: CapacityBar
    points: str
    case_count: int
    over_ceiling: bool
    untiered: int
    mix: list[tuple[str, int]]
    reduction_hours: Decimal
    contracted_hours: Decimal

    @property
    def mix_text(self) -> str:
        return ", ".join(f"{label} {count}" for label, count in self.mix if count) or "No tiered cases"

    @property
    def ceiling(self) -> int:
        return CASELOAD_CEILING


def points_text(workload: Workload) -> str:
    return f"{workload.total_points:,} of {workload.available_points:,}"


def officer_row(officer: Staff, workload: Workload) -> OfficerRow:
    return OfficerRow(
        code=officer.code,
        name=officer.name,
        grade=officer.get_grade_display(),
        url=reverse("workload:officer", args=[officer.code]),
        bar=capacity_bar(workload.capacity_percent, workload.total_points),
        points=points_text(workload),
        case_count=workload.case_count,
        over_ceiling=workload.over_ceiling,
        untiered=workload.untiered_count,
        mix=[(MIX_LABELS[key], workload.tier_mix.get(key, 0)) for key in MIX_KEYS],
        reduction_hours=workload.reduction_hours,
        contracted_hours=workload.contracted_hours,
    )
