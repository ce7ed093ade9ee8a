"""OGP — OASys General reoffending Predictor (predictors.md § OGP).

Adds dynamic assessment items to the OGRS3 2-year %: points are summed, then
1-year = logistic(0.0616 × total − 3.6832) and 2-year = logistic(0.0616 × total − 3.0795).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from probation.rules.predictors.common import (
    Awareness,
    Band,
    InputProblem,
    Motivation,
    ProblemLevel,
    exact_arithmetic,
    logistic,
    percent_from_probability,
    raise_if_any,
    round_half_up,
    type_problems,
)

# predictors.md § OGP, points table.
OGRS3_WEIGHT = Decimal("0.6")
NO_FIXED_ABODE_POINTS = 5
UNEMPLOYED_POINTS = 5
# "some 3, significant 5" for both regular activities and pro-criminal attitudes.
SOME_OR_SIGNIFICANT_POINTS: dict[ProblemLevel, int] = {
    ProblemLevel.NONE: 0,
    ProblemLevel.SOME: 3,
    ProblemLevel.SIGNIFICANT: 5,
}
DRUG_MISUSE_WEIGHT = Decimal("3.75")
# round(sum × 5 ÷ 6): kept as an exact fraction so that sum 3 gives exactly 2.5 and rounds to 3.
THINKING_BEHAVIOUR_WEIGHT = Fraction(5, 6)

# predictors.md § OGP: 1-year = logistic(0.0616 × total − 3.6832); 2-year = logistic(0.0616 × total − 3.0795).
TOTAL_COEFFICIENT = Decimal("0.0616")
ONE_YEAR_INTERCEPT = Decimal("-3.6832")
TWO_YEAR_INTERCEPT = Decimal("-3.0795")


@dataclass(frozen=True)
class OgpInputs:
    """predictors.md § OGP, items. `ogrs3_two_year_percent` is the OGRS3 2-year % (1–99)."""

    ogrs3_two_year_percent: int
    no_fixed_abode_or_transient: bool
    unemployed: bool
    regular_activities_encourage_offending: ProblemLevel
    current_drug_misuse: ProblemLevel
    motivation_to_tackle_drug_misuse: Motivation
    problem_solving: ProblemLevel
    awareness_of_consequences: Awareness
    understands_other_peoples_views: ProblemLevel
    pro_criminal_attitudes: ProblemLevel


@dataclass(frozen=True)
class OgpResult:
    """OGP scores with each item's points (the drug and thinking sums are shown before weighting)."""

    one_year_percent: int
    two_year_percent: int
    band: Band
    one_year_probability: Decimal
    two_year_probability: Decimal
    total_points: int
    ogrs3_points: int
    accommodation_points: int
    employment_points: int
    lifestyle_points: int
    drug_misuse_sum: int
    drug_misuse_points: int
    thinking_behaviour_sum: int
    thinking_behaviour_points: int
    attitudes_points: int


def ogp_band(two_year_percent: int) -> Band:
    """predictors.md § OGP: band on 2-year %: 1–33 low; 34–66 medium; 67–84 high; 85–99 very high."""
    if two_year_percent >= 85:
        return Band.VERY_HIGH
    if two_year_percent >= 67:
        return Band.HIGH
    if two_year_percent >= 34:
        return Band.MEDIUM
    return Band.LOW


def ogrs3_points(ogrs3_two_year_percent: int) -> int:
    """predictors.md § OGP: round(0.6 × OGRS3 2-year %), half-up."""
    return int(round_half_up(OGRS3_WEIGHT * ogrs3_two_year_percent))


def drug_misuse_points(drug_misuse_sum: int) -> int:
    """predictors.md § OGP: round(3.75 × (drug misuse level + motivation)), half-up: 0, 4, 8, 11, 15."""
    return int(round_half_up(DRUG_MISUSE_WEIGHT * drug_misuse_sum))


def thinking_behaviour_points(thinking_sum: int) -> int:
    """predictors.md § OGP: round(sum × 5 ÷ 6), half-up: 0, 1, 2, 3, 3, 4, 5 for sums 0–6."""
    scaled = thinking_sum * THINKING_BEHAVIOUR_WEIGHT
    return int(round_half_up(Decimal(scaled.numerator) / Decimal(scaled.denominator)))


def validate_ogp(inputs: OgpInputs) -> list[InputProblem]:
    """Every problem with `inputs`; empty if valid."""
    problems = type_problems(inputs)
    if not problems and not 1 <= inputs.ogrs3_two_year_percent <= 99:
        # OGRS3 never produces 0 % or 100 % (predictors.md § Common definitions, percent rounding).
        problems.append(
            InputProblem("ogrs3_two_year_percent", "OGRS3 two year percent must be between 1 and 99.")
        )
    return problems


@exact_arithmetic
def calculate_ogp(inputs: OgpInputs) -> OgpResult:
    """OGP 1- and 2-year general reoffending % and band (predictors.md § OGP).

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_ogp(inputs))
    drug_sum = inputs.current_drug_misuse.score + inputs.motivation_to_tackle_drug_misuse.score
    thinking_sum = (
        inputs.problem_solving.score
        + inputs.awareness_of_consequences.score
        + inputs.understands_other_peoples_views.score
    )
    points = {
        "ogrs3_points": ogrs3_points(inputs.ogrs3_two_year_percent),
        "accommodation_points": NO_FIXED_ABODE_POINTS if inputs.no_fixed_abode_or_transient else 0,
        "employment_points": UNEMPLOYED_POINTS if inputs.unemployed else 0,
        "lifestyle_points": SOME_OR_SIGNIFICANT_POINTS[inputs.regular_activities_encourage_offending],
        "drug_misuse_points": drug_misuse_points(drug_sum),
        "thinking_behaviour_points": thinking_behaviour_points(thinking_sum),
        "attitudes_points": SOME_OR_SIGNIFICANT_POINTS[inputs.pro_criminal_attitudes],
    }
    total = sum(points.values())
    one_year = logistic(TOTAL_COEFFICIENT * total + ONE_YEAR_INTERCEPT)
    two_year = logistic(TOTAL_COEFFICIENT * total + TWO_YEAR_INTERCEPT)
    two_year_percent = percent_from_probability(two_year)
    return OgpResult(
        one_year_percent=percent_from_probability(one_year),
        two_year_percent=two_year_percent,
        band=ogp_band(two_year_percent),
        one_year_probability=one_year,
        two_year_probability=two_year,
        total_points=total,
        drug_misuse_sum=drug_sum,
        thinking_behaviour_sum=thinking_sum,
        **points,
    )
