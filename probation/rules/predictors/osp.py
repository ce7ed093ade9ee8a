"""OSP — OASys Sexual reoffending Predictor: OSP/DC (direct contact) and OSP/IIC (indecent images
and indirect contact) — predictors.md § OSP/DC and § OSP/IIC.

Both apply only to males with a sexual offence history; for anyone else they are "not applicable"
and contribute 0 % to RSR.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from probation.rules.predictors.common import (
    Band,
    Gender,
    InputProblem,
    after_birth,
    age_on,
    completed_years,
    exact_arithmetic,
    label,
    logistic,
    not_after,
    not_negative,
    percent_2dp,
    raise_if_any,
    require,
    round_half_up,
    type_problems,
)

SEXUAL_SANCTION_COUNTS = (
    "contact_adult_sanctions",
    "contact_child_sanctions",
    "non_contact_sanctions",
    "indecent_image_sanctions",
)

# predictors.md § OSP/DC, points for 0 / 1 / 2 / 3+ sanctions of each kind.
CONTACT_ADULT_POINTS = (0, 5, 10, 15)
CONTACT_CHILD_POINTS = (0, 3, 6, 9)
NON_CONTACT_POINTS = (0, 2, 4, 6)
# Age at start of follow-up: 60+ ⇒ 0, else 14 − max(0, ⌊(age − 18) ÷ 3⌋).
AGE_NO_POINTS_FROM = 60
AGE_MAXIMUM_POINTS = 14
# Age at last sexual sanction (lowest age of each band, points): 10–15 ⇒ 0, 16–17 ⇒ 5, 18+ ⇒ 10.
LAST_SEXUAL_SANCTION_AGE_POINTS: tuple[tuple[int, int], ...] = ((10, 0), (16, 5), (18, 10))
REPEAT_SANCTIONS_POINTS = 6
STRANGER_POINTS = 4
# Probability = logistic(−8.633 + 0.1598 × points), 0 when points = 0.
INTERCEPT = Decimal("-8.633")
POINTS_COEFFICIENT = Decimal("0.1598")
# The risk reduction needs 5 full years since each of these events.
REDUCTION_YEARS = 5
BAND_BELOW: dict[Band, Band] = {Band.VERY_HIGH: Band.HIGH, Band.HIGH: Band.MEDIUM, Band.MEDIUM: Band.LOW}


@dataclass(frozen=True)
class OspDcInputs:
    """predictors.md § OSP/DC inputs. Only `gender` and `sexual_offence_history` are needed when the
    predictor is not applicable; everything else is required for a male with a sexual history.

    `non_contact_sanctions` excludes indecent-image offences. `total_sanctions` includes the
    current one. `start_of_follow_up` is the sentence or (expected) release date.
    """

    gender: Gender
    sexual_offence_history: bool
    contact_adult_sanctions: int | None = None
    contact_child_sanctions: int | None = None
    non_contact_sanctions: int | None = None
    date_of_birth: dt.date | None = None
    start_of_follow_up: dt.date | None = None
    assessment_date: dt.date | None = None
    last_sexual_sanction_date: dt.date | None = None
    most_recent_offence_date: dt.date | None = None
    most_recent_sexual_offence_date: dt.date | None = None
    total_sanctions: int | None = None
    current_offence_against_stranger: bool | None = None
    in_custody: bool | None = None


@dataclass(frozen=True)
class OspDcResult:
    """OSP/DC points, band, probability and the feature values behind them.

    `band` is after any risk reduction; `band_before_reduction` is the band on points alone.
    `percent` is the probability as a % rounded to 2 d.p., the RSR component.
    """

    applicable: bool
    points: int
    band: Band
    probability: Decimal
    percent: Decimal
    band_before_reduction: Band
    risk_reduction_applied: bool
    risk_reduction_blockers: tuple[str, ...]
    contact_adult_points: int
    contact_child_points: int
    non_contact_points: int
    age_at_start_of_follow_up: int | None
    age_points: int
    age_at_last_sexual_sanction: int | None
    last_sexual_sanction_age_points: int
    total_sanctions_points: int
    stranger_points: int


@dataclass(frozen=True)
class OspIicInputs:
    """predictors.md § OSP/IIC inputs; the counts are required for a male with a sexual history."""

    gender: Gender
    sexual_offence_history: bool
    contact_adult_sanctions: int | None = None
    contact_child_sanctions: int | None = None
    non_contact_sanctions: int | None = None
    indecent_image_sanctions: int | None = None


@dataclass(frozen=True)
class OspIicResult:
    """OSP/IIC band and % (as published, 3 d.p.), the rule that matched, and the RSR component
    (`rsr_percent`, the % rounded to 2 d.p.)."""

    applicable: bool
    band: Band
    percent: Decimal
    rsr_percent: Decimal
    rule: str


def osp_applicable(gender: Gender, sexual_offence_history: bool) -> bool:
    """predictors.md § OSP/DC, § OSP/IIC: not applicable to females or anyone with no sexual history."""
    return gender is Gender.MALE and sexual_offence_history


def _not_applicable_reason(gender: Gender) -> str:
    return "female" if gender is Gender.FEMALE else "no sexual offence history"


def count_consistency_problems(inputs: object, sexual_offence_history: bool) -> list[InputProblem]:
    """Counts must not be negative, and must be 0 (or omitted) without a sexual offence history:
    a positive count then contradicts the history answer, and scoring either answer would be a guess."""
    names = [name for name in SEXUAL_SANCTION_COUNTS if hasattr(inputs, name)]
    problems = not_negative(inputs, names)
    if not sexual_offence_history:
        problems += [
            InputProblem(name, f"{label(name)} must be 0 when there is no sexual offence history.")
            for name in names
            if (getattr(inputs, name) or 0) > 0
        ]
    return problems


# --- OSP/DC -------------------------------------------------------------------------------------


def osp_dc_band(points: int) -> Band:
    """predictors.md § OSP/DC: band on points: 0–21 low; 22–29 medium; 30–35 high; 36+ very high."""
    if points >= 36:
        return Band.VERY_HIGH
    if points >= 30:
        return Band.HIGH
    if points >= 22:
        return Band.MEDIUM
    return Band.LOW


def count_points(count: int, points: tuple[int, int, int, int]) -> int:
    """Points for 0 / 1 / 2 / 3+ sanctions."""
    return points[min(count, 3)]


def follow_up_age_points(age: int) -> int:
    """predictors.md § OSP/DC: 60+ ⇒ 0, else 14 − max(0, ⌊(age − 18) ÷ 3⌋)."""
    if age >= AGE_NO_POINTS_FROM:
        return 0
    return AGE_MAXIMUM_POINTS - max(0, (age - 18) // 3)


def last_sexual_sanction_age_points(age: int) -> int:
    """predictors.md § OSP/DC: age at last sexual sanction 10–15 ⇒ 0, 16–17 ⇒ 5, 18+ ⇒ 10."""
    if age < LAST_SEXUAL_SANCTION_AGE_POINTS[0][0]:
        raise ValueError(f"OSP/DC has no points for a sexual sanction at age {age}")
    return next(points for lowest, points in reversed(LAST_SEXUAL_SANCTION_AGE_POINTS) if age >= lowest)


def osp_dc_probability(points: int) -> Decimal:
    """predictors.md § OSP/DC: logistic(−8.633 + 0.1598 × points), and 0 when points = 0."""
    if points == 0:
        return Decimal(0)
    return logistic(INTERCEPT + POINTS_COEFFICIENT * points)


_DC_REQUIRED = (
    "contact_adult_sanctions",
    "contact_child_sanctions",
    "non_contact_sanctions",
    "date_of_birth",
    "start_of_follow_up",
    "assessment_date",
    "last_sexual_sanction_date",
    "most_recent_offence_date",
    "most_recent_sexual_offence_date",
    "total_sanctions",
    "current_offence_against_stranger",
    "in_custody",
)
_DC_PAST_EVENTS = ("last_sexual_sanction_date", "most_recent_offence_date", "most_recent_sexual_offence_date")


def validate_osp_dc(inputs: OspDcInputs) -> list[InputProblem]:
    """Every problem with `inputs`; empty if valid."""
    problems = type_problems(inputs)
    if problems:
        return problems
    problems = count_consistency_problems(inputs, inputs.sexual_offence_history)
    if not osp_applicable(inputs.gender, inputs.sexual_offence_history):
        return problems
    problems += require(inputs, _DC_REQUIRED, "for a male with a sexual offence history")
    if problems or inputs.date_of_birth is None or inputs.total_sanctions is None:
        return problems
    dates = ("start_of_follow_up", "assessment_date", *_DC_PAST_EVENTS)
    problems += after_birth(inputs, dates, inputs.date_of_birth)
    problems += not_after(inputs, _DC_PAST_EVENTS, "assessment_date")
    if (
        inputs.last_sexual_sanction_date is not None
        and inputs.last_sexual_sanction_date > inputs.date_of_birth
    ):
        age = age_on(inputs.date_of_birth, inputs.last_sexual_sanction_date)
        if age < 10:
            problems.append(
                InputProblem(
                    "last_sexual_sanction_date",
                    f"Age at last sexual sanction is {age}; it must be at least 10.",
                )
            )
    if inputs.total_sanctions < 1:
        problems.append(
            InputProblem(
                "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
            )
        )
    return problems


def _not_applicable_dc(gender: Gender) -> OspDcResult:
    return OspDcResult(
        applicable=False,
        points=0,
        band=Band.NOT_APPLICABLE,
        probability=Decimal(0),
        percent=Decimal("0.00"),
        band_before_reduction=Band.NOT_APPLICABLE,
        risk_reduction_applied=False,
        risk_reduction_blockers=(_not_applicable_reason(gender),),
        contact_adult_points=0,
        contact_child_points=0,
        non_contact_points=0,
        age_at_start_of_follow_up=None,
        age_points=0,
        age_at_last_sexual_sanction=None,
        last_sexual_sanction_age_points=0,
        total_sanctions_points=0,
        stranger_points=0,
    )


def risk_reduction_blockers(inputs: OspDcInputs, band: Band) -> tuple[str, ...]:
    """predictors.md § OSP/DC, risk reduction: the reasons (if any) the band is not lowered.

    Expects validated inputs for a male with a sexual history, so female and "not applicable"
    cannot arise here. "5 full years" is counted in completed years up to the assessment date.
    """
    assessed = inputs.assessment_date
    assert assessed is not None  # checked by validation
    recent = {
        "most recent offence less than 5 years before assessment": inputs.most_recent_offence_date,
        "most recent sexual offence less than 5 years before assessment": (
            inputs.most_recent_sexual_offence_date
        ),
        "start of follow-up less than 5 years before assessment": inputs.start_of_follow_up,
    }
    blockers = ["in custody"] if inputs.in_custody else []
    blockers += [
        reason
        for reason, date in recent.items()
        if date is None or completed_years(date, assessed) < REDUCTION_YEARS
    ]
    if band is Band.LOW:
        blockers.append("band already low")
    return tuple(blockers)


@exact_arithmetic
def calculate_osp_dc(inputs: OspDcInputs) -> OspDcResult:
    """OSP/DC points, band (after risk reduction) and probability (predictors.md § OSP/DC).

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_osp_dc(inputs))
    if not osp_applicable(inputs.gender, inputs.sexual_offence_history):
        return _not_applicable_dc(inputs.gender)
    # Validation has required every field below for an applicable person.
    assert inputs.date_of_birth is not None
    assert inputs.start_of_follow_up is not None
    assert inputs.last_sexual_sanction_date is not None
    assert inputs.total_sanctions is not None
    age_at_follow_up = age_on(inputs.date_of_birth, inputs.start_of_follow_up)
    age_at_last_sexual = age_on(inputs.date_of_birth, inputs.last_sexual_sanction_date)
    features = {
        "contact_adult_points": count_points(inputs.contact_adult_sanctions or 0, CONTACT_ADULT_POINTS),
        "contact_child_points": count_points(inputs.contact_child_sanctions or 0, CONTACT_CHILD_POINTS),
        "non_contact_points": count_points(inputs.non_contact_sanctions or 0, NON_CONTACT_POINTS),
        "age_points": follow_up_age_points(age_at_follow_up),
        "last_sexual_sanction_age_points": last_sexual_sanction_age_points(age_at_last_sexual),
        "total_sanctions_points": REPEAT_SANCTIONS_POINTS if inputs.total_sanctions >= 2 else 0,
        "stranger_points": STRANGER_POINTS if inputs.current_offence_against_stranger else 0,
    }
    points = sum(features.values())
    band_on_points = osp_dc_band(points)
    blockers = risk_reduction_blockers(inputs, band_on_points)
    probability = osp_dc_probability(points)
    return OspDcResult(
        applicable=True,
        points=points,
        band=band_on_points if blockers else BAND_BELOW[band_on_points],
        probability=probability,
        percent=percent_2dp(probability),
        band_before_reduction=band_on_points,
        risk_reduction_applied=not blockers,
        risk_reduction_blockers=blockers,
        age_at_start_of_follow_up=age_at_follow_up,
        age_at_last_sexual_sanction=age_at_last_sexual,
        **features,
    )


