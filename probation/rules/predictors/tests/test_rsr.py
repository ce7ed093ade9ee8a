"""RSR (predictors.md § RSR): component sum, female addition, rounding, clamping, bands, variant and
the conditions under which no RSR is produced."""

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Band,
    Gender,
    InputProblem,
    PredictorInputError,
    ProblemLevel,
    RsrInputs,
    SnsvVariant,
    calculate,
    calculate_rsr,
)
from probation.rules.predictors.rsr import rsr_band

# A man with a sexual history (OSP/DC 37 points, 1 contact-adult and 2 contact-child sanctions).
MALE = RsrInputs(
    gender=Gender.MALE,
    date_of_birth=dt.date(1970, 5, 10),
    date_of_current_conviction=dt.date(2014, 12, 1),
    start_of_follow_up=dt.date(2015, 1, 1),
    assessment_date=dt.date(2021, 1, 1),
    total_sanctions=4,
    violent_sanctions=1,
    age_at_first_sanction=25,
    current_offence_code="00100",
    sexual_offence_history=True,
    contact_adult_sanctions=1,
    contact_child_sanctions=2,
    non_contact_sanctions=0,
    indecent_image_sanctions=0,
    last_sexual_sanction_date=dt.date(2010, 3, 1),
    most_recent_offence_date=dt.date(2014, 6, 1),
    most_recent_sexual_offence_date=dt.date(2009, 1, 1),
    current_offence_against_stranger=True,
    in_custody=False,
)
# A woman of 36 with 6 sanctions (2 violent) and one contact-adult sexual sanction.
FEMALE = RsrInputs(
    Gender.FEMALE, dt.date(1985, 3, 2), dt.date(2021, 5, 1), dt.date(2021, 6, 1), dt.date(2022, 9, 15), 6, 2, 20,
    "00100", True, contact_adult_sanctions=1, contact_child_sanctions=0, non_contact_sanctions=0,
    indecent_image_sanctions=0,
)  # fmt: skip
DYNAMIC_ANSWERS: dict[str, object] = {
    "weapon_in_offence": False, "accommodation_suitability": ProblemLevel.NONE, "unemployed": False,
    "relationship_with_partner": ProblemLevel.NONE, "current_drinking": ProblemLevel.NONE,
    "binge_drinking": ProblemLevel.NONE, "impulsivity": ProblemLevel.SOME, "temper_control": ProblemLevel.SOME,
    "pro_criminal_attitudes": ProblemLevel.NONE, "domestic_abuse_perpetrator_against_partner": False,
    "previous_homicide": False, "previous_wounding_or_gbh": False, "previous_kidnapping": False,
    "previous_firearms": False, "previous_robbery": False, "previous_aggravated_burglary": False,
    "previous_weapon": False, "previous_criminal_damage": False, "previous_arson": False,
}  # fmt: skip


def rsr(base: RsrInputs = MALE, /, **changes: object) -> RsrInputs:
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def problems(case: RsrInputs) -> list[InputProblem]:
    with pytest.raises(PredictorInputError) as raised:
        calculate_rsr(case)
    return list(raised.value.problems)


def test_rsr_adds_the_three_components_each_rounded_to_2dp() -> None:
    # given a man with a sexual history
    result = calculate_rsr(MALE)
    # then RSR = SNSV 0.33 + OSP/DC 6.18 + OSP/IIC 0.93 (2+ contact-child sanctions) = 7.44, high
    assert (result.snsv_percent, result.osp_dc_percent, result.osp_iic_percent) == (
        Decimal("0.33"), Decimal("6.18"), Decimal("0.93"),
    )  # fmt: skip
    assert result.snsv_percent == result.snsv.percent
    assert result.female_sexual_history_percent == Decimal(0)
    assert (result.percent, result.band, result.variant) == (Decimal("7.44"), Band.HIGH, SnsvVariant.STATIC)
    assert (result.osp_dc.points, result.osp_iic.rule) == (37, "2 or more contact-child sanctions")


