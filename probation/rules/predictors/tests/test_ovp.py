"""OVP (predictors.md § OVP): static and dynamic points, bands, validation and properties."""

import dataclasses
import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Band,
    Gender,
    InputProblem,
    OvpInputs,
    PredictorInputError,
    ProblemLevel,
    calculate,
    calculate_ovp,
)
from probation.rules.predictors.ovp import (
    age_points,
    alcohol_points,
    non_violent_sanctions_points,
    ovp_band,
    violent_sanctions_points,
)

NONE, SOME, SIGNIFICANT = ProblemLevel.NONE, ProblemLevel.SOME, ProblemLevel.SIGNIFICANT

BASE = OvpInputs(
    gender=Gender.MALE,
    date_of_birth=dt.date(1990, 1, 1),
    start_of_follow_up=dt.date(2020, 2, 1),
    total_sanctions=12,
    violent_sanctions=3,
    does_not_recognise_impact_of_offending=True,
    no_fixed_abode_or_transient=False,
    unemployed=True,
    current_alcohol_use=SOME,
    binge_drinking=SIGNIFICANT,
    in_psychiatric_treatment=False,
    temper_control=SOME,
    pro_criminal_attitudes=NONE,
)
# A woman of 60 with one non-violent sanction and no dynamic needs: only "any sanctions" scores.
LOWEST = OvpInputs(
    Gender.FEMALE,
    dt.date(1960, 1, 1),
    dt.date(2020, 1, 1),
    1,
    0,
    False,
    False,
    False,
    NONE,
    NONE,
    False,
    NONE,
    NONE,
)


def inputs(**changes: object) -> OvpInputs:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def problems(case: OvpInputs) -> list[InputProblem]:
    with pytest.raises(PredictorInputError) as raised:
        calculate_ovp(case)
    return list(raised.value.problems)


def test_ovp_worked_example_shows_each_items_points() -> None:
    # given a 30-year-old man with 12 sanctions (3 violent) who does not recognise the impact of
    # his offending, is unemployed, has some alcohol and significant binge-drinking problems and
    # some temper-control problems
    result = calculate_ovp(BASE)
    # then the static points are 5 + 9 + 3 (9 non-violent) + 10 (age 30) + 5 (male) = 32
    assert (result.any_sanctions_points, result.violent_sanctions_points) == (5, 9)
    assert (result.non_violent_sanctions, result.non_violent_sanctions_points) == (9, 3)
    assert (result.age_at_start_of_follow_up, result.age_points, result.gender_points) == (30, 10, 5)
    assert result.static_points == 32
    # and the dynamic points are 4 + 0 + 4 + ceil(7.5)=8 + 0 + 3 + 0 = 19
    assert (result.impact_on_others_points, result.accommodation_points, result.employment_points) == (
        4,
        0,
        4,
    )
    assert (result.alcohol_points, result.psychiatric_treatment_points) == (8, 0)
    assert (result.temper_control_points, result.attitudes_points) == (3, 0)
    assert (result.dynamic_points, result.total_points) == (19, 51)
    # and logistic(0.0722 × 51 − 4.5215) = 30.17 %, logistic(0.0722 × 51 − 3.8773) = 45.16 %
    assert float(result.two_year_probability) == pytest.approx(
        1 / (1 + math.exp(-(0.0722 * 51 - 3.8773))), abs=1e-12
    )
    assert (result.one_year_percent, result.two_year_percent, result.band) == (30, 45, Band.MEDIUM)


def test_ovp_lowest_score() -> None:
    result = calculate_ovp(LOWEST)
    assert (result.total_points, result.one_year_percent, result.two_year_percent, result.band) == (
        5,
        2,
        3,
        Band.LOW,
    )


@pytest.mark.parametrize(
    ("violent", "points"),
    [
        (0, 0),
        (1, 4),
        (2, 7),
        (3, 9),
        (4, 11),
        (5, 12),
        (6, 13),
        (10, 17),
        (16, 23),
        (17, 24),
        (18, 25),
        (40, 25),
    ],
)
def test_ovp_violent_sanction_points(violent: int, points: int) -> None:
    assert violent_sanctions_points(violent) == points


@pytest.mark.parametrize(
    ("non_violent", "points"),
    [(0, 0), (2, 0), (3, 2), (4, 2), (5, 3), (10, 3), (11, 4), (20, 4), (21, 5), (100, 5)],
)
def test_ovp_non_violent_sanction_points(non_violent: int, points: int) -> None:
    assert non_violent_sanctions_points(non_violent) == points


