"""Available points and capacity (workload.md § Capacity).

- nominal target 2,176 points for a full-time practitioner on 37 contracted hours;
- available hours = contracted hours − reduction hours;
- available points = ⌊ nominal target × available hours ÷ 37 ⌋;
- capacity % = total points ÷ available points × 100, to one decimal place; ≥ 100 % is over capacity.

Arithmetic is exact (Fraction/Decimal), so the floor and the rounding never depend on binary floats.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

NOMINAL_TARGET_POINTS = 2176
FULL_TIME_HOURS = Decimal(37)
# HM Inspectorate of Probation recommends no more than 50 cases per practitioner (issue 17): shown on
# the team view beside the points, not used in the capacity figure.
CASELOAD_CEILING = 50
OVER_CAPACITY_PERCENT = Decimal(100)


@dataclass(frozen=True)
class Reduction:
    """Hours taken off a practitioner's contracted hours from ``starts_on`` to ``ends_on`` inclusive
    (``None``: open-ended), e.g. long-term sickness, a newly qualified PO's protected time, PQiP
    study, trade-union facility time."""

    hours: Decimal
    starts_on: dt.date
    ends_on: dt.date | None = None

    def applies_on(self, on: dt.date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


def reduction_hours(reductions: Iterable[Reduction], on: dt.date, *, contracted_hours: Decimal) -> Decimal:
    """The hours of every reduction in force on ``on``, never more than the contracted hours (two
    overlapping reductions cannot take a practitioner below no hours at all)."""
    total = sum((r.hours for r in reductions if r.applies_on(on)), Decimal(0))
    return min(total, contracted_hours)


def available_hours(contracted_hours: Decimal, reduction: Decimal) -> Decimal:
    if contracted_hours < 0 or reduction < 0:
        raise ValueError("hours cannot be negative")
    return max(contracted_hours - reduction, Decimal(0))


def available_points(
    contracted_hours: Decimal,
    reduction: Decimal = Decimal(0),
    *,
    nominal_target: int = NOMINAL_TARGET_POINTS,
    full_time_hours: Decimal = FULL_TIME_HOURS,
) -> int:
    """⌊ nominal target × available hours ÷ full-time hours ⌋ (workload.md: 37 h less 1.8 h ⇒ 2,070;
    30 h less 1.8 h ⇒ 1,658)."""
    hours = Fraction(available_hours(contracted_hours, reduction))
    return int(Fraction(nominal_target) * hours // Fraction(full_time_hours))


def capacity_percent(total_points: int, available: int) -> Decimal | None:
    """Total points as a percentage of available points, to one decimal place (half up). ``None``
    when no points are available (a practitioner on a 100 % reduction has no capacity to measure)."""
    if available <= 0:
        return None
    exact = Fraction(total_points * 100, available)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def is_over_capacity(percent: Decimal | None, total_points: int = 0) -> bool:
    """≥ 100 % is over capacity; with no available points, any work at all is over capacity."""
    if percent is None:
        return total_points > 0
    return percent >= OVER_CAPACITY_PERCENT