def test_rsr_without_sexual_history_is_the_snsv_percent() -> None:
    # given the same man with no sexual history (and no sexual inputs)
    case = RsrInputs(**{**dataclasses.asdict(MALE), "sexual_offence_history": False, "contact_adult_sanctions": None,
                        "contact_child_sanctions": None, "last_sexual_sanction_date": None})  # fmt: skip
    result = calculate_rsr(case)
    assert (result.osp_dc.band, result.osp_iic.band) == (Band.NOT_APPLICABLE, Band.NOT_APPLICABLE)
    assert (result.percent, result.band) == (Decimal("0.33"), Band.LOW)


def test_rsr_adds_0_383141762_for_a_female_with_sexual_history() -> None:
    # given a woman with a sexual history: the OSP components do not apply to her
    result = calculate_rsr(FEMALE)
    assert (result.osp_dc.applicable, result.osp_iic.applicable) == (False, False)
    # then RSR = SNSV 0.52 + 0.383141762 = 0.903141762, rounded to 0.90
    assert result.snsv_percent == Decimal("0.52")
    assert result.female_sexual_history_percent == Decimal("0.383141762")
    assert result.unrounded_percent == Decimal("0.903141762")
    assert (result.percent, result.band) == (Decimal("0.90"), Band.LOW)


def test_rsr_adds_nothing_for_a_female_without_sexual_history() -> None:
    case = rsr(FEMALE, sexual_offence_history=False, contact_adult_sanctions=0)
    result = calculate_rsr(case)
    assert (result.female_sexual_history_percent, result.percent) == (Decimal(0), Decimal("0.52"))


def test_rsr_is_clamped_to_99_99() -> None:
    # given an 18-year-old man at the top of every component: SNSV 19.07 + OSP/DC 83.12 + OSP/IIC 10.31
    case = RsrInputs(
        Gender.MALE, dt.date(2000, 1, 1), dt.date(2018, 1, 1), dt.date(2018, 1, 1), dt.date(2018, 1, 1), 30, 25, 10,
        "00100", True, 3, 3, 3, 2, dt.date(2018, 1, 1), dt.date(2017, 6, 1), dt.date(2017, 6, 1), True, True,
    )  # fmt: skip
    result = calculate_rsr(case)
    assert (result.snsv_percent, result.osp_dc_percent, result.osp_iic_percent) == (
        Decimal("19.07"), Decimal("83.12"), Decimal("10.31"),
    )  # fmt: skip
    # then the 112.50 sum is reported as 99.99
    assert (result.unrounded_percent, result.percent, result.band) == (
        Decimal("112.50"),
        Decimal("99.99"),
        Band.HIGH,
    )


def test_rsr_is_dynamic_when_its_snsv_is() -> None:
    result = calculate_rsr(rsr(**DYNAMIC_ANSWERS))
    assert (result.variant, result.snsv.variant) == (SnsvVariant.DYNAMIC, SnsvVariant.DYNAMIC)
    assert calculate_rsr(rsr(**{**DYNAMIC_ANSWERS, "impulsivity": None})).variant == SnsvVariant.STATIC


@pytest.mark.parametrize(
    ("percent", "band"),
    [("0", Band.LOW), ("2.99", Band.LOW), ("3.00", Band.MEDIUM), ("6.89", Band.MEDIUM), ("6.90", Band.HIGH),
     ("99.99", Band.HIGH)],
)  # fmt: skip
def test_rsr_band_edges(percent: str, band: Band) -> None:
    assert rsr_band(Decimal(percent)) == band


# --- When RSR is not produced ----------------------------------------------------------------------


@pytest.mark.parametrize("base", [MALE, FEMALE])
def test_rsr_is_not_produced_when_sexual_history_has_no_sexual_sanctions(base: RsrInputs) -> None:
    case = rsr(
        base,
        contact_adult_sanctions=0,
        contact_child_sanctions=0,
        non_contact_sanctions=0,
        indecent_image_sanctions=0,
    )
    assert problems(case) == [
        InputProblem(
            "sexual_offence_history",
            "Sexual offence history is yes but all four sexual sanction counts are 0: RSR cannot be produced.",
        )
    ]


