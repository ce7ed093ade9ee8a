"""SNSV — Serious Non-Sexual Violence, the violent component of RSR (predictors.md § SNSV).

Probability = logistic(sum of terms). The static variant uses criminal history only; the dynamic
variant adds assessment items and is used when every dynamic input is present. Each variant has
its own coefficients for the shared terms.
"""

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum

from probation.rules.predictors.common import (
    Gender,
    InputProblem,
    ProblemLevel,
    after_birth,
    age_on,
    completed_months,
    conviction_history_problems,
    exact_arithmetic,
    logistic,
    percent_2dp,
    raise_if_any,
    type_problems,
    violent_sanction_problems,
    yes_no_score,
)
from probation.rules.predictors.offences import OffenceWeighting, find_offence

MAXIMUM_MONTHS = 36


class SnsvVariant(StrEnum):
    STATIC = "static"
    DYNAMIC = "dynamic"


@dataclass(frozen=True)
class SnsvCoefficients:
    """One column of the predictors.md § SNSV table. Per-gender pairs are (male, female); the age
    and months cubics are (c0, c1, c2, c3) and (d0, d1, d2, d3)."""

    intercept: Decimal
    female: Decimal
    male_age: tuple[Decimal, ...]
    female_age: tuple[Decimal, ...]
    one_sanction: Decimal
    two_sanctions: Decimal
    per_sanction: Decimal
    two_sanctions_gap: tuple[Decimal, ...]
    months: tuple[Decimal, ...]
    copas: tuple[Decimal, ...]
    no_violent: tuple[Decimal, ...]
    one_violent: Decimal
    per_violent: Decimal
    violent_rate: Decimal


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(value) for value in values)


# predictors.md § SNSV table, "Static" column.
STATIC = SnsvCoefficients(
    intercept=Decimal("3.60407707356772"),
    female=Decimal("-16.6220270089011"),
    male_age=_d("-0.546062410902905", "0.0170043887737295", "-0.000232716989498981", "0.000001094922933981"),
    female_age=_d("1.09365106131567", "-0.042733609488121", "0.000697583963826421", "-4.04895085233227E-06"),
    one_sanction=Decimal("-2.09447596484765"),
    two_sanctions=Decimal("-1.67613460779912"),
    per_sanction=Decimal("-0.0147495874606046"),
    two_sanctions_gap=_d("-0.0292205730647305", "-0.0841673003341906"),
    months=_d("-0.038382727965819", "0.000548515180678996", "0.0000662558757635182", "-1.59636460181398E-06"),
    copas=_d("0.769213898314811", "0.793186572461819"),
    no_violent=_d("-0.942816163300621", "-2.32321324569237"),
    one_violent=Decimal("-0.0633592949212861"),
    per_violent=Decimal("0.0188685880078656"),
    violent_rate=Decimal("0.207442427665471"),
)

# predictors.md § SNSV table, "Dynamic" column.
DYNAMIC = SnsvCoefficients(
    intercept=Decimal("2.39022796091603"),
    female=Decimal("-16.6927292697847"),
    male_age=_d("-0.508802063507919", "0.0153890192629454", "-0.000208800171123703", "9.83824143383739E-07"),
    female_age=_d("1.1436499550056", "-0.0448159815299769", "0.000731812620052307", "-4.24504210770651E-06"),
    one_sanction=Decimal("-1.89458617745666"),
    two_sanctions=Decimal("-1.51763151836726"),
    per_sanction=Decimal("-0.0182592921752245"),
    two_sanctions_gap=_d("-0.0271828619470523", "-0.0960719132524968"),
    months=_d(
        "-0.0368447371150021", "0.000557887384281899", "0.0000615531052486415", "-1.49652694510477E-06"
    ),
    copas=_d("0.689153313085879", "0.76704149890481"),
    no_violent=_d("-0.35940007303088", "-1.7513536371131"),
    one_violent=Decimal("-0.101514048705338"),
    per_violent=Decimal("0.021160895925655"),
    violent_rate=Decimal("0.0549319831836878"),
)

