"""OGP (predictors.md § OGP): item points, rounding, bands, validation and properties."""

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Awareness,
    Band,
    InputProblem,
    Motivation,
    OgpInputs,
    PredictorInputError,
    ProblemLevel,
    calculate,
    calculate_ogp,
)
from probation.rules.predictors.ogp import (
    drug_misuse_points,
    ogp_band,
    ogrs3_points,
    thinking_behaviour_points,
)

NONE, SOME, SIGNIFICANT = ProblemLevel.NONE, ProblemLevel.SOME, ProblemLevel.SIGNIFICANT

LOWEST = OgpInputs(
    ogrs3_two_year_percent=1,
    no_fixed_abode_or_transient=False,
    unemployed=False,
    regular_activities_encourage_offending=NONE,
    current_drug_misuse=NONE,
    motivation_to_tackle_drug_misuse=Motivation.FULL,
    problem_solving=NONE,
    awareness_of_consequences=Awareness.YES,
    understands_other_peoples_views=NONE,
    pro_criminal_attitudes=NONE,
)
HIGHEST = OgpInputs(
    99,
    True,
    True,
    SIGNIFICANT,
    SIGNIFICANT,
    Motivation.NONE,
    SIGNIFICANT,
    Awareness.NO,
    SIGNIFICANT,
    SIGNIFICANT,
)


def inputs(**changes: object) -> OgpInputs:
    return dataclasses.replace(LOWEST, **changes)  # type: ignore[arg-type]


def test_ogp_worked_example_shows_each_items_points() -> None:
    # given OGRS3 51 %, no fixed abode, employed, some lifestyle problems, some drug misuse with
    # partial motivation, thinking answers some/sometimes/significant and significant attitudes
    case = OgpInputs(
        51, True, False, SOME, SOME, Motivation.PARTIAL, SOME, Awareness.SOMETIMES, SIGNIFICANT, SIGNIFICANT
    )
    # when OGP is calculated
    result = calculate_ogp(case)
    # then round(30.6)=31 + 5 + 0 + 3 + round(7.5)=8 + round(3.33)=3 + 5 = 55 points
    assert (result.ogrs3_points, result.accommodation_points, result.employment_points) == (31, 5, 0)
    assert (result.lifestyle_points, result.drug_misuse_sum, result.drug_misuse_points) == (3, 2, 8)
    assert (result.thinking_behaviour_sum, result.thinking_behaviour_points, result.attitudes_points) == (
        4,
        3,
        5,
    )
    assert result.total_points == 55
    # and logistic(0.0616 × 55 − 3.6832) = 42.67 %, logistic(0.0616 × 55 − 3.0795) = 57.68 %
    assert float(result.one_year_probability) == pytest.approx(
        1 / (1 + math.exp(-(0.0616 * 55 - 3.6832))), abs=1e-12
    )
    assert float(result.two_year_probability) == pytest.approx(
        1 / (1 + math.exp(-(0.0616 * 55 - 3.0795))), abs=1e-12
    )
    assert (result.one_year_percent, result.two_year_percent, result.band) == (43, 58, Band.MEDIUM)


def test_ogp_lowest_answers_score_one_point_from_ogrs3() -> None:
    result = calculate_ogp(LOWEST)
    assert (result.total_points, result.one_year_percent, result.two_year_percent, result.band) == (
        1,
        3,
        5,
        Band.LOW,
    )


def test_ogp_highest_answers_score_99_points() -> None:
    result = calculate_ogp(HIGHEST)
    assert (result.ogrs3_points, result.drug_misuse_points, result.thinking_behaviour_points) == (59, 15, 5)
    assert (result.total_points, result.one_year_percent, result.two_year_percent, result.band) == (
        99, 92, 95, Band.VERY_HIGH,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("percent", "points"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (50, 30), (51, 31), (99, 59)]
)
def test_ogp_ogrs3_points_are_60_percent_rounded_half_up(percent: int, points: int) -> None:
    assert ogrs3_points(percent) == points


