"""OGRS3 — Offender Group Reconviction Scale v3 (predictors.md § OGRS3).

Predicts proven reoffending within 1 and 2 years of the start of follow-up from static criminal
history only: linear score S = A (age/gender) + C (conviction status) + R (Copas rate) + O
(offence category), then 1-year = logistic(1.40256 + S) and 2-year = logistic(2.1217 + S).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from probation.rules.predictors.common import (
    Band,
    Gender,
    InputProblem,
    age_on,
    conviction_history_problems,
    exact_arithmetic,
    logistic,
    percent_from_probability,
    raise_if_any,
    type_problems,
)
from probation.rules.predictors.offences import find_offence, ogrs3_offence_problems

# predictors.md § OGRS3, A — age/gender: (lowest age of the band, male, female). Ages are on the
# start of follow-up; each band runs up to the next band's lowest age, the last is 50+.
AGE_GENDER_COEFFICIENTS: tuple[tuple[int, Decimal, Decimal], ...] = (
    (10, Decimal("0"), Decimal("0.785")),
    (12, Decimal("0.08392"), Decimal("0.61385")),
    (14, Decimal("0.07578"), Decimal("0.66952")),
    (16, Decimal("-0.0616"), Decimal("-0.9592")),
    (18, Decimal("-0.6251"), Decimal("-0.8975")),
    (21, Decimal("-1.0515"), Decimal("-1.0285")),
    (25, Decimal("-1.1667"), Decimal("-1.0528")),
    (30, Decimal("-1.326"), Decimal("-1.1291")),
    (35, Decimal("-1.368"), Decimal("-1.4219")),
    (40, Decimal("-1.4997"), Decimal("-1.5247")),
    (50, Decimal("-2.0253"), Decimal("-2.4498")),
)

# predictors.md § OGRS3, C — conviction status.
FIRST_SANCTION_COEFFICIENT = Decimal("0.12614")
REPEAT_SANCTION_COEFFICIENT = Decimal("0.46306")

# predictors.md § OGRS3, R — Copas rate: 1.25112 × ln(total ÷ (10 + age at conviction − age at first)).
COPAS_COEFFICIENT = Decimal("1.25112")
COPAS_YEARS_OFFSET = 10

# predictors.md § OGRS3, O — offence category coefficients, keyed by the category names used in
# offence_weightings.csv (which add "offences" to two of the reference's shorter names).
OFFENCE_CATEGORY_COEFFICIENTS: dict[str, Decimal] = {
    "Violence": Decimal("0"),
    "Robbery": Decimal("-0.6348"),
    "Public order": Decimal("0.1819"),
    "Sexual (not against child)": Decimal("0.0328"),
    "Sexual (against child)": Decimal("-0.6534"),
    "Soliciting or prostitution": Decimal("0.7606"),
    "Burglary (domestic)": Decimal("-0.1239"),
    "Burglary (other)": Decimal("0.2406"),
    "Criminal damage": Decimal("0.205"),
    "Drug possession/supply": Decimal("0.0772"),
    "Theft (non-motor)": Decimal("0.6612"),
    "Handling stolen goods": Decimal("0.3519"),
    "Fraud and forgery": Decimal("0.1599"),
    "Absconding or bail offences": Decimal("0.7334"),
    "Taking & driving away and related offences": Decimal("0.3801"),
    "Theft from vehicles": Decimal("0.4272"),
    "Other motoring": Decimal("0.2622"),
    "Drink driving and related offences": Decimal("-0.1214"),
    "Drug import/export/production": Decimal("-0.7956"),
    "Other offence": Decimal("-0.0607"),
}

# predictors.md § OGRS3: 1-year = logistic(1.40256 + S); 2-year = logistic(2.1217 + S).
ONE_YEAR_INTERCEPT = Decimal("1.40256")
TWO_YEAR_INTERCEPT = Decimal("2.1217")


@dataclass(frozen=True)
class Ogrs3Inputs:
    """predictors.md § OGRS3, inputs.

    `total_sanctions` counts all convictions, cautions, reprimands and warnings including the
    current one; `start_of_follow_up` is the sentence date (community) or release date (custody).
    """

    gender: Gender
    date_of_birth: dt.date
    date_of_current_conviction: dt.date
    start_of_follow_up: dt.date
    total_sanctions: int
    age_at_first_sanction: int
    current_offence_code: str


@dataclass(frozen=True)
class Ogrs3Result:
    """OGRS3 scores with the feature values and terms that produced them."""

    one_year_percent: int
    two_year_percent: int
    band: Band
    one_year_probability: Decimal
    two_year_probability: Decimal
    age_at_start_of_follow_up: int
    age_at_current_conviction: int
    offence_category: str
    age_gender_term: Decimal
    conviction_status_term: Decimal
    copas_rate: Decimal
    copas_term: Decimal
    offence_term: Decimal
    linear_score: Decimal


def ogrs3_band(two_year_percent: int) -> Band:
    """predictors.md § OGRS3: band on the 2-year %: 0–49 low; 50–74 medium; 75–89 high; ≥ 90 very high."""
    if two_year_percent >= 90:
        return Band.VERY_HIGH
    if two_year_percent >= 75:
        return Band.HIGH
    if two_year_percent >= 50:
        return Band.MEDIUM
    return Band.LOW


def age_gender_term(gender: Gender, age: int) -> Decimal:
    """predictors.md § OGRS3, A — the coefficient of the age band containing `age` (10 or over)."""
    if age < AGE_GENDER_COEFFICIENTS[0][0]:
        raise ValueError(f"OGRS3 has no age band for age {age}")
    _, male, female = next(row for row in reversed(AGE_GENDER_COEFFICIENTS) if age >= row[0])
    return male if gender is Gender.MALE else female


def conviction_status_term(total_sanctions: int) -> Decimal:
    """predictors.md § OGRS3, C: total sanctions = 1 ⇒ 0.12614; > 1 ⇒ 0.46306."""
    return FIRST_SANCTION_COEFFICIENT if total_sanctions == 1 else REPEAT_SANCTION_COEFFICIENT


def copas_denominator(age_at_current_conviction: int, age_at_first_sanction: int) -> int:
    """predictors.md § OGRS3, R: the years of the criminal career plus 10."""
    return COPAS_YEARS_OFFSET + age_at_current_conviction - age_at_first_sanction


def validate_ogrs3(inputs: Ogrs3Inputs) -> list[InputProblem]:
    """Every problem with `inputs` (predictors.md § OGRS3, validation errors); empty if valid."""
    problems = type_problems(inputs)
    if problems:
        return problems
    problems = conviction_history_problems(
        date_of_birth=inputs.date_of_birth,
        date_of_current_conviction=inputs.date_of_current_conviction,
        start_of_follow_up=inputs.start_of_follow_up,
        total_sanctions=inputs.total_sanctions,
        age_at_first_sanction=inputs.age_at_first_sanction,
    )
    if inputs.date_of_current_conviction > inputs.date_of_birth:
        age_at_conviction = age_on(inputs.date_of_birth, inputs.date_of_current_conviction)
        # Unreachable while age at first sanction ≤ age at conviction, but the reference names it
        # as an error in its own right, so it is checked rather than assumed.
        if copas_denominator(age_at_conviction, inputs.age_at_first_sanction) <= 0:
            problems.append(
                InputProblem(
                    "age_at_first_sanction",
                    "The Copas rate denominator (10 + age at current conviction − age at first sanction) "
                    "must be positive.",
                )
            )
    weighting, offence_problems = find_offence(inputs.current_offence_code, "current_offence_code")
    if weighting is not None:
        offence_problems = ogrs3_offence_problems(weighting, "current_offence_code")
    return problems + offence_problems


@exact_arithmetic
def calculate_ogrs3(inputs: Ogrs3Inputs) -> Ogrs3Result:
    """OGRS3 1- and 2-year proven reoffending % and band (predictors.md § OGRS3).

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_ogrs3(inputs))
    weighting, _ = find_offence(inputs.current_offence_code, "current_offence_code")
    assert weighting is not None
    assert weighting.ogrs3_category is not None
    age_at_follow_up = age_on(inputs.date_of_birth, inputs.start_of_follow_up)
    age_at_conviction = age_on(inputs.date_of_birth, inputs.date_of_current_conviction)

    a = age_gender_term(inputs.gender, age_at_follow_up)
    c = conviction_status_term(inputs.total_sanctions)
    copas_rate = Decimal(inputs.total_sanctions) / copas_denominator(
        age_at_conviction, inputs.age_at_first_sanction
    )
    r = COPAS_COEFFICIENT * copas_rate.ln()
    o = OFFENCE_CATEGORY_COEFFICIENTS[weighting.ogrs3_category]
    s = a + c + r + o

    one_year = logistic(ONE_YEAR_INTERCEPT + s)
    two_year = logistic(TWO_YEAR_INTERCEPT + s)
    two_year_percent = percent_from_probability(two_year)
    return Ogrs3Result(
        one_year_percent=percent_from_probability(one_year),
        two_year_percent=two_year_percent,
        band=ogrs3_band(two_year_percent),
        one_year_probability=one_year,
        two_year_probability=two_year,
        age_at_start_of_follow_up=age_at_follow_up,
        age_at_current_conviction=age_at_conviction,
        offence_category=weighting.ogrs3_category,
        age_gender_term=a,
        conviction_status_term=c,
        copas_rate=copas_rate,
        copas_term=r,
        offence_term=o,
        linear_score=s,
    )
