"""OSP/DC and OSP/IIC (predictors.md § OSP/DC, § OSP/IIC): applicability, points, bands, risk
reduction, the indecent-image rules and validation."""

import dataclasses
import datetime as dt
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Band,
    Gender,
    InputProblem,
    OspDcInputs,
    OspIicInputs,
    PredictorInputError,
    calculate,
    calculate_osp_dc,
    calculate_osp_iic,
)
from probation.rules.predictors.osp import (
    count_points,
    follow_up_age_points,
    last_sexual_sanction_age_points,
    osp_dc_band,
    osp_dc_probability,
)

BASE = OspDcInputs(
    gender=Gender.MALE,
    sexual_offence_history=True,
    contact_adult_sanctions=1,
    contact_child_sanctions=2,
    non_contact_sanctions=0,
    date_of_birth=dt.date(1970, 5, 10),
    start_of_follow_up=dt.date(2015, 1, 1),
    assessment_date=dt.date(2021, 1, 1),
    last_sexual_sanction_date=dt.date(2010, 3, 1),
    most_recent_offence_date=dt.date(2014, 6, 1),
    most_recent_sexual_offence_date=dt.date(2009, 1, 1),
    total_sanctions=4,
    current_offence_against_stranger=True,
    in_custody=False,
)


def dc(**changes: object) -> OspDcInputs:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def dc_problems(case: OspDcInputs) -> list[InputProblem]:
    with pytest.raises(PredictorInputError) as raised:
        calculate_osp_dc(case)
    return list(raised.value.problems)


def logistic_percent(points: int) -> float:
    x = -8.633 + 0.1598 * points
    return 100 * math.exp(x) / (1 + math.exp(x))


# --- OSP/DC --------------------------------------------------------------------------------------


def test_osp_dc_worked_example_with_risk_reduction() -> None:
    # given a man with 1 contact-adult and 2 contact-child sanctions, 44 at follow-up, 39 at his last
    # sexual sanction, 4 sanctions in all, a stranger victim, and 5+ years offence-free in the community
    result = calculate_osp_dc(BASE)
    # then the points are 5 + 6 + 0 + (14 − ⌊26 ÷ 3⌋ = 6) + 10 + 6 + 4 = 37, very high on points
    assert (result.contact_adult_points, result.contact_child_points, result.non_contact_points) == (5, 6, 0)
    assert (result.age_at_start_of_follow_up, result.age_points) == (44, 6)
    assert (result.age_at_last_sexual_sanction, result.last_sexual_sanction_age_points) == (39, 10)
    assert (result.total_sanctions_points, result.stranger_points, result.points) == (6, 4, 37)
    assert result.band_before_reduction == Band.VERY_HIGH
    # and the risk reduction lowers the band one step
    assert (result.risk_reduction_applied, result.risk_reduction_blockers, result.band) == (
        True,
        (),
        Band.HIGH,
    )
    # and the probability is logistic(−8.633 + 0.1598 × 37) = 6.178 %
    assert float(result.probability) * 100 == pytest.approx(logistic_percent(37), abs=1e-10)
    assert result.percent == Decimal("6.18")
    assert result.applicable


@pytest.mark.parametrize(
    ("gender", "history", "reason"),
    [
        (Gender.FEMALE, True, "female"),
        (Gender.FEMALE, False, "female"),
        (Gender.MALE, False, "no sexual offence history"),
    ],
)
def test_osp_dc_is_not_applicable_to_females_or_without_sexual_history(
    gender: Gender, history: bool, reason: str
) -> None:
    # given only the two answers that decide applicability
    result = calculate_osp_dc(OspDcInputs(gender, history))
    # then the score is 0 and nothing else is needed
    assert (result.applicable, result.points, result.probability, result.percent) == (
        False,
        0,
        Decimal(0),
        Decimal("0.00"),
    )
    assert (result.band, result.band_before_reduction) == (Band.NOT_APPLICABLE, Band.NOT_APPLICABLE)
    assert (result.risk_reduction_applied, result.risk_reduction_blockers) == (False, (reason,))


@pytest.mark.parametrize(
    ("count", "adult", "child", "non_contact"),
    [(0, 0, 0, 0), (1, 5, 3, 2), (2, 10, 6, 4), (3, 15, 9, 6), (7, 15, 9, 6)],
)
def test_osp_dc_sanction_count_points(count: int, adult: int, child: int, non_contact: int) -> None:
    assert count_points(count, (0, 5, 10, 15)) == adult
    result = calculate_osp_dc(
        dc(contact_adult_sanctions=count, contact_child_sanctions=count, non_contact_sanctions=count)
    )
    assert (result.contact_adult_points, result.contact_child_points, result.non_contact_points) == (
        adult,
        child,
        non_contact,
    )