# --- OSP/IIC ------------------------------------------------------------------------------------

_Counts = tuple[int, int, int, int]  # contact adult, contact child, non-contact, indecent images

# predictors.md § OSP/IIC: "first matching rule wins" — (rule, test on the counts, band, %).
IIC_RULES: tuple[tuple[str, Callable[[_Counts], bool], Band, Decimal], ...] = (
    ("2 or more indecent-image sanctions", lambda c: c[3] >= 2, Band.HIGH, Decimal("10.310")),
    ("exactly 1 indecent-image sanction", lambda c: c[3] == 1, Band.MEDIUM, Decimal("3.328")),
    ("2 or more contact-child sanctions", lambda c: c[1] >= 2, Band.LOW, Decimal("0.926")),
    ("exactly 1 contact-child sanction", lambda c: c[1] == 1, Band.LOW, Decimal("0.634")),
    ("no sexual sanctions at all", lambda c: sum(c) == 0, Band.LOW, Decimal("0.062")),
    ("other sexual sanctions", lambda c: True, Band.LOW, Decimal("0.281")),
)


def validate_osp_iic(inputs: OspIicInputs) -> list[InputProblem]:
    """Every problem with `inputs`; empty if valid."""
    problems = type_problems(inputs)
    if problems:
        return problems
    problems = count_consistency_problems(inputs, inputs.sexual_offence_history)
    if osp_applicable(inputs.gender, inputs.sexual_offence_history):
        problems += require(inputs, SEXUAL_SANCTION_COUNTS, "for a male with a sexual offence history")
    return problems


@exact_arithmetic
def calculate_osp_iic(inputs: OspIicInputs) -> OspIicResult:
    """OSP/IIC band and % (predictors.md § OSP/IIC).

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_osp_iic(inputs))
    if not osp_applicable(inputs.gender, inputs.sexual_offence_history):
        return OspIicResult(
            applicable=False,
            band=Band.NOT_APPLICABLE,
            percent=Decimal("0.000"),
            rsr_percent=Decimal("0.00"),
            rule=_not_applicable_reason(inputs.gender),
        )
    counts: _Counts = (
        inputs.contact_adult_sanctions or 0,
        inputs.contact_child_sanctions or 0,
        inputs.non_contact_sanctions or 0,
        inputs.indecent_image_sanctions or 0,
    )
    rule, _, band, percent = next(rule for rule in IIC_RULES if rule[1](counts))
    return OspIicResult(
        applicable=True, band=band, percent=percent, rsr_percent=round_half_up(percent, 2), rule=rule
    )
