"""OVP — OASys Violence Predictor (predictors.md § OVP).

Static criminal-history points plus dynamic assessment points are summed, then
1-year = logistic(0.0722 × total − 4.5215) and 2-year = logistic(0.0722 × total − 3.8773).
"""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from probation.rules.predictors.common import (
    Band,
    Gender,
    InputProblem,
    ProblemLevel,
    after_birth,
    age_on,
    exact_arithmetic,
    logistic,
    percent_from_probability,
    raise_if_any,
    type_problems,
    violent_sanction_problems,
)

# predictors.md § OVP, static points.
ANY_SANCTIONS_POINTS = 5
# Violent sanctions 0⇒0, 1⇒4, 2⇒7, 3⇒9, 4⇒11, 5⇒12, then +1 each up to 17⇒24, 18+⇒25.
VIOLENT_SANCTION_POINTS: tuple[int, ...] = (0, 4, 7, 9, 11, *range(12, 26))
# Non-violent sanctions (lowest count of each band, points): 0–2⇒0, 3–4⇒2, 5–10⇒3, 11–20⇒4, 21+⇒5.
NON_VIOLENT_SANCTION_POINTS: tuple[tuple[int, int], ...] = ((0, 0), (3, 2), (5, 3), (11, 4), (21, 5))
# Age at start of follow-up (lowest age of each band, points); under 18 is an error.
MINIMUM_AGE = 18
AGE_POINTS: tuple[tuple[int, int], ...] = (
    (18, 20), (20, 17), (22, 14), (24, 12), (26, 10), (31, 8), (36, 6), (41, 4), (46, 2), (51, 0),
)  # fmt: skip
MALE_POINTS = 5

# predictors.md § OVP, dynamic points.
DOES_NOT_RECOGNISE_IMPACT_POINTS = 4
NO_FIXED_ABODE_POINTS = 4
UNEMPLOYED_POINTS = 4
ALCOHOL_WEIGHT = Decimal("2.5")
PSYCHIATRIC_TREATMENT_POINTS = 4
TEMPER_CONTROL_WEIGHT = 3
PRO_CRIMINAL_ATTITUDES_WEIGHT = 3

# predictors.md § OVP: 1-year = logistic(0.0722 × total − 4.5215); 2-year = logistic(0.0722 × total − 3.8773).
TOTAL_COEFFICIENT = Decimal("0.0722")
ONE_YEAR_INTERCEPT = Decimal("-4.5215")
TWO_YEAR_INTERCEPT = Decimal("-3.8773")


@dataclass(frozen=True)
class OvpInputs:
    """predictors.md § OVP, items. `total_sanctions` includes the current one; `violent_sanctions`
    is the violent subset of them."""

    gender: Gender
    date_of_birth: dt.date
    start_of_follow_up: dt.date
    total_sanctions: int
    violent_sanctions: int
    does_not_recognise_impact_of_offending: bool
    no_fixed_abode_or_transient: bool
    unemployed: bool
    current_alcohol_use: ProblemLevel
    binge_drinking: ProblemLevel
    in_psychiatric_treatment: bool
    temper_control: ProblemLevel
    pro_criminal_attitudes: ProblemLevel


@dataclass(frozen=True)
class OvpResult:
    """OVP scores with each item's points."""

    one_year_percent: int
    two_year_percent: int
    band: Band
    one_year_probability: Decimal
    two_year_probability: Decimal
    total_points: int
    static_points: int
    dynamic_points: int
    age_at_start_of_follow_up: int
    non_violent_sanctions: int
    any_sanctions_points: int
    violent_sanctions_points: int
    non_violent_sanctions_points: int
    age_points: int
    gender_points: int
    impact_on_others_points: int
    accommodation_points: int
    employment_points: int
    alcohol_points: int
    psychiatric_treatment_points: int
    temper_control_points: int
    attitudes_points: int


def ovp_band(two_year_percent: int) -> Band:
    """predictors.md § OVP: band on 2-year %: 1–29 low; 30–59 medium; 60–79 high; 80–99 very high."""
    if two_year_percent >= 80:
        return Band.VERY_HIGH
    if two_year_percent >= 60:
        return Band.HIGH
    if two_year_percent >= 30:
        return Band.MEDIUM
    return Band.LOW


def _banded(value: int, bands: tuple[tuple[int, int], ...]) -> int:
    """Points of the last band whose lowest value is ≤ `value`."""
    return next(points for lowest, points in reversed(bands) if value >= lowest)


def violent_sanctions_points(violent_sanctions: int) -> int:
    """predictors.md § OVP: 0⇒0, 1⇒4, 2⇒7, 3⇒9, 4⇒11, 5⇒12 … 17⇒24, 18+⇒25."""
    return VIOLENT_SANCTION_POINTS[min(violent_sanctions, len(VIOLENT_SANCTION_POINTS) - 1)]