@pytest.mark.parametrize(
    ("age", "points"),
    [
        (12, 14),
        (17, 14),
        (18, 14),
        (20, 14),
        (21, 13),
        (23, 13),
        (24, 12),
        (44, 6),
        (57, 1),
        (59, 1),
        (60, 0),
        (85, 0),
    ],
)
def test_osp_dc_age_at_follow_up_points(age: int, points: int) -> None:
    assert follow_up_age_points(age) == points


@pytest.mark.parametrize(("age", "points"), [(10, 0), (15, 0), (16, 5), (17, 5), (18, 10), (70, 10)])
def test_osp_dc_age_at_last_sexual_sanction_points(age: int, points: int) -> None:
    assert last_sexual_sanction_age_points(age) == points


def test_osp_dc_age_at_last_sexual_sanction_uses_completed_years() -> None:
    # given a last sexual sanction the day before, and on, the 16th birthday
    before = calculate_osp_dc(dc(last_sexual_sanction_date=dt.date(1986, 5, 9)))
    on = calculate_osp_dc(dc(last_sexual_sanction_date=dt.date(1986, 5, 10)))
    assert (before.age_at_last_sexual_sanction, before.last_sexual_sanction_age_points) == (15, 0)
    assert (on.age_at_last_sexual_sanction, on.last_sexual_sanction_age_points) == (16, 5)


@pytest.mark.parametrize(("total", "points"), [(1, 0), (2, 6), (30, 6)])
def test_osp_dc_total_sanction_points(total: int, points: int) -> None:
    assert calculate_osp_dc(dc(total_sanctions=total)).total_sanctions_points == points


def test_osp_dc_stranger_victim_scores_4() -> None:
    assert calculate_osp_dc(dc(current_offence_against_stranger=False)).points == 33


@pytest.mark.parametrize(
    ("points", "band"),
    [(0, Band.LOW), (21, Band.LOW), (22, Band.MEDIUM), (29, Band.MEDIUM), (30, Band.HIGH), (35, Band.HIGH),
     (36, Band.VERY_HIGH), (64, Band.VERY_HIGH)],
)  # fmt: skip
def test_osp_dc_band_edges(points: int, band: Band) -> None:
    assert osp_dc_band(points) == band


@pytest.mark.parametrize("points", [1, 21, 22, 29, 30, 35, 36, 64])
def test_osp_dc_probability_is_logistic_of_points(points: int) -> None:
    assert float(osp_dc_probability(points)) * 100 == pytest.approx(logistic_percent(points), abs=1e-10)


def test_osp_dc_probability_is_zero_for_zero_points() -> None:
    # given an applicable man scoring nothing: 60+ at follow-up, last sexual sanction at 15, one
    # sanction, no stranger victim and no counted sexual sanctions
    case = dc(contact_adult_sanctions=0, contact_child_sanctions=0, date_of_birth=dt.date(1950, 1, 1),
              last_sexual_sanction_date=dt.date(1965, 6, 1), total_sanctions=1, current_offence_against_stranger=False)  # fmt: skip
    result = calculate_osp_dc(case)
    assert (result.points, result.probability, result.percent, result.band) == (
        0,
        Decimal(0),
        Decimal("0.00"),
        Band.LOW,
    )
    assert result.risk_reduction_blockers == ("band already low",)


# --- Risk reduction ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "blocker"),
    [
        ({"in_custody": True}, "in custody"),
        ({"most_recent_offence_date": dt.date(2016, 1, 2)}, "most recent offence less than 5 years before assessment"),
        ({"most_recent_sexual_offence_date": dt.date(2016, 1, 2)}, "most recent sexual offence less than 5 years before assessment"),
        ({"start_of_follow_up": dt.date(2016, 1, 2)}, "start of follow-up less than 5 years before assessment"),
        ({"start_of_follow_up": dt.date(2022, 1, 1)}, "start of follow-up less than 5 years before assessment"),
    ],
)  # fmt: skip
def test_osp_dc_risk_reduction_is_blocked(changes: dict[str, object], blocker: str) -> None:
    result = calculate_osp_dc(dc(**changes))
    assert (result.risk_reduction_applied, result.risk_reduction_blockers) == (False, (blocker,))
    assert result.band == result.band_before_reduction


@pytest.mark.parametrize(
    "field", ["most_recent_offence_date", "most_recent_sexual_offence_date", "start_of_follow_up"]
)
def test_osp_dc_risk_reduction_needs_5_full_years(field: str) -> None:
    # given the event exactly 5 years before the assessment it applies; one day later it does not
    assert calculate_osp_dc(dc(**{field: dt.date(2016, 1, 1)})).risk_reduction_applied
    assert not calculate_osp_dc(dc(**{field: dt.date(2016, 1, 2)})).risk_reduction_applied