@pytest.mark.parametrize(
    ("age", "points"),
    [(18, 20), (19, 20), (20, 17), (21, 17), (22, 14), (23, 14), (24, 12), (25, 12), (26, 10), (30, 10),
     (31, 8), (35, 8), (36, 6), (40, 6), (41, 4), (45, 4), (46, 2), (50, 2), (51, 0), (90, 0)],
)  # fmt: skip
def test_ovp_age_points(age: int, points: int) -> None:
    assert age_points(age) == points


def test_ovp_age_points_have_no_band_under_18() -> None:
    with pytest.raises(ValueError, match="no points for age 17"):
        age_points(17)


@pytest.mark.parametrize(
    ("current", "binge", "points"),
    [
        (NONE, NONE, 0),
        (SOME, NONE, 3),
        (NONE, SOME, 3),
        (SOME, SOME, 5),
        (SIGNIFICANT, SOME, 8),
        (SIGNIFICANT, SIGNIFICANT, 10),
    ],
)
def test_ovp_alcohol_points_round_2_5_times_the_sum_up(
    current: ProblemLevel, binge: ProblemLevel, points: int
) -> None:
    assert alcohol_points(current, binge) == points


@pytest.mark.parametrize(
    ("field", "value", "item", "points"),
    [
        ("does_not_recognise_impact_of_offending", True, "impact_on_others_points", 4),
        ("no_fixed_abode_or_transient", True, "accommodation_points", 4),
        ("unemployed", True, "employment_points", 4),
        ("in_psychiatric_treatment", True, "psychiatric_treatment_points", 4),
        ("temper_control", SIGNIFICANT, "temper_control_points", 6),
        ("pro_criminal_attitudes", SOME, "attitudes_points", 3),
        ("pro_criminal_attitudes", SIGNIFICANT, "attitudes_points", 6),
        ("gender", Gender.MALE, "gender_points", 5),
    ],
)
def test_ovp_each_answer_scores_its_points(field: str, value: object, item: str, points: int) -> None:
    result = calculate_ovp(dataclasses.replace(LOWEST, **{field: value}))  # type: ignore[arg-type]
    assert getattr(result, item) == points
    assert result.total_points == 5 + points


@pytest.mark.parametrize(
    ("percent", "band"),
    [(1, Band.LOW), (29, Band.LOW), (30, Band.MEDIUM), (59, Band.MEDIUM), (60, Band.HIGH), (79, Band.HIGH),
     (80, Band.VERY_HIGH), (99, Band.VERY_HIGH)],
)  # fmt: skip
def test_ovp_band_edges(percent: int, band: Band) -> None:
    assert ovp_band(percent) == band


NEEDS = {"temper_control": SIGNIFICANT, "unemployed": True, "in_psychiatric_treatment": True}


@pytest.mark.parametrize(
    ("violent", "answers", "total", "two_year", "band"),
    [
        (0, {"temper_control": SIGNIFICANT}, 41, 29, Band.LOW),
        (2, {}, 42, 30, Band.MEDIUM),
        (12, {"temper_control": SIGNIFICANT}, 59, 59, Band.MEDIUM),
        (13, {"temper_control": SIGNIFICANT}, 60, 61, Band.HIGH),
        (30, {**NEEDS, "current_alcohol_use": SOME}, 72, 79, Band.HIGH),
        (30, {**NEEDS, "does_not_recognise_impact_of_offending": True}, 73, 80, Band.VERY_HIGH),
    ],
)
def test_ovp_band_changes_at_the_published_percents(
    violent: int, answers: dict[str, Any], total: int, two_year: int, band: Band
) -> None:
    # given a 19-year-old man (20 age points) with 30 sanctions, `violent` of them violent
    case = dataclasses.replace(
        LOWEST, gender=Gender.MALE, date_of_birth=dt.date(2000, 6, 1), total_sanctions=30, violent_sanctions=violent,
        **answers,
    )  # fmt: skip
    result = calculate_ovp(case)
    assert (result.total_points, result.two_year_percent, result.band) == (total, two_year, band)


# --- Validation ------------------------------------------------------------------------------------


def test_ovp_rejects_under_18_at_start_of_follow_up() -> None:
    # given follow-up starting the day before the 18th birthday
    assert problems(inputs(start_of_follow_up=dt.date(2007, 12, 31))) == [
        InputProblem("start_of_follow_up", "Age at start of follow-up is 17; OVP applies only from age 18.")
    ]


