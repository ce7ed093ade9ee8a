"""Shared rules (predictors.md § Common definitions), the offence table and payload parsing."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import Gender, InputProblem, Ogrs3Inputs, PredictorInputError, ProblemLevel
from probation.rules.predictors.common import (
    Awareness,
    Motivation,
    age_on,
    completed_months,
    completed_years,
    label,
    logistic,
    percent_2dp,
    percent_from_probability,
    round_half_up,
    type_problems,
    yes_no_score,
)
from probation.rules.predictors.offences import (
    DATA_FILE,
    NEED_DETAILS_OF_EXACT_OFFENCE,
    find_offence,
    offence_weightings,
    ogrs3_offence_problems,
)
from probation.rules.predictors.payload import parse_inputs, to_jsonable
from probation.rules.predictors.snsv import SnsvInputs

REFERENCE_CSV = Path("/work/shared/domain/offence-weightings.csv")

# --- Percent rounding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("probability", "percent"),
    [
        ("0.5", 50),
        ("0.124995", 13),  # 0.12500 ⇒ 12.5 ⇒ 13: rounding to 5 places first matters
        ("0.1249949", 12),  # 0.12499 ⇒ 12.499 ⇒ 12
        ("0.125", 13),  # half-up, not half-even
        ("0.015", 2),
        ("0.014999", 2),  # 0.01500 ⇒ 1.5 ⇒ 2
        ("0.0149949", 1),
        ("0.00499", 1),  # 0.499 ⇒ 0 ⇒ clamped to 1
        ("0.004995", 1),  # 0.00500 ⇒ 0.5 ⇒ 1
        ("0", 1),  # 0 % is not allowed
        ("0.99", 99),
        ("0.994949", 99),
        ("0.994995", 99),  # 0.99500 ⇒ 99.5 ⇒ 100 ⇒ clamped to 99
        ("1", 99),  # 100 % is not allowed
    ],
)
def test_percent_rounds_to_5_places_half_up_then_to_integer_and_clamps(
    probability: str, percent: int
) -> None:
    assert percent_from_probability(Decimal(probability)) == percent


@pytest.mark.parametrize(
    ("probability", "percent"),
    [("0.0012345", "0.12"), ("0.00125", "0.13"), ("0.0012499", "0.12"), ("0.5", "50.00"), ("0", "0.00")],
)
def test_percent_2dp_rounds_half_up(probability: str, percent: str) -> None:
    assert str(percent_2dp(Decimal(probability))) == percent


@pytest.mark.parametrize(("value", "rounded"), [("2.5", "3"), ("-2.5", "-3"), ("2.4999", "2"), ("3.5", "4")])
def test_round_half_up_rounds_halves_away_from_zero(value: str, rounded: str) -> None:
    assert round_half_up(Decimal(value)) == Decimal(rounded)


def test_logistic_of_zero_is_one_half() -> None:
    assert logistic(Decimal(0)) == Decimal("0.5")


@given(st.decimals(min_value=-40, max_value=40, allow_nan=False, places=6))
def test_logistic_is_symmetric_and_between_0_and_1(x: Decimal) -> None:
    assert 0 < logistic(x) < 1
    assert abs(logistic(x) + logistic(-x) - 1) < Decimal("1e-35")


@given(st.decimals(min_value=0, max_value=1, allow_nan=False, places=8))
def test_percent_is_always_between_1_and_99(probability: Decimal) -> None:
    assert 1 <= percent_from_probability(probability) <= 99


# --- Dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (dt.date(2010, 6, 14), 9),
        (dt.date(2010, 6, 15), 10),  # completed on the birthday itself
        (dt.date(2011, 6, 14), 10),
    ],
)
def test_age_is_completed_years(on: dt.date, age: int) -> None:
    assert age_on(dt.date(2000, 6, 15), on) == age


@pytest.mark.parametrize(("on", "age"), [(dt.date(2018, 2, 28), 17), (dt.date(2018, 3, 1), 18)])
def test_a_29_february_birthday_is_completed_on_1_march_in_non_leap_years(on: dt.date, age: int) -> None:
    assert age_on(dt.date(2000, 2, 29), on) == age


def test_completed_years_are_negative_when_the_end_is_earlier() -> None:
    assert completed_years(dt.date(2020, 6, 15), dt.date(2020, 6, 14)) == -1


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (dt.date(2020, 1, 15), dt.date(2020, 1, 15), 0),
        (dt.date(2020, 1, 15), dt.date(2020, 2, 14), 0),
        (dt.date(2020, 1, 15), dt.date(2020, 2, 15), 1),
        (dt.date(2020, 1, 31), dt.date(2020, 2, 29), 0),
        (dt.date(2020, 1, 31), dt.date(2020, 3, 1), 1),
        (dt.date(2020, 1, 15), dt.date(2023, 1, 15), 36),
        (dt.date(2019, 12, 20), dt.date(2020, 1, 19), 0),
    ],
)
def test_completed_months(start: dt.date, end: dt.date, months: int) -> None:
    assert completed_months(start, end) == months


def test_completed_months_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="end must not be before start"):
        completed_months(dt.date(2020, 2, 1), dt.date(2020, 1, 31))


# --- Answers and labels ----------------------------------------------------------------------------


def test_answer_scores_follow_the_reference() -> None:
    assert [level.score for level in ProblemLevel] == [0, 1, 2]
    assert [(m.value, m.score) for m in Motivation] == [("full", 0), ("partial", 1), ("none", 2)]
    assert [(a.value, a.score) for a in Awareness] == [("yes", 0), ("sometimes", 1), ("no", 2)]
    assert (yes_no_score(True), yes_no_score(False)) == (2, 0)


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("date_of_birth", "Date of birth"),
        ("ogrs3_two_year_percent", "OGRS3 two year percent"),
        ("start_of_follow_up", "Start of follow-up"),
        ("non_contact_sanctions", "Non-contact sanctions"),
        ("previous_wounding_or_gbh", "Previous wounding or GBH"),
        ("understands_other_peoples_views", "Understands other people's views"),
    ],
)
def test_fields_are_named_for_staff(field: str, text: str) -> None:
    assert label(field) == text


def test_input_error_lists_each_problem_once_and_serialises() -> None:
    problem = InputProblem("total_sanctions", "Total sanctions is required.")
    error = PredictorInputError([problem, InputProblem("gender", "Gender is required."), problem])
    assert error.problems == (problem, InputProblem("gender", "Gender is required."))
    assert str(error) == "total_sanctions: Total sanctions is required.; gender: Gender is required."
    assert error.as_dict() == {
        "errors": [
            {"field": "total_sanctions", "message": "Total sanctions is required."},
            {"field": "gender", "message": "Gender is required."},
        ]
    }
    assert isinstance(error, ValueError)


def test_type_problems_treat_bools_as_not_numbers_and_datetimes_as_not_dates() -> None:
    case = Ogrs3Inputs(
        Gender.MALE,
        dt.datetime(1990, 1, 1),
        dt.date(2020, 1, 1),
        dt.date(2020, 1, 1),
        True,
        16,
        2700,  # type: ignore[arg-type]  # deliberately wrong types
    )
    assert type_problems(case) == [
        InputProblem("date_of_birth", "Date of birth must be a date (YYYY-MM-DD)."),
        InputProblem("total_sanctions", "Total sanctions must be a whole number."),
        InputProblem("current_offence_code", "Current offence code must be text."),
    ]


# --- Offence table ---------------------------------------------------------------------------------


def test_offence_table_has_every_code_once() -> None:
    table = offence_weightings()
    assert len(table) == 3028
    assert all(len(code) == 5 and code.isdigit() for code in table)


@pytest.mark.skipif(not REFERENCE_CSV.exists(), reason="domain reference not mounted")
def test_offence_table_is_an_unmodified_copy_of_the_reference() -> None:
    assert DATA_FILE.read_bytes() == REFERENCE_CSV.read_bytes()


def test_offence_table_row_is_parsed_into_decimals_and_flags() -> None:
    weighting = offence_weightings()["00100"]
    assert (weighting.ogrs3_category, weighting.ogrs3_coefficient) == ("Violence", Decimal("0.0"))
    assert weighting.snsv_category == "Violence against the person"
    assert (weighting.snsv_static, weighting.snsv_dynamic) == (
        Decimal("0.019270382"),
        Decimal("-0.006538498"),
    )
    assert (weighting.snsv_vatp_static, weighting.snsv_vatp_dynamic) == (
        Decimal("0.238802611"),
        Decimal("0.204895024"),
    )
    assert (weighting.violent_or_sexual, weighting.error) == (True, None)


def test_only_three_general_codes_need_the_exact_offence() -> None:
    codes = sorted(c for c, w in offence_weightings().items() if w.error == NEED_DETAILS_OF_EXACT_OFFENCE)
    assert codes == ["08800", "11100", "14100"]


def test_fifteen_codes_have_no_ogrs3_weighting_and_no_error() -> None:
    codes = [c for c, w in offence_weightings().items() if w.ogrs3_coefficient is None and w.error is None]
    assert len(codes) == 15
    for code in codes:
        weighting, _ = find_offence(code, "current_offence_code")
        assert weighting is not None
        assert ogrs3_offence_problems(weighting, "current_offence_code") == [
            InputProblem("current_offence_code", f"Current offence code {code} has no OGRS3 weighting.")
        ]


def test_offence_problems_name_the_field_they_came_from() -> None:
    assert find_offence("x", "offence") == (
        None,
        [InputProblem("offence", "Offence must be a 5-digit Home Office offence code, e.g. 02700.")],
    )


# --- Payload parsing -------------------------------------------------------------------------------

SNSV_PAYLOAD: dict[str, object] = {
    "gender": "female",
    "date_of_birth": "1985-03-02",
    "date_of_current_conviction": "2021-05-01",
    "start_of_follow_up": "2021-06-01",
    "assessment_date": "2021-06-01",
    "total_sanctions": 3,
    "violent_sanctions": 1,
    "age_at_first_sanction": 20,
    "current_offence_code": "00100",
}


def test_payload_is_parsed_into_typed_inputs() -> None:
    inputs = parse_inputs(
        SnsvInputs, {**SNSV_PAYLOAD, "unemployed": "yes", "impulsivity": "some", "previous_arson": False}
    )
    assert inputs.gender is Gender.FEMALE
    assert inputs.date_of_birth == dt.date(1985, 3, 2)
    assert (inputs.unemployed, inputs.impulsivity, inputs.previous_arson) == (True, ProblemLevel.SOME, False)
    assert inputs.temper_control is None


def test_payload_problems_are_all_reported_by_field() -> None:
    payload = {
        **SNSV_PAYLOAD,
        "gender": "F",
        "date_of_birth": "02/03/1985",
        "start_of_follow_up": "2021-02-30",
        "total_sanctions": True,
        "violent_sanctions": 1.0,
        "current_offence_code": 100,
        "unemployed": "maybe",
        "age_at_first_sanction": None,
        "favourite_colour": "blue",
    }
    del payload["assessment_date"]
    with pytest.raises(PredictorInputError) as raised:
        parse_inputs(SnsvInputs, payload)
    assert raised.value.problems == (
        InputProblem("favourite_colour", "'favourite_colour' is not an input of this predictor."),
        InputProblem("gender", "Gender must be one of: male, female."),
        InputProblem("date_of_birth", "Date of birth must be a date (YYYY-MM-DD)."),
        InputProblem("start_of_follow_up", "Start of follow-up must be a date (YYYY-MM-DD)."),
        InputProblem("assessment_date", "Assessment date is required."),
        InputProblem("total_sanctions", "Total sanctions must be a whole number."),
        InputProblem("violent_sanctions", "Violent sanctions must be a whole number."),
        InputProblem("age_at_first_sanction", "Age at first sanction is required."),
        InputProblem("current_offence_code", "Current offence code must be text."),
        InputProblem("unemployed", "Unemployed must be yes or no (true or false)."),
    )


@pytest.mark.parametrize("payload", [[], "{}", None, 3])
def test_payload_must_be_an_object(payload: object) -> None:
    with pytest.raises(PredictorInputError) as raised:
        parse_inputs(SnsvInputs, payload)
    assert raised.value.problems == (InputProblem("payload", "The inputs must be a JSON object."),)


def test_results_become_plain_json_values() -> None:
    assert to_jsonable(parse_inputs(SnsvInputs, SNSV_PAYLOAD)) == {
        **SNSV_PAYLOAD,
        **{name: None for name in SnsvInputs.__dataclass_fields__ if name not in SNSV_PAYLOAD},
    }
    assert to_jsonable((Decimal("1.25"), ProblemLevel.SOME, dt.date(2020, 1, 2))) == [
        1.25,
        "some",
        "2020-01-02",
    ]
