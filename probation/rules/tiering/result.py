"""The calculation's output: the tier plus a breakdown that explains it ("why is this case B2?")."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from probation.rules.tiering.inputs import NeedSection, TierInputs
from probation.rules.tiering.tables import RoshLevel, Severity


class Axis(StrEnum):
    PROTECT = "protect"
    CHANGE = "change"


@dataclass(frozen=True)
class Contribution:
    """One line of the breakdown: which rule, how many points (may be negative), and why."""

    axis: Axis
    rule: str
    points: int
    reason: str


@dataclass(frozen=True)
class NeedScore:
    """How one need section scored (tiering.md § Need severity). `severity` is None when the section
    was ignored because every answer was missing or unknown."""

    section: NeedSection
    score: int
    severity: Severity | None
    weighting: int
    points: int


@dataclass(frozen=True)
class DerivedFacts:
    """Facts the rules derived from the raw inputs (tiering.md § Inputs, Derived from registrations)."""

    rsr_percentage: Decimal
    ogrs_percentage: int
    rosh_level: RoshLevel | None
    mappa_level: str | None
    complexity_factors: tuple[str, ...]
    iom: bool
    unsupervised: bool
    female: bool
    mandate_for_change: bool
    has_needs_assessment: bool
    need_scores: tuple[NeedScore, ...]


@dataclass(frozen=True)
class TierResult:
    """A tier calculation.

    - `tier`: protect letter + change digit, plus "S" when unsupervised, e.g. "B2" or "B2S".
    - `protect_level` "A"–"D" from `protect_points`; `change_level` 0–3.
    - `change_points` is None when the change level was set without points (no mandate ⇒ 0,
      no needs assessment ⇒ 2); `change_reason` / `protect_reason` say how each level was reached.
    - `breakdown`: every contribution; the protect lines sum to `protect_points` and the change lines
      to `change_points` (0 when there are none).
    - `inputs`: exactly what was calculated on, for storing alongside the result.
    """

    tier: str
    protect_level: str
    change_level: int
    unsupervised: bool
    protect_points: int
    change_points: int | None
    protect_reason: str
    change_reason: str
    breakdown: tuple[Contribution, ...]
    derived: DerivedFacts
    inputs: TierInputs

    def contributions(self, axis: Axis) -> tuple[Contribution, ...]:
        """The breakdown lines for one axis, in order."""
        return tuple(line for line in self.breakdown if line.axis == axis)
