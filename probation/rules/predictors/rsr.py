"""RSR — Risk of Serious Recidivism (predictors.md § RSR).

RSR % = SNSV % + OSP/DC % + OSP/IIC % (+ 0.383141762 for a female with a sexual offence history),
each component a % rounded to 2 d.p., the sum rounded to 2 d.p. and clamped to 0–99.99.
"""

import datetime as dt
import typing
from dataclasses import dataclass, fields
from decimal import Decimal

from probation.rules.predictors.common import (
    Band,
    Gender,
    InputProblem,
    ProblemLevel,
    exact_arithmetic,
    raise_if_any,
    require,
    round_half_up,
    type_problems,
)
from probation.rules.predictors.osp import (
    SEXUAL_SANCTION_COUNTS,
    OspDcInputs,
    OspDcResult,
    OspIicInputs,
    OspIicResult,
    calculate_osp_dc,
    calculate_osp_iic,
    validate_osp_dc,
    validate_osp_iic,
)
from probation.rules.predictors.snsv import SnsvInputs, SnsvResult, SnsvVariant, calculate_snsv, validate_snsv

# predictors.md § RSR: added for a female with a sexual offence history (a %, like the components).
FEMALE_SEXUAL_HISTORY_PERCENT = Decimal("0.383141762")
MAXIMUM_PERCENT = Decimal("99.99")
# predictors.md § RSR, band: < 3 low; 3 to < 6.9 medium; ≥ 6.9 high.
MEDIUM_FROM = Decimal("3")
HIGH_FROM = Decimal("6.9")


@dataclass(frozen=True)
class RsrInputs:
    """Everything SNSV, OSP/DC and OSP/IIC need, each input given once.

    The first ten are always required. The sexual-offence inputs are required when there is a
    sexual offence history (for a female, only the four counts, which RSR checks). The SNSV
    dynamic items are optional: RSR is dynamic only when all of them are given.
    """

    gender: Gender
    date_of_birth: dt.date
    date_of_current_conviction: dt.date
    start_of_follow_up: dt.date
    assessment_date: dt.date
    total_sanctions: int
    violent_sanctions: int
    age_at_first_sanction: int
    current_offence_code: str
    sexual_offence_history: bool
    contact_adult_sanctions: int | None = None
    contact_child_sanctions: int | None = None
    non_contact_sanctions: int | None = None
    indecent_image_sanctions: int | None = None
    last_sexual_sanction_date: dt.date | None = None
    most_recent_offence_date: dt.date | None = None
    most_recent_sexual_offence_date: dt.date | None = None
    current_offence_against_stranger: bool | None = None
    in_custody: bool | None = None
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


@dataclass(frozen=True)
class RsrResult:
    """RSR %, band and variant, each component's 2-d.p. %, and the component results."""

    percent: Decimal
    band: Band
    variant: SnsvVariant
    snsv_percent: Decimal
    osp_dc_percent: Decimal
    osp_iic_percent: Decimal
    female_sexual_history_percent: Decimal
    unrounded_percent: Decimal
    snsv: SnsvResult
    osp_dc: OspDcResult
    osp_iic: OspIicResult


_Component = typing.TypeVar("_Component")


def component_inputs(component: type[_Component], inputs: RsrInputs) -> _Component:
    """The inputs of one component (SNSV, OSP/DC or OSP/IIC), taken from the RSR inputs."""
    names = [field.name for field in fields(typing.cast(typing.Any, component))]
    return component(**{name: getattr(inputs, name) for name in names})


def rsr_band(percent: Decimal) -> Band:
    """predictors.md § RSR: < 3 low; 3 to < 6.9 medium; ≥ 6.9 high."""
    if percent >= HIGH_FROM:
        return Band.HIGH
    if percent >= MEDIUM_FROM:
        return Band.MEDIUM
    return Band.LOW


def validate_rsr(inputs: RsrInputs) -> list[InputProblem]:
    """Every problem with `inputs`, including those of any component; empty if valid.

    predictors.md § RSR: RSR is not produced when any component is invalid, or when sexual
    history is "yes" but all four sexual sanction counts are zero.
    """
    problems = type_problems(inputs)
    if problems:
        return problems
    problems = validate_snsv(component_inputs(SnsvInputs, inputs))
    problems += validate_osp_dc(component_inputs(OspDcInputs, inputs))
    problems += validate_osp_iic(component_inputs(OspIicInputs, inputs))
    if not inputs.sexual_offence_history:
        return problems
    reported = {problem.field for problem in problems}
    # For a male the OSP components already require the counts; a female's are needed here only.
    problems += [
        problem
        for problem in require(inputs, SEXUAL_SANCTION_COUNTS, "when there is a sexual offence history")
        if problem.field not in reported
    ]
    counts = [getattr(inputs, name) for name in SEXUAL_SANCTION_COUNTS]
    if all(count == 0 for count in counts):
        problems.append(
            InputProblem(
                "sexual_offence_history",
                "Sexual offence history is yes but all four sexual sanction counts are 0: "
                "RSR cannot be produced.",
            )
        )
    return problems


@exact_arithmetic
def calculate_rsr(inputs: RsrInputs) -> RsrResult:
    """RSR % and band, static or dynamic as its SNSV is (predictors.md § RSR).

    Raises `PredictorInputError` listing every invalid or missing input of every component.
    """
    raise_if_any(validate_rsr(inputs))
    snsv = calculate_snsv(component_inputs(SnsvInputs, inputs))
    osp_dc = calculate_osp_dc(component_inputs(OspDcInputs, inputs))
    osp_iic = calculate_osp_iic(component_inputs(OspIicInputs, inputs))
    female_extra = (
        FEMALE_SEXUAL_HISTORY_PERCENT
        if inputs.gender is Gender.FEMALE and inputs.sexual_offence_history
        else Decimal(0)
    )
    unrounded = snsv.percent + osp_dc.percent + osp_iic.rsr_percent + female_extra
    percent = min(max(round_half_up(unrounded, 2), Decimal("0.00")), MAXIMUM_PERCENT)
    return RsrResult(
        percent=percent,
        band=rsr_band(percent),
        variant=snsv.variant,
        snsv_percent=snsv.percent,
        osp_dc_percent=osp_dc.percent,
        osp_iic_percent=osp_iic.rsr_percent,
        female_sexual_history_percent=female_extra,
        unrounded_percent=unrounded,
        snsv=snsv,
        osp_dc=osp_dc,
        osp_iic=osp_iic,
    )