def test_osp_dc_risk_reduction_lists_every_blocker() -> None:
    case = dc(
        in_custody=True, most_recent_offence_date=dt.date(2020, 1, 1), start_of_follow_up=dt.date(2021, 6, 1)
    )
    assert calculate_osp_dc(case).risk_reduction_blockers == (
        "in custody",
        "most recent offence less than 5 years before assessment",
        "start of follow-up less than 5 years before assessment",
    )


@pytest.mark.parametrize(
    ("contact_adult", "points", "before", "after"),
    [(3, 47, Band.VERY_HIGH, Band.HIGH), (0, 32, Band.HIGH, Band.MEDIUM), (0, 22, Band.MEDIUM, Band.LOW)],
)
def test_osp_dc_risk_reduction_lowers_one_step(
    contact_adult: int, points: int, before: Band, after: Band
) -> None:
    # the 22-point case drops the last-sexual-sanction points (10) by dating it at age 15
    sanction = dt.date(2010, 3, 1) if points != 22 else dt.date(1985, 6, 1)
    result = calculate_osp_dc(dc(contact_adult_sanctions=contact_adult, last_sexual_sanction_date=sanction))
    assert (result.points, result.band_before_reduction, result.band) == (points, before, after)


def test_osp_dc_low_band_cannot_be_reduced() -> None:
    result = calculate_osp_dc(
        dc(contact_adult_sanctions=0, last_sexual_sanction_date=dt.date(1985, 6, 1), total_sanctions=1)
    )
    assert (result.points, result.band, result.risk_reduction_applied) == (16, Band.LOW, False)
    assert result.risk_reduction_blockers == ("band already low",)


# --- OSP/DC validation ---------------------------------------------------------------------------


def test_osp_dc_requires_every_input_for_a_man_with_sexual_history() -> None:
    assert dc_problems(OspDcInputs(Gender.MALE, True, contact_adult_sanctions=1)) == [
        InputProblem(name, f"{text} is required for a male with a sexual offence history.")
        for name, text in [
            ("contact_child_sanctions", "Contact child sanctions"), ("non_contact_sanctions", "Non-contact sanctions"),
            ("date_of_birth", "Date of birth"), ("start_of_follow_up", "Start of follow-up"),
            ("assessment_date", "Assessment date"), ("last_sexual_sanction_date", "Last sexual sanction date"),
            ("most_recent_offence_date", "Most recent offence date"),
            ("most_recent_sexual_offence_date", "Most recent sexual offence date"),
            ("total_sanctions", "Total sanctions"),
            ("current_offence_against_stranger", "Current offence against stranger"), ("in_custody", "In custody"),
        ]
    ]  # fmt: skip


def test_osp_dc_rejects_positive_counts_without_sexual_history() -> None:
    assert dc_problems(
        OspDcInputs(Gender.MALE, False, contact_adult_sanctions=0, non_contact_sanctions=2)
    ) == [
        InputProblem(
            "non_contact_sanctions",
            "Non-contact sanctions must be 0 when there is no sexual offence history.",
        )
    ]


def test_osp_dc_rejects_negative_counts() -> None:
    assert dc_problems(dc(contact_child_sanctions=-1)) == [
        InputProblem("contact_child_sanctions", "Contact child sanctions must not be negative.")
    ]


def test_osp_dc_rejects_dates_on_or_before_birth() -> None:
    assert dc_problems(
        dc(start_of_follow_up=BASE.date_of_birth, last_sexual_sanction_date=dt.date(1960, 1, 1))
    ) == [
        InputProblem("start_of_follow_up", "Start of follow-up must be after the date of birth."),
        InputProblem(
            "last_sexual_sanction_date", "Last sexual sanction date must be after the date of birth."
        ),
    ]


def test_osp_dc_rejects_offences_after_the_assessment() -> None:
    later = dt.date(2021, 1, 2)
    assert dc_problems(dc(most_recent_offence_date=later, most_recent_sexual_offence_date=later)) == [
        InputProblem(
            "most_recent_offence_date", "Most recent offence date must not be after the assessment date."
        ),
        InputProblem(
            "most_recent_sexual_offence_date",
            "Most recent sexual offence date must not be after the assessment date.",
        ),
    ]


def test_osp_dc_rejects_a_sexual_sanction_under_10() -> None:
    assert dc_problems(dc(last_sexual_sanction_date=dt.date(1980, 5, 9))) == [
        InputProblem("last_sexual_sanction_date", "Age at last sexual sanction is 9; it must be at least 10.")
    ]


def test_osp_dc_rejects_no_sanctions() -> None:
    assert dc_problems(dc(total_sanctions=0)) == [
        InputProblem(
            "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
        )
    ]