# predictors.md § SNSV, dynamic-only terms: coefficients × level (none 0 / some 1 / significant 2).
LEVEL_COEFFICIENTS: dict[str, Decimal] = {
    "accommodation_suitability": Decimal("0.0619710049121293"),
    "relationship_with_partner": Decimal("0.0259107268767618"),
    "current_drinking": Decimal("0.0935672441515258"),
    "binge_drinking": Decimal("0.0567127896345591"),
    "impulsivity": Decimal("0.077212834605957"),
    "temper_control": Decimal("0.0482892034688302"),
    "pro_criminal_attitudes": Decimal("0.130830533773332"),
}
# Yes/no items added once when "yes" (unemployment is the exception: its yes scores 2).
FLAG_COEFFICIENTS: dict[str, Decimal] = {
    "weapon_in_offence": Decimal("0.15071282416667"),
    "domestic_abuse_perpetrator_against_partner": Decimal("0.0847839330659903"),
    "previous_homicide": Decimal("0.399463399258737"),
    "previous_wounding_or_gbh": Decimal("0.451029720739399"),
    "previous_kidnapping": Decimal("0.0749101406070305"),
    "previous_firearms": Decimal("0.218055028351022"),
    "previous_robbery": Decimal("0.163248217650296"),
    "previous_aggravated_burglary": Decimal("0.506616685297771"),
    "previous_weapon": Decimal("0.184104582611966"),
    "previous_criminal_damage": Decimal("0.357345708081477"),
    "previous_arson": Decimal("0.12261588608151"),
}
UNEMPLOYED_COEFFICIENT = Decimal("0.0389109699626767")


@dataclass(frozen=True)
class SnsvInputs:
    """predictors.md § SNSV inputs. The first nine are required; the rest are the dynamic items,
    and the dynamic variant is used only when all of them are given."""

    gender: Gender
    date_of_birth: dt.date
    date_of_current_conviction: dt.date
    start_of_follow_up: dt.date
    assessment_date: dt.date
    total_sanctions: int
    violent_sanctions: int
    age_at_first_sanction: int
    current_offence_code: str
    weapon_in_offence: bool | None = None
    accommodation_suitability: ProblemLevel | None = None
    unemployed: bool | None = None
    relationship_with_partner: ProblemLevel | None = None
    current_drinking: ProblemLevel | None = None
    binge_drinking: ProblemLevel | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None
    pro_criminal_attitudes: ProblemLevel | None = None
    domestic_abuse_perpetrator_against_partner: bool | None = None
    previous_homicide: bool | None = None
    previous_wounding_or_gbh: bool | None = None
    previous_kidnapping: bool | None = None
    previous_firearms: bool | None = None
    previous_robbery: bool | None = None
    previous_aggravated_burglary: bool | None = None
    previous_weapon: bool | None = None
    previous_criminal_damage: bool | None = None
    previous_arson: bool | None = None


DYNAMIC_INPUTS: tuple[str, ...] = tuple(field.name for field in fields(SnsvInputs)[9:])


@dataclass(frozen=True)
class SnsvTerm:
    """One term of the SNSV sum: its name as in the reference table and its value."""

    name: str
    value: Decimal


@dataclass(frozen=True)
class SnsvResult:
    """SNSV probability, the % rounded to 2 d.p. (the RSR component), and every term."""

    variant: SnsvVariant
    probability: Decimal
    percent: Decimal
    linear_score: Decimal
    missing_dynamic_inputs: tuple[str, ...]
    age_at_start_of_follow_up: int
    age_at_current_conviction: int
    months_since_start_of_follow_up: int
    criminal_career_years: int
    offence_category: str
    terms: tuple[SnsvTerm, ...]


def months_since_follow_up(start_of_follow_up: dt.date, assessment_date: dt.date) -> int:
    """predictors.md § SNSV: m = months since start of follow-up, 0 if follow-up starts on or after
    the assessment date, at most 36."""
    if start_of_follow_up >= assessment_date:
        return 0
    return min(completed_months(start_of_follow_up, assessment_date), MAXIMUM_MONTHS)


def cubic(x: int, c: tuple[Decimal, ...]) -> Decimal:
    """x·(c0 + c1·x + c2·x² + c3·x³), the form of the SNSV age and months terms."""
    return x * (c[0] + c[1] * x + c[2] * x**2 + c[3] * x**3)


