"""The relative rate of an outcome for a group against everyone else, with its 95% interval
(equality.md § The comparison).

Method: the log (Katz) interval for a ratio of two proportions — exp(ln RR ± 1.96 × SE) with
SE = √(1/a − 1/n₁ + 1/c − 1/n₂) (Katz, Baptista, Azen and Pike, Biometrics 1978). It is not
computed when either group has no one with the outcome (the logarithm is undefined). Values are
rounded half up to two decimal places for display, after the interval is computed from exact values.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

Z_95 = 1.96
SMALL_NUMBER = 10  # fewer than this many people (or outcomes) is suppressed (equality.md)
TWO_PLACES = Decimal("0.01")


class Comparison(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"
    NOT_COMPUTED = "not_computed"


COMPARISON_LABELS = {
    Comparison.HIGHER: "Higher than the rest",
    Comparison.LOWER: "Lower than the rest",
    Comparison.NO_CLEAR_DIFFERENCE: "No clear difference",
    Comparison.NOT_COMPUTED: "Not computed",
}


def _two_places(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RelativeRate:
    """RR and its 95% interval (exact floats, and rounded for display); or why it was not computed."""

    ratio: float | None
    lower: float | None
    upper: float | None
    not_computed_reason: str = ""

    @property
    def comparison(self) -> Comparison:
        if self.lower is None or self.upper is None:
            return Comparison.NOT_COMPUTED
        if self.lower > 1:
            return Comparison.HIGHER
        if self.upper < 1:
            return Comparison.LOWER
        return Comparison.NO_CLEAR_DIFFERENCE

    def rounded(self) -> tuple[Decimal, Decimal, Decimal] | None:
        if self.ratio is None or self.lower is None or self.upper is None:
            return None
        return _two_places(self.ratio), _two_places(self.lower), _two_places(self.upper)


def relative_rate(*, a: int, n1: int, c: int, n2: int) -> RelativeRate:
    """Group G (a of n₁ had the outcome) against everyone else (c of n₂)."""
    if min(a, n1, c, n2) < 0 or a > n1 or c > n2:
        raise ValueError("counts must be 0 ≤ a ≤ n1 and 0 ≤ c ≤ n2")
    if n1 == 0:
        return RelativeRate(None, None, None, "No one in this group")
    if n2 == 0:
        return RelativeRate(None, None, None, "No one else to compare with")
    if a == 0:
        return RelativeRate(None, None, None, "No one in this group had the outcome")
    if c == 0:
        return RelativeRate(None, None, None, "No one else had the outcome")
    ratio = (a / n1) / (c / n2)
    se = math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2)
    log_ratio = math.log(ratio)
    return RelativeRate(ratio, math.exp(log_ratio - Z_95 * se), math.exp(log_ratio + Z_95 * se))


@dataclass(frozen=True)
class GroupFigure:
    """One group's line, with suppression applied (equality.md § Suppression)."""

    people: int | None  # None: suppressed ("fewer than 10")
    with_outcome: int | None  # None: suppressed
    rate_percent: Decimal | None  # None: suppressed or no people
    relative: RelativeRate | None  # None: suppressed
    group_suppressed: bool
    outcome_suppressed: bool


def group_figure(
    *, with_outcome: int, people: int, total_with_outcome: int, total_people: int
) -> GroupFigure:
    """The figures shown for a group, compared with everyone else in the same denominator (the
    totals include the group). A group of fewer than 10 people shows none of its figures; an outcome
    count of 1 to 9 is hidden but the rate and relative rate are still shown."""
    if people < SMALL_NUMBER:
        return GroupFigure(None, None, None, None, group_suppressed=True, outcome_suppressed=True)
    relative = relative_rate(
        a=with_outcome,
        n1=people,
        c=total_with_outcome - with_outcome,
        n2=total_people - people,
    )
    rate = (Decimal(with_outcome) * 100 / Decimal(people)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    outcome_suppressed = 0 < with_outcome < SMALL_NUMBER
    return GroupFigure(
        people=people,
        with_outcome=None if outcome_suppressed else with_outcome,
        rate_percent=rate,
        relative=relative,
        group_suppressed=False,
        outcome_suppressed=outcome_suppressed,
    )