def test_ovp_accepts_follow_up_on_the_18th_birthday() -> None:
    assert calculate_ovp(inputs(start_of_follow_up=dt.date(2008, 1, 1))).age_points == 20


def test_ovp_rejects_follow_up_on_the_date_of_birth() -> None:
    assert problems(inputs(start_of_follow_up=BASE.date_of_birth)) == [
        InputProblem("start_of_follow_up", "Start of follow-up must be after the date of birth.")
    ]


def test_ovp_rejects_more_violent_than_total_sanctions() -> None:
    assert problems(inputs(violent_sanctions=13)) == [
        InputProblem("violent_sanctions", "Violent sanctions (13) must not exceed total sanctions (12).")
    ]


def test_ovp_rejects_negative_violent_sanctions() -> None:
    assert problems(inputs(violent_sanctions=-1)) == [
        InputProblem("violent_sanctions", "Violent sanctions must not be negative.")
    ]


def test_ovp_rejects_no_sanctions() -> None:
    assert problems(inputs(total_sanctions=0, violent_sanctions=0)) == [
        InputProblem(
            "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
        )
    ]


def test_ovp_rejects_missing_gender_and_answers() -> None:
    assert problems(inputs(gender=None, binge_drinking="lots")) == [
        InputProblem("gender", "Gender is required."),
        InputProblem("binge_drinking", "Binge drinking must be one of: none, some, significant."),
    ]


# --- Properties ------------------------------------------------------------------------------------

levels = st.sampled_from(ProblemLevel)


@st.composite
def cases(draw: st.DrawFn) -> OvpInputs:
    total = draw(st.integers(1, 80))
    dob = draw(st.dates(dt.date(1930, 1, 1), dt.date(2000, 1, 1)))
    return OvpInputs(
        draw(st.sampled_from(Gender)),
        dob,
        dob + dt.timedelta(days=draw(st.integers(18 * 366, 80 * 365))),
        total,
        draw(st.integers(0, total)),
        *draw(
            st.tuples(
                st.booleans(), st.booleans(), st.booleans(), levels, levels, st.booleans(), levels, levels
            )
        ),
    )


@given(cases())
def test_ovp_scores_stay_in_range_and_band_follows_two_year(case: OvpInputs) -> None:
    result = calculate_ovp(case)
    assert 5 <= result.total_points <= 5 + 25 + 5 + 20 + 5 + 4 + 4 + 4 + 10 + 4 + 6 + 6
    assert 1 <= result.one_year_percent <= result.two_year_percent <= 99
    assert result.band == ovp_band(result.two_year_percent)


@given(cases(), st.integers(1, 40 * 365))
def test_ovp_never_rises_as_age_at_follow_up_rises(case: OvpInputs, extra_days: int) -> None:
    later = dataclasses.replace(
        case, start_of_follow_up=case.start_of_follow_up + dt.timedelta(days=extra_days)
    )
    assert calculate_ovp(later).two_year_percent <= calculate_ovp(case).two_year_percent


@given(cases())
def test_ovp_never_falls_when_a_sanction_becomes_violent(case: OvpInputs) -> None:
    if case.violent_sanctions < case.total_sanctions:
        more = dataclasses.replace(case, violent_sanctions=case.violent_sanctions + 1)
        assert calculate_ovp(more).violent_sanctions_points >= calculate_ovp(case).violent_sanctions_points


@given(st.integers(1, 99), st.integers(1, 99))
def test_ovp_bands_are_monotonic_in_score(low: int, high: int) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    low, high = sorted((low, high))
    assert order.index(ovp_band(low)) <= order.index(ovp_band(high))


def test_ovp_from_a_json_payload() -> None:
    payload = {
        "gender": "male", "date_of_birth": "1990-01-01", "start_of_follow_up": "2020-02-01", "total_sanctions": 12,
        "violent_sanctions": 3, "does_not_recognise_impact_of_offending": "yes", "no_fixed_abode_or_transient": "no",
        "unemployed": True, "current_alcohol_use": "some", "binge_drinking": "significant",
        "in_psychiatric_treatment": False, "temper_control": "some", "pro_criminal_attitudes": "none",
    }  # fmt: skip
    result = calculate("ovp", payload)["result"]
    assert isinstance(result, dict)
    assert (result["total_points"], result["two_year_percent"], result["band"]) == (51, 45, "medium")