@pytest.mark.parametrize(("total", "points"), [(0, 0), (1, 4), (2, 8), (3, 11), (4, 15)])
def test_ogp_drug_points_are_3_75_times_the_sum_rounded_half_up(total: int, points: int) -> None:
    # 3.75 → 4, 7.5 → 8 (half-up), 11.25 → 11
    assert drug_misuse_points(total) == points


@pytest.mark.parametrize(("total", "points"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3), (5, 4), (6, 5)])
def test_ogp_thinking_points_are_five_sixths_of_the_sum_rounded_half_up(total: int, points: int) -> None:
    # 0.83 → 1, 1.67 → 2, 2.5 → 3 (half-up), 3.33 → 3, 4.17 → 4
    assert thinking_behaviour_points(total) == points


@pytest.mark.parametrize(
    ("field", "value", "item", "points"),
    [
        ("no_fixed_abode_or_transient", True, "accommodation_points", 5),
        ("unemployed", True, "employment_points", 5),
        ("regular_activities_encourage_offending", SOME, "lifestyle_points", 3),
        ("regular_activities_encourage_offending", SIGNIFICANT, "lifestyle_points", 5),
        ("pro_criminal_attitudes", SOME, "attitudes_points", 3),
        ("pro_criminal_attitudes", SIGNIFICANT, "attitudes_points", 5),
        ("current_drug_misuse", SIGNIFICANT, "drug_misuse_points", 8),
        ("motivation_to_tackle_drug_misuse", Motivation.PARTIAL, "drug_misuse_points", 4),
        ("problem_solving", SIGNIFICANT, "thinking_behaviour_points", 2),
        ("awareness_of_consequences", Awareness.NO, "thinking_behaviour_points", 2),
        ("understands_other_peoples_views", SOME, "thinking_behaviour_points", 1),
    ],
)
def test_ogp_each_answer_scores_its_points(field: str, value: object, item: str, points: int) -> None:
    result = calculate_ogp(inputs(**{field: value}))
    assert getattr(result, item) == points
    assert result.total_points == 1 + points


@pytest.mark.parametrize(
    ("percent", "band"),
    [(1, Band.LOW), (33, Band.LOW), (34, Band.MEDIUM), (66, Band.MEDIUM), (67, Band.HIGH), (84, Band.HIGH),
     (85, Band.VERY_HIGH), (99, Band.VERY_HIGH)],
)  # fmt: skip
def test_ogp_band_edges(percent: int, band: Band) -> None:
    assert ogp_band(percent) == band


@pytest.mark.parametrize(
    ("ogrs3", "total", "two_year", "band"),
    [(58, 35 + 3, 32, Band.LOW), (60, 36 + 3, 34, Band.MEDIUM), (98, 59 + 2, 66, Band.MEDIUM),
     (99, 59 + 3, 68, Band.HIGH)],
)  # fmt: skip
def test_ogp_band_changes_at_the_published_percents(
    ogrs3: int, total: int, two_year: int, band: Band
) -> None:
    # given OGRS3 points plus a few thinking & behaviour points to reach the total
    thinking = {2: (SOME, Awareness.SOMETIMES), 3: (SOME, Awareness.NO)}[total - ogrs3_points(ogrs3)]
    result = calculate_ogp(
        inputs(
            ogrs3_two_year_percent=ogrs3, problem_solving=thinking[0], awareness_of_consequences=thinking[1]
        )
    )
    assert (result.total_points, result.two_year_percent, result.band) == (total, two_year, band)


