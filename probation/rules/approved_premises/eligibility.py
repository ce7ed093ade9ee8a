"""Who may be placed in an approved premises (approved-premises.md § Purpose and who goes there).

- Two-axis tiers: A1–A3 and B1–B3 are eligible; women also C3. An unsupervised tier (``B2S``) is
  judged on its protect letter and change digit.
- The new tier model (a letter only): A, B and C are eligible.
- Otherwise the application stops unless an exceptional case is recorded (manager, date, summary).
- No tier: the applicant states the RoSH. Very high or high takes the exceptional-case route; medium
  with complex needs is not eligible.
"""

from dataclasses import dataclass
from enum import StrEnum

ELIGIBLE_TIERS = frozenset({"A1", "A2", "A3", "B1", "B2", "B3"})
ELIGIBLE_TIERS_WOMEN = ELIGIBLE_TIERS | {"C3"}
ELIGIBLE_NEW_MODEL = frozenset({"A", "B", "C"})
EXCEPTIONAL_ROSH = frozenset({"very_high", "high"})


class Route(StrEnum):
    TIER = "tier"  # eligible by tier
    EXCEPTIONAL = "exceptional"  # only with an exceptional case recorded
    NOT_ELIGIBLE = "not_eligible"


@dataclass(frozen=True)
class Eligibility:
    route: Route
    reason: str

    @property
    def needs_exceptional_case(self) -> bool:
        return self.route == Route.EXCEPTIONAL


def eligibility(*, tier: str, is_woman: bool, stated_rosh: str = "") -> Eligibility:
    """The route an application takes. ``tier`` as stored ("B2", "B2S", "A" or ""); ``stated_rosh``
    is the applicant's statement when there is no tier ("very_high", "high", "medium_complex")."""
    code = tier.strip().upper().removesuffix("S")
    if code:
        allowed = ELIGIBLE_TIERS_WOMEN if is_woman else ELIGIBLE_TIERS
        if code in allowed or code in ELIGIBLE_NEW_MODEL:
            return Eligibility(Route.TIER, f"Tier {tier.strip().upper()} is eligible")
        return Eligibility(
            Route.EXCEPTIONAL,
            f"Tier {tier.strip().upper()} is not eligible: an exceptional case must be recorded",
        )
    if stated_rosh in EXCEPTIONAL_ROSH:
        return Eligibility(Route.EXCEPTIONAL, "No tier: a high or very high RoSH needs an exceptional case")
    return Eligibility(Route.NOT_ELIGIBLE, "No tier and the RoSH stated is not high or very high")