def static_terms(
    c: SnsvCoefficients,
    gender: Gender,
    age: int,
    months: int,
    gap: int,
    total: int,
    violent: int,
    offence: tuple[Decimal, Decimal],
) -> list[SnsvTerm]:
    """The terms shared by both variants (predictors.md § SNSV table); `c` picks the column.

    `gap` is g = age at current conviction − age at first sanction; `offence` is the offence and
    violence-against-the-person weightings for the variant.
    """
    female = gender is Gender.FEMALE
    pick = 1 if female else 0
    age_coefficients = c.female_age if female else c.male_age
    sanctions_band = c.one_sanction if total == 1 else c.two_sanctions if total == 2 else Decimal(0)
    zero = Decimal(0)
    return [
        SnsvTerm("intercept", c.intercept),
        SnsvTerm("female", c.female if female else zero),
        SnsvTerm("age at start of follow-up", cubic(age, age_coefficients)),
        SnsvTerm("offence weighting", offence[0]),
        SnsvTerm("offence violence-against-the-person weighting", offence[1]),
        SnsvTerm("total sanctions = 1 / = 2 / > 2", sanctions_band),
        SnsvTerm("× total sanctions", c.per_sanction * total),
        SnsvTerm("exactly 2 sanctions: × g", c.two_sanctions_gap[pick] * gap if total == 2 else zero),
        SnsvTerm("months since start of follow-up", cubic(months, c.months)),
        SnsvTerm(
            "≥ 3 sanctions: × ln(total ÷ (g + 12))",
            c.copas[pick] * (Decimal(total) / (gap + 12)).ln() if total >= 3 else zero,
        ),
        SnsvTerm("no violent sanctions", c.no_violent[pick] if violent == 0 else zero),
        SnsvTerm("exactly 1 violent sanction", c.one_violent if violent == 1 else zero),
        SnsvTerm("× violent sanctions", c.per_violent * violent),
        SnsvTerm(
            "≥ 1 violent: × ln(violent ÷ (g + 30))",
            c.violent_rate * (Decimal(violent) / (gap + 30)).ln() if violent >= 1 else zero,
        ),
    ]


def dynamic_terms(inputs: SnsvInputs) -> list[SnsvTerm]:
    """predictors.md § SNSV, dynamic-only terms (all dynamic inputs must be present)."""
    terms = []
    for name, coefficient in LEVEL_COEFFICIENTS.items():
        level: ProblemLevel = getattr(inputs, name)
        terms.append(SnsvTerm(name, coefficient * level.score))
    terms.append(SnsvTerm("unemployed", yes_no_score(bool(inputs.unemployed)) * UNEMPLOYED_COEFFICIENT))
    for name, coefficient in FLAG_COEFFICIENTS.items():
        terms.append(SnsvTerm(name, coefficient if getattr(inputs, name) else Decimal(0)))
    return terms


def validate_snsv(inputs: SnsvInputs) -> list[InputProblem]:
    """Every problem with `inputs`; empty if valid. Missing dynamic items are not problems: they
    select the static variant."""
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
    problems += after_birth(inputs, ["assessment_date"], inputs.date_of_birth)
    problems += violent_sanction_problems(inputs.total_sanctions, inputs.violent_sanctions)
    # SNSV has weightings for every known code, including the general codes OGRS3 refuses.
    problems += find_offence(inputs.current_offence_code, "current_offence_code")[1]
    return problems


def _offence_weightings(weighting: OffenceWeighting, variant: SnsvVariant) -> tuple[Decimal, Decimal]:
    if variant is SnsvVariant.STATIC:
        return weighting.snsv_static, weighting.snsv_vatp_static
    return weighting.snsv_dynamic, weighting.snsv_vatp_dynamic


@exact_arithmetic
def calculate_snsv(inputs: SnsvInputs) -> SnsvResult:
    """SNSV probability and % (predictors.md § SNSV), dynamic when every dynamic input is present.

    Raises `PredictorInputError` listing every invalid or missing input.
    """
    raise_if_any(validate_snsv(inputs))
    weighting, _ = find_offence(inputs.current_offence_code, "current_offence_code")
    assert weighting is not None  # checked by validation
    missing = tuple(name for name in DYNAMIC_INPUTS if getattr(inputs, name) is None)
    variant = SnsvVariant.STATIC if missing else SnsvVariant.DYNAMIC
    age = age_on(inputs.date_of_birth, inputs.start_of_follow_up)
    age_at_conviction = age_on(inputs.date_of_birth, inputs.date_of_current_conviction)
    gap = age_at_conviction - inputs.age_at_first_sanction
    months = months_since_follow_up(inputs.start_of_follow_up, inputs.assessment_date)
    terms = static_terms(
        STATIC if variant is SnsvVariant.STATIC else DYNAMIC,
        inputs.gender,
        age,
        months,
        gap,
        inputs.total_sanctions,
        inputs.violent_sanctions,
        _offence_weightings(weighting, variant),
    )
    if variant is SnsvVariant.DYNAMIC:
        terms += dynamic_terms(inputs)
    linear_score = sum((term.value for term in terms), Decimal(0))
    probability = logistic(linear_score)
    return SnsvResult(
        variant=variant,
        probability=probability,
        percent=percent_2dp(probability),
        linear_score=linear_score,
        missing_dynamic_inputs=missing,
        age_at_start_of_follow_up=age,
        age_at_current_conviction=age_at_conviction,
        months_since_start_of_follow_up=months,
        criminal_career_years=gap,
        offence_category=weighting.snsv_category,
        terms=tuple(terms),
    )