# --- OSP/IIC -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "band", "percent", "rsr_percent", "rule"),
    [
        ((0, 0, 0, 2), Band.HIGH, "10.310", "10.31", "2 or more indecent-image sanctions"),
        ((5, 5, 5, 9), Band.HIGH, "10.310", "10.31", "2 or more indecent-image sanctions"),
        ((0, 3, 0, 1), Band.MEDIUM, "3.328", "3.33", "exactly 1 indecent-image sanction"),
        ((1, 2, 1, 0), Band.LOW, "0.926", "0.93", "2 or more contact-child sanctions"),
        ((1, 1, 1, 0), Band.LOW, "0.634", "0.63", "exactly 1 contact-child sanction"),
        ((0, 0, 0, 0), Band.LOW, "0.062", "0.06", "no sexual sanctions at all"),
        ((1, 0, 0, 0), Band.LOW, "0.281", "0.28", "other sexual sanctions"),
        ((0, 0, 4, 0), Band.LOW, "0.281", "0.28", "other sexual sanctions"),
    ],
)
def test_osp_iic_first_matching_rule_wins(
    counts: tuple[int, int, int, int], band: Band, percent: str, rsr_percent: str, rule: str
) -> None:
    result = calculate_osp_iic(OspIicInputs(Gender.MALE, True, *counts))
    assert result.applicable
    assert (result.band, str(result.percent), str(result.rsr_percent), result.rule) == (
        band,
        percent,
        rsr_percent,
        rule,
    )


@pytest.mark.parametrize(("gender", "history"), [(Gender.FEMALE, True), (Gender.MALE, False)])
def test_osp_iic_is_not_applicable_to_females_or_without_sexual_history(
    gender: Gender, history: bool
) -> None:
    result = calculate_osp_iic(OspIicInputs(gender, history))
    assert (result.applicable, result.band, result.percent, result.rsr_percent) == (
        False, Band.NOT_APPLICABLE, Decimal(0), Decimal(0),
    )  # fmt: skip


def test_osp_iic_requires_all_four_counts_for_a_man_with_sexual_history() -> None:
    with pytest.raises(PredictorInputError) as raised:
        calculate_osp_iic(OspIicInputs(Gender.MALE, True, 1, 0, 0, None))
    assert raised.value.problems == (
        InputProblem(
            "indecent_image_sanctions",
            "Indecent image sanctions is required for a male with a sexual offence history.",
        ),
    )


def test_osp_iic_rejects_indecent_images_without_sexual_history() -> None:
    with pytest.raises(PredictorInputError) as raised:
        calculate_osp_iic(OspIicInputs(Gender.MALE, False, indecent_image_sanctions=1))
    assert raised.value.problems == (
        InputProblem(
            "indecent_image_sanctions",
            "Indecent image sanctions must be 0 when there is no sexual offence history.",
        ),
    )


# --- Properties and payloads ---------------------------------------------------------------------


@given(
    st.integers(0, 4),
    st.integers(0, 4),
    st.integers(0, 4),
    st.integers(1, 5),
    st.integers(0, 30 * 365),
    st.booleans(),
)
def test_osp_dc_points_probability_and_band_agree(
    adult: int, child: int, non_contact: int, total: int, later_days: int, stranger: bool
) -> None:
    case = dc(contact_adult_sanctions=adult, contact_child_sanctions=child, non_contact_sanctions=non_contact,
              total_sanctions=total, current_offence_against_stranger=stranger,
              start_of_follow_up=dt.date(1990, 1, 1) + dt.timedelta(days=later_days))  # fmt: skip
    result = calculate_osp_dc(case)
    assert 0 <= result.points <= 64
    assert result.band_before_reduction == osp_dc_band(result.points)
    assert Decimal(0) <= result.percent < Decimal(100)
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    assert order.index(result.band_before_reduction) - order.index(result.band) == int(
        result.risk_reduction_applied
    )


@given(st.integers(0, 80), st.integers(0, 80))
def test_osp_dc_bands_are_monotonic_in_points(low: int, high: int) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    low, high = sorted((low, high))
    assert order.index(osp_dc_band(low)) <= order.index(osp_dc_band(high))


def test_osp_from_json_payloads() -> None:
    dc_output = calculate("OSP/DC", {"gender": "female", "sexual_offence_history": True})
    assert dc_output["predictor"] == "osp_dc"
    assert dc_output["result"]["band"] == "not_applicable"  # type: ignore[index]
    iic_output = calculate("osp-iic", {"gender": "male", "sexual_offence_history": "yes", "contact_adult_sanctions": 0,
                                       "contact_child_sanctions": 0, "non_contact_sanctions": 0,
                                       "indecent_image_sanctions": 1})  # fmt: skip
    assert iic_output["result"] == {
        "applicable": True, "band": "medium", "percent": 3.328, "rsr_percent": 3.33, "rule": "exactly 1 indecent-image sanction",
    }  # fmt: skip