def non_violent_sanctions_points(non_violent_sanctions: int) -> int:
    """predictors.md § OVP: 0–2⇒0, 3–4⇒2, 5–10⇒3, 11–20⇒4, 21+⇒5."""
    return _banded(non_violent_sanctions, NON_VIOLENT_SANCTION_POINTS)


def age_points(age: int) -> int:
    """predictors.md § OVP: 18–19⇒20, 20–21⇒17, 22–23⇒14, 24–25⇒12, 26–30⇒10, 31–35⇒8, 36–40⇒6,
    41–45⇒4, 46–50⇒2, 51+⇒0."""
    if age < MINIMUM_AGE:
        raise ValueError(f"OVP has no points for age {age}")
    return _banded(age, AGE_POINTS)


def alcohol_points(current_alcohol_use: ProblemLevel, binge_drinking: ProblemLevel) -> int:
    """predictors.md § OVP: ceil(2.5 × (current alcohol problem level + binge level)): 0, 3, 5, 8, 10."""
    return math.ceil(ALCOHOL_WEIGHT * (current_alcohol_use.score + binge_drinking.score))


def validate_ovp(inputs: OvpInputs) -> list[InputProblem]:
    """Every problem with `inputs`; empty if valid."""
    problems = type_problems(inputs)
    if problems:
        return problems
    problems = after_birth(inputs, ["start_of_follow_up"], inputs.date_of_birth)
    if not problems and age_on(inputs.date_of_birth, inputs.start_of_follow_up) < MINIMUM_AGE:
        age = age_on(inputs.date_of_birth, inputs.start_of_follow_up)
        problems.append(
            InputProblem(
                "start_of_follow_up", f"Age at start of follow-up is {age}; OVP applies only from age 18."
            )
        )
    if inputs.total_sanctions < 1:
        # Total sanctions include the current one, so a person being assessed has at least one.
        problems.append(
            InputProblem(
                "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
            )
        )
    problems += violent_sanction_problems(inputs.total_sanctions, inputs.violent_sanctions)
    return problems


@exact_arithmetic
def calculate_ovp(inputs: OvpInputs) -> OvpResult:
    """OVP 1- and 2-year violent reoffending % and band (predictors.md § OVP).

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_ovp(inputs))
    age = age_on(inputs.date_of_birth, inputs.start_of_follow_up)
    non_violent = inputs.total_sanctions - inputs.violent_sanctions
    static = {
        "any_sanctions_points": ANY_SANCTIONS_POINTS if inputs.total_sanctions > 0 else 0,
        "violent_sanctions_points": violent_sanctions_points(inputs.violent_sanctions),
        "non_violent_sanctions_points": non_violent_sanctions_points(non_violent),
        "age_points": age_points(age),
        "gender_points": MALE_POINTS if inputs.gender is Gender.MALE else 0,
    }
    dynamic = {
        "impact_on_others_points": (
            DOES_NOT_RECOGNISE_IMPACT_POINTS if inputs.does_not_recognise_impact_of_offending else 0
        ),
        "accommodation_points": NO_FIXED_ABODE_POINTS if inputs.no_fixed_abode_or_transient else 0,
        "employment_points": UNEMPLOYED_POINTS if inputs.unemployed else 0,
        "alcohol_points": alcohol_points(inputs.current_alcohol_use, inputs.binge_drinking),
        "psychiatric_treatment_points": PSYCHIATRIC_TREATMENT_POINTS
        if inputs.in_psychiatric_treatment
        else 0,
        "temper_control_points": TEMPER_CONTROL_WEIGHT * inputs.temper_control.score,
        "attitudes_points": PRO_CRIMINAL_ATTITUDES_WEIGHT * inputs.pro_criminal_attitudes.score,
    }
    static_points = sum(static.values())
    dynamic_points = sum(dynamic.values())
    total = static_points + dynamic_points
    one_year = logistic(TOTAL_COEFFICIENT * total + ONE_YEAR_INTERCEPT)
    two_year = logistic(TOTAL_COEFFICIENT * total + TWO_YEAR_INTERCEPT)
    two_year_percent = percent_from_probability(two_year)
    return OvpResult(
        one_year_percent=percent_from_probability(one_year),
        two_year_percent=two_year_percent,
        band=ovp_band(two_year_percent),
        one_year_probability=one_year,
        two_year_probability=two_year,
        total_points=total,
        static_points=static_points,
        dynamic_points=dynamic_points,
        age_at_start_of_follow_up=age,
        non_violent_sanctions=non_violent,
        **static,
        **dynamic,
    )