def test_rsr_requires_a_females_sexual_sanction_counts() -> None:
    case = rsr(FEMALE, contact_child_sanctions=None, indecent_image_sanctions=None)
    assert problems(case) == [
        InputProblem("contact_child_sanctions", "Contact child sanctions is required when there is a sexual offence history."),
        InputProblem("indecent_image_sanctions", "Indecent image sanctions is required when there is a sexual offence history."),
    ]  # fmt: skip


def test_rsr_is_not_produced_when_any_component_is_invalid() -> None:
    # given an invalid SNSV input, a missing OSP/DC input and a missing OSP/IIC input
    case = rsr(violent_sanctions=5, in_custody=None, indecent_image_sanctions=None)
    # then every problem is reported together
    assert problems(case) == [
        InputProblem("violent_sanctions", "Violent sanctions (5) must not exceed total sanctions (4)."),
        InputProblem("in_custody", "In custody is required for a male with a sexual offence history."),
        InputProblem("indecent_image_sanctions", "Indecent image sanctions is required for a male with a sexual offence history."),
    ]  # fmt: skip


def test_rsr_reports_a_problem_shared_by_components_once() -> None:
    # the start of follow-up is checked by both SNSV and OSP/DC
    assert problems(rsr(start_of_follow_up=MALE.date_of_birth)) == [
        InputProblem("start_of_follow_up", "Start of follow-up must be after the date of birth.")
    ]


def test_rsr_rejects_missing_required_inputs() -> None:
    assert problems(rsr(sexual_offence_history=None, current_offence_code=None)) == [
        InputProblem("current_offence_code", "Current offence code is required."),
        InputProblem("sexual_offence_history", "Sexual offence history is required."),
    ]


# --- Properties and payloads -----------------------------------------------------------------------


@given(
    st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(1, 40), st.data(),
    st.sampled_from(Gender),
)  # fmt: skip
def test_rsr_is_the_clamped_2dp_sum_of_its_components(
    adult: int, child: int, non_contact: int, images: int, total: int, data: st.DataObject, gender: Gender
) -> None:
    if adult + child + non_contact + images == 0:
        adult = 1
    violent = data.draw(st.integers(0, total))
    case = rsr(gender=gender, contact_adult_sanctions=adult, contact_child_sanctions=child,
               non_contact_sanctions=non_contact, indecent_image_sanctions=images, total_sanctions=total,
               violent_sanctions=violent)  # fmt: skip
    result = calculate_rsr(case)
    assert Decimal(0) <= result.percent <= Decimal("99.99")
    expected = result.snsv.percent + result.osp_dc.percent + result.osp_iic.rsr_percent
    expected += Decimal("0.383141762") if gender is Gender.FEMALE else 0
    assert result.percent == min(expected.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("99.99"))
    assert result.band == rsr_band(result.percent)


@given(st.decimals(0, 100, places=2), st.decimals(0, 100, places=2))
def test_rsr_bands_are_monotonic_in_score(low: Decimal, high: Decimal) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH]
    low, high = sorted((low, high))
    assert order.index(rsr_band(low)) <= order.index(rsr_band(high))


def test_rsr_from_a_json_payload_includes_component_results() -> None:
    payload = {
        "gender": "female", "date_of_birth": "1985-03-02", "date_of_current_conviction": "2021-05-01",
        "start_of_follow_up": "2021-06-01", "assessment_date": "2022-09-15", "total_sanctions": 6,
        "violent_sanctions": 2, "age_at_first_sanction": 20, "current_offence_code": "00100",
        "sexual_offence_history": True, "contact_adult_sanctions": 1, "contact_child_sanctions": 0,
        "non_contact_sanctions": 0, "indecent_image_sanctions": 0,
    }  # fmt: skip
    result = calculate("RSR", payload)["result"]
    assert isinstance(result, dict)
    assert (result["percent"], result["band"], result["variant"]) == (0.9, "low", "static")
    assert result["female_sexual_history_percent"] == 0.383141762
    assert result["osp_dc"]["band"] == "not_applicable"
    assert result["snsv"]["percent"] == 0.52