def test_ogp_very_high_starts_at_85_percent() -> None:
    # given no fixed abode, unemployed, significant lifestyle and some drug misuse (5 + 5 + 5 + 4)
    needs = {
        "no_fixed_abode_or_transient": True,
        "unemployed": True,
        "regular_activities_encourage_offending": SIGNIFICANT,
        "current_drug_misuse": SOME,
    }
    # then OGRS3 99 % (59 points) makes 78 points, 85 %; OGRS3 97 % (58 points) makes 77, 84 %
    at_85 = calculate_ogp(inputs(ogrs3_two_year_percent=99, **needs))
    at_84 = calculate_ogp(inputs(ogrs3_two_year_percent=97, **needs))
    assert (at_85.total_points, at_85.two_year_percent, at_85.band) == (78, 85, Band.VERY_HIGH)
    assert (at_84.total_points, at_84.two_year_percent, at_84.band) == (77, 84, Band.HIGH)


# --- Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("percent", [0, 100, -5])
def test_ogp_rejects_an_ogrs3_percent_outside_1_to_99(percent: int) -> None:
    with pytest.raises(PredictorInputError) as raised:
        calculate_ogp(inputs(ogrs3_two_year_percent=percent))
    assert raised.value.problems == (
        InputProblem("ogrs3_two_year_percent", "OGRS3 two year percent must be between 1 and 99."),
    )


def test_ogp_rejects_missing_and_wrong_answers() -> None:
    case = inputs(
        unemployed=None, motivation_to_tackle_drug_misuse=ProblemLevel.SOME, awareness_of_consequences="yes"
    )
    with pytest.raises(PredictorInputError) as raised:
        calculate_ogp(case)
    assert raised.value.problems == (
        InputProblem("unemployed", "Unemployed is required."),
        InputProblem(
            "motivation_to_tackle_drug_misuse",
            "Motivation to tackle drug misuse must be one of: full, partial, none.",
        ),
        InputProblem(
            "awareness_of_consequences", "Awareness of consequences must be one of: yes, sometimes, no."
        ),
    )


# --- Properties ------------------------------------------------------------------------------------

levels = st.sampled_from(ProblemLevel)
cases = st.builds(
    OgpInputs,
    st.integers(1, 99),
    st.booleans(),
    st.booleans(),
    levels,
    levels,
    st.sampled_from(Motivation),
    levels,
    st.sampled_from(Awareness),
    levels,
    levels,
)


@given(cases)
def test_ogp_scores_stay_in_range_and_band_follows_two_year(case: OgpInputs) -> None:
    result = calculate_ogp(case)
    assert 1 <= result.total_points <= 99
    assert 1 <= result.one_year_percent <= result.two_year_percent <= 99
    assert result.band == ogp_band(result.two_year_percent)


@given(cases, st.integers(1, 98))
def test_ogp_never_falls_as_ogrs3_rises(case: OgpInputs, extra: int) -> None:
    higher = dataclasses.replace(case, ogrs3_two_year_percent=min(99, case.ogrs3_two_year_percent + extra))
    assert calculate_ogp(higher).two_year_percent >= calculate_ogp(case).two_year_percent


@given(cases)
def test_ogp_never_falls_when_a_need_is_added(case: OgpInputs) -> None:
    worse = dataclasses.replace(case, unemployed=True, pro_criminal_attitudes=SIGNIFICANT)
    assert calculate_ogp(worse).total_points >= calculate_ogp(case).total_points


@given(st.integers(1, 99), st.integers(1, 99))
def test_ogp_bands_are_monotonic_in_score(low: int, high: int) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    low, high = sorted((low, high))
    assert order.index(ogp_band(low)) <= order.index(ogp_band(high))


@given(cases)
def test_ogp_from_a_json_payload_matches_the_typed_call(case: OgpInputs) -> None:
    payload = {name: getattr(case, name) for name in OgpInputs.__dataclass_fields__}
    payload = {
        key: value.value if isinstance(value, ProblemLevel | Motivation | Awareness) else value
        for key, value in payload.items()
    }
    output = calculate("ogp", payload)
    result = calculate_ogp(case)
    assert output["result"]["two_year_percent"] == result.two_year_percent  # type: ignore[index]
    assert output["result"]["total_points"] == result.total_points  # type: ignore[index]
