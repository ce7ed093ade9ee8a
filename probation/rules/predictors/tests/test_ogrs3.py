"""OGRS3 (predictors.md § OGRS3): terms, bands, percent rounding, validation and properties."""

import dataclasses
import datetime as dt
import math
from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Band,
    Gender,
    InputProblem,
    Ogrs3Inputs,
    PredictorInputError,
    calculate,
    calculate_ogrs3,
)
from probation.rules.predictors.offences import offence_weightings
from probation.rules.predictors.ogrs3 import (
    OFFENCE_CATEGORY_COEFFICIENTS,
    age_gender_term,
    conviction_status_term,
    copas_denominator,
    ogrs3_band,
)

BASE = Ogrs3Inputs(
    gender=Gender.MALE,
    date_of_birth=dt.date(1990, 1, 1),
    date_of_current_conviction=dt.date(2020, 1, 1),
    start_of_follow_up=dt.date(2020, 2, 1),
    total_sanctions=5,
    age_at_first_sanction=16,
    current_offence_code="02700",
)


def inputs(**changes: object) -> Ogrs3Inputs:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def at_age(gender: Gender, age: int, total: int, first: int, code: str) -> Ogrs3Inputs:
    """Conviction and follow-up both on 1 July of the year the person (born 15 June 1980) is `age`."""
    day = dt.date(1980 + age, 7, 1)
    return Ogrs3Inputs(gender, dt.date(1980, 6, 15), day, day, total, first, code)


def problems(case: Ogrs3Inputs) -> list[InputProblem]:
    with pytest.raises(PredictorInputError) as raised:
        calculate_ogrs3(case)
    return list(raised.value.problems)


# --- Worked example ------------------------------------------------------------------------------


def test_ogrs3_worked_example_shows_every_term() -> None:
    # given a 30-year-old man with 5 sanctions since age 16, convicted of soliciting (02700)
    # when OGRS3 is calculated
    result = calculate_ogrs3(BASE)
    # then each term is as the reference defines it
    assert result.age_at_start_of_follow_up == 30
    assert result.age_at_current_conviction == 30
    assert result.offence_category == "Soliciting or prostitution"
    assert result.age_gender_term == Decimal("-1.326")
    assert result.conviction_status_term == Decimal("0.46306")
    assert float(result.copas_rate) == pytest.approx(5 / 24, abs=1e-15)
    assert float(result.copas_term) == pytest.approx(1.25112 * math.log(5 / 24), abs=1e-12)
    assert result.offence_term == Decimal("0.7606")
    with localcontext(prec=40):  # the predictors' working precision
        assert result.linear_score == (
            result.age_gender_term + result.conviction_status_term + result.copas_term + result.offence_term
        )
    # and S = −2.06487 gives logistic(−0.66231) = 34.02 % and logistic(0.05683) = 51.42 %
    assert float(result.one_year_probability) == pytest.approx(0.340221623, abs=1e-9)
    assert float(result.two_year_probability) == pytest.approx(0.514204490, abs=1e-9)
    assert (result.one_year_percent, result.two_year_percent, result.band) == (34, 51, Band.MEDIUM)


def test_ogrs3_first_sanction_uses_the_first_conviction_coefficient() -> None:
    # given a first-ever sanction at 30 (Copas rate 1 ÷ 10, so R = 1.25112 × ln 0.1)
    result = calculate_ogrs3(inputs(total_sanctions=1, age_at_first_sanction=30))
    # then C is the single-sanction coefficient
    assert result.conviction_status_term == Decimal("0.12614")
    assert float(result.copas_term) == pytest.approx(1.25112 * math.log(0.1), abs=1e-12)
    assert (result.one_year_percent, result.two_year_percent, result.band) == (13, 23, Band.LOW)


# --- A: age/gender --------------------------------------------------------------------------------

AGE_TABLE = [
    (10, "0", "0.785"), (11, "0", "0.785"), (12, "0.08392", "0.61385"), (13, "0.08392", "0.61385"),
    (14, "0.07578", "0.66952"), (15, "0.07578", "0.66952"), (16, "-0.0616", "-0.9592"),
    (17, "-0.0616", "-0.9592"), (18, "-0.6251", "-0.8975"), (20, "-0.6251", "-0.8975"),
    (21, "-1.0515", "-1.0285"), (24, "-1.0515", "-1.0285"), (25, "-1.1667", "-1.0528"),
    (29, "-1.1667", "-1.0528"), (30, "-1.326", "-1.1291"), (34, "-1.326", "-1.1291"),
    (35, "-1.368", "-1.4219"), (39, "-1.368", "-1.4219"), (40, "-1.4997", "-1.5247"),
    (49, "-1.4997", "-1.5247"), (50, "-2.0253", "-2.4498"), (99, "-2.0253", "-2.4498"),
]  # fmt: skip


@pytest.mark.parametrize(("age", "male", "female"), AGE_TABLE)
def test_ogrs3_age_gender_term_at_each_band_edge(age: int, male: str, female: str) -> None:
    assert age_gender_term(Gender.MALE, age) == Decimal(male)
    assert age_gender_term(Gender.FEMALE, age) == Decimal(female)


def test_ogrs3_age_gender_term_has_no_band_below_10() -> None:
    with pytest.raises(ValueError, match="no age band for age 9"):
        age_gender_term(Gender.MALE, 9)


def test_ogrs3_age_is_taken_at_start_of_follow_up_not_conviction() -> None:
    # given conviction at 29 (the day before the 30th birthday) and follow-up starting at 30
    result = calculate_ogrs3(inputs(date_of_current_conviction=dt.date(2019, 12, 31)))
    # then A uses the age at follow-up (30 ⇒ −1.326) while the Copas rate uses 29
    assert (result.age_at_current_conviction, result.age_at_start_of_follow_up) == (29, 30)
    assert result.age_gender_term == Decimal("-1.326")
    assert float(result.copas_rate) == pytest.approx(5 / 23, abs=1e-15)


def test_ogrs3_age_bands_are_not_monotonic_for_juveniles_as_published() -> None:
    # the published table gives boys of 12–13 and girls of 14–15 and 18–20 a higher term than the
    # band below; the property tests therefore check monotonicity from age 18
    assert age_gender_term(Gender.MALE, 12) > age_gender_term(Gender.MALE, 11)
    assert age_gender_term(Gender.FEMALE, 14) > age_gender_term(Gender.FEMALE, 13)
    assert age_gender_term(Gender.FEMALE, 18) > age_gender_term(Gender.FEMALE, 17)


# --- C, R, O ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("total", "term"), [(1, "0.12614"), (2, "0.46306"), (60, "0.46306")])
def test_ogrs3_conviction_status_term(total: int, term: str) -> None:
    assert conviction_status_term(total) == Decimal(term)


def test_ogrs3_copas_denominator_is_career_length_plus_10() -> None:
    assert copas_denominator(30, 16) == 24
    assert copas_denominator(16, 16) == 10


@pytest.mark.parametrize(("category", "coefficient"), sorted(OFFENCE_CATEGORY_COEFFICIENTS.items()))
def test_ogrs3_offence_term_comes_from_the_offence_category(category: str, coefficient: Decimal) -> None:
    # given any code of that category in the offence table
    code = next(
        w.ho_code for w in offence_weightings().values() if w.ogrs3_category == category and not w.error
    )
    # then O is the category's coefficient from the reference table
    assert calculate_ogrs3(inputs(current_offence_code=code)).offence_term == coefficient


def test_ogrs3_offence_table_has_twenty_categories_matching_the_csv() -> None:
    assert len(OFFENCE_CATEGORY_COEFFICIENTS) == 20
    for weighting in offence_weightings().values():
        if weighting.ogrs3_category is not None:
            assert OFFENCE_CATEGORY_COEFFICIENTS[weighting.ogrs3_category] == weighting.ogrs3_coefficient


# --- Bands and rounding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "band"),
    [(0, Band.LOW), (1, Band.LOW), (49, Band.LOW), (50, Band.MEDIUM), (74, Band.MEDIUM), (75, Band.HIGH),
     (89, Band.HIGH), (90, Band.VERY_HIGH), (99, Band.VERY_HIGH)],
)  # fmt: skip
def test_ogrs3_band_edges(percent: int, band: Band) -> None:
    assert ogrs3_band(percent) == band


@pytest.mark.parametrize(
    ("case", "two_year", "band"),
    [
        (at_age(Gender.MALE, 12, 1, 10, "08000"), 49, Band.LOW),
        (at_age(Gender.MALE, 12, 1, 10, "02400"), 50, Band.MEDIUM),
        (at_age(Gender.MALE, 10, 5, 10, "01612"), 74, Band.MEDIUM),
        (at_age(Gender.MALE, 10, 3, 10, "00100"), 75, Band.HIGH),
        (at_age(Gender.MALE, 10, 5, 10, "03700"), 89, Band.HIGH),
        (at_age(Gender.MALE, 10, 5, 10, "04500"), 90, Band.VERY_HIGH),
    ],
)
def test_ogrs3_band_is_on_the_two_year_percent(case: Ogrs3Inputs, two_year: int, band: Band) -> None:
    result = calculate_ogrs3(case)
    assert (result.two_year_percent, result.band) == (two_year, band)


def test_ogrs3_one_year_percent_rounds_to_5_places_before_the_integer() -> None:
    # given a one-year probability of 0.4349974 (43.49974 %)
    result = calculate_ogrs3(at_age(Gender.MALE, 18, 5, 18, "03400"))
    assert str(result.one_year_probability).startswith("0.43499739")
    # then 5-place rounding gives 0.43500, i.e. 43.5 %, which rounds half-up to 44 (not 43)
    assert result.one_year_percent == 44


def test_ogrs3_two_year_percent_rounds_to_5_places_before_the_integer() -> None:
    # given a two-year probability of 0.8449965 (84.49965 %): 0.84500 ⇒ 84.5 ⇒ 85 (not 84)
    result = calculate_ogrs3(at_age(Gender.MALE, 30, 20, 25, "07700"))
    assert str(result.two_year_probability).startswith("0.84499650")
    assert (result.two_year_percent, result.band) == (85, Band.HIGH)


def test_ogrs3_never_reports_0_percent() -> None:
    # given an 80-year-old woman's first sanction for drug importation (1-year probability 0.08 %)
    case = Ogrs3Inputs(
        Gender.FEMALE, dt.date(1930, 1, 1), dt.date(2010, 1, 2), dt.date(2010, 1, 2), 1, 10, "07750"
    )
    result = calculate_ogrs3(case)
    assert result.one_year_probability < Decimal("0.005")
    # then it is reported as 1 %, since 0 % is not allowed
    assert (result.one_year_percent, result.two_year_percent) == (1, 1)


def test_ogrs3_never_reports_100_percent() -> None:
    # given a 10-year-old girl with 40 sanctions (2-year probability 99.54 %)
    result = calculate_ogrs3(at_age(Gender.FEMALE, 10, 40, 10, "00404"))
    assert result.two_year_probability > Decimal("0.995")
    # then it is capped at 99 %
    assert (result.two_year_percent, result.band) == (99, Band.VERY_HIGH)


# --- Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("date_of_current_conviction", "Date of current conviction must be after the date of birth."),
        ("start_of_follow_up", "Start of follow-up must be after the date of birth."),
    ],
)
@pytest.mark.parametrize("offset", [0, -1])
def test_ogrs3_rejects_dates_on_or_before_birth(field: str, message: str, offset: int) -> None:
    # given a date on, or the day before, the date of birth
    case = inputs(**{field: BASE.date_of_birth + dt.timedelta(days=offset)})
    # then that date is named, and no follow-on age errors are added
    assert problems(case) == [InputProblem(field, message)]


def test_ogrs3_rejects_conviction_under_10() -> None:
    # given a conviction the day before the 10th birthday
    case = inputs(date_of_current_conviction=dt.date(1999, 12, 31), age_at_first_sanction=10)
    assert problems(case)[0] == InputProblem(
        "date_of_current_conviction", "Age at current conviction is 9; it must be at least 10."
    )


def test_ogrs3_accepts_conviction_on_the_10th_birthday() -> None:
    day = dt.date(2000, 1, 1)
    result = calculate_ogrs3(
        inputs(date_of_current_conviction=day, start_of_follow_up=day, age_at_first_sanction=10)
    )
    assert (result.age_at_current_conviction, result.age_gender_term) == (10, Decimal("0"))


def test_ogrs3_rejects_follow_up_before_conviction() -> None:
    assert problems(inputs(start_of_follow_up=dt.date(2019, 12, 31))) == [
        InputProblem(
            "start_of_follow_up", "Start of follow-up must not be before the date of current conviction."
        )
    ]


@pytest.mark.parametrize("total", [0, -1])
def test_ogrs3_rejects_total_sanctions_below_1(total: int) -> None:
    assert problems(inputs(total_sanctions=total)) == [
        InputProblem(
            "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
        )
    ]


def test_ogrs3_rejects_first_sanction_after_current_conviction_age() -> None:
    assert problems(inputs(age_at_first_sanction=31)) == [
        InputProblem(
            "age_at_first_sanction",
            "Age at first sanction (31) must not be greater than age at current conviction (30).",
        )
    ]


def test_ogrs3_accepts_first_sanction_at_current_conviction_age() -> None:
    assert calculate_ogrs3(inputs(age_at_first_sanction=30)).copas_rate == Decimal("0.5")


def test_ogrs3_rejects_first_sanction_under_10() -> None:
    assert problems(inputs(age_at_first_sanction=9)) == [
        InputProblem("age_at_first_sanction", "Age at first sanction must be at least 10.")
    ]


def test_ogrs3_rejects_a_non_positive_copas_denominator() -> None:
    # given a first sanction more than 10 years after the current conviction (age 15 vs 25)
    case = inputs(
        date_of_current_conviction=dt.date(2005, 6, 1),
        start_of_follow_up=dt.date(2005, 6, 1),
        age_at_first_sanction=25,
    )
    # then both the ordering and the Copas denominator are reported
    assert [p.message for p in problems(case)] == [
        "Age at first sanction (25) must not be greater than age at current conviction (15).",
        "The Copas rate denominator (10 + age at current conviction − age at first sanction) must be positive.",
    ]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2700", "Current offence code must be a 5-digit Home Office offence code, e.g. 02700."),
        ("027000", "Current offence code must be a 5-digit Home Office offence code, e.g. 02700."),
        ("027/0", "Current offence code must be a 5-digit Home Office offence code, e.g. 02700."),
        ("99999", "Current offence code 99999 is not a known Home Office offence code."),
        ("95000", "Current offence code 95000 has no OGRS3 weighting."),
    ],
)
def test_ogrs3_rejects_unusable_offence_codes(code: str, message: str) -> None:
    assert problems(inputs(current_offence_code=code)) == [InputProblem("current_offence_code", message)]


@pytest.mark.parametrize("code", ["08800", "11100", "14100"])
def test_ogrs3_rejects_codes_that_need_the_exact_offence(code: str) -> None:
    assert problems(inputs(current_offence_code=code)) == [
        InputProblem(
            "current_offence_code",
            f"Current offence code {code} is a general offence category: the exact offence is needed "
            "(enter the full code including its sub-category).",
        )
    ]


def test_ogrs3_rejects_missing_and_mistyped_inputs_together() -> None:
    case = inputs(
        gender="male", date_of_birth=None, total_sanctions="5", start_of_follow_up=dt.datetime(2020, 2, 1)
    )
    assert problems(case) == [
        InputProblem("gender", "Gender must be one of: male, female."),
        InputProblem("date_of_birth", "Date of birth is required."),
        InputProblem("start_of_follow_up", "Start of follow-up must be a date (YYYY-MM-DD)."),
        InputProblem("total_sanctions", "Total sanctions must be a whole number."),
    ]


def test_ogrs3_reports_every_rule_broken_at_once() -> None:
    case = inputs(total_sanctions=0, age_at_first_sanction=35, current_offence_code="08800")
    assert [p.field for p in problems(case)] == [
        "total_sanctions",
        "age_at_first_sanction",
        "current_offence_code",
    ]


# --- Properties ------------------------------------------------------------------------------------

codes = st.sampled_from(
    sorted(c for c, w in offence_weightings().items() if w.ogrs3_coefficient is not None and not w.error)
)
cases = st.builds(
    lambda gender, dob, conviction_age_days, follow_up_days, total, first_back, code: Ogrs3Inputs(
        gender,
        dob,
        dob + dt.timedelta(days=conviction_age_days),
        dob + dt.timedelta(days=conviction_age_days + follow_up_days),
        total,
        max(10, 10 + (conviction_age_days // 366 - 10) - first_back),
        code,
    ),
    st.sampled_from(Gender),
    st.dates(dt.date(1920, 1, 1), dt.date(2010, 1, 1)),
    st.integers(3653, 30000),
    st.integers(0, 5000),
    st.integers(1, 200),
    st.integers(0, 70),
    codes,
)


@given(cases)
def test_ogrs3_percents_stay_within_1_to_99_and_band_follows_two_year(case: Ogrs3Inputs) -> None:
    result = calculate_ogrs3(case)
    assert 1 <= result.one_year_percent <= result.two_year_percent <= 99
    assert result.band == ogrs3_band(result.two_year_percent)


@given(cases, st.integers(1, 30 * 366))
def test_ogrs3_never_rises_as_age_at_follow_up_rises_from_18(case: Ogrs3Inputs, extra_days: int) -> None:
    # given the same person and conviction, with follow-up starting later (from age 18 on)
    result = calculate_ogrs3(case)
    later = calculate_ogrs3(
        dataclasses.replace(case, start_of_follow_up=case.start_of_follow_up + dt.timedelta(days=extra_days))
    )
    if result.age_at_start_of_follow_up >= 18:
        # then neither score rises
        assert later.one_year_percent <= result.one_year_percent
        assert later.two_year_percent <= result.two_year_percent


@given(cases, st.integers(1, 50))
def test_ogrs3_never_falls_as_total_sanctions_rise(case: Ogrs3Inputs, more: int) -> None:
    result = calculate_ogrs3(case)
    higher = calculate_ogrs3(dataclasses.replace(case, total_sanctions=case.total_sanctions + more))
    assert higher.linear_score > result.linear_score
    assert higher.two_year_percent >= result.two_year_percent


@given(st.integers(0, 99), st.integers(0, 99))
def test_ogrs3_bands_are_monotonic_in_score(low: int, high: int) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    low, high = sorted((low, high))
    assert order.index(ogrs3_band(low)) <= order.index(ogrs3_band(high))


@given(cases)
def test_ogrs3_from_a_json_payload_matches_the_typed_call(case: Ogrs3Inputs) -> None:
    payload = {
        "gender": case.gender.value,
        "date_of_birth": case.date_of_birth.isoformat(),
        "date_of_current_conviction": case.date_of_current_conviction.isoformat(),
        "start_of_follow_up": case.start_of_follow_up.isoformat(),
        "total_sanctions": case.total_sanctions,
        "age_at_first_sanction": case.age_at_first_sanction,
        "current_offence_code": case.current_offence_code,
    }
    result = calculate_ogrs3(case)
    output = calculate("ogrs3", payload)["result"]
    assert isinstance(output, dict)
    assert (output["one_year_percent"], output["two_year_percent"], output["band"]) == (
        result.one_year_percent, result.two_year_percent, result.band.value,
    )  # fmt: skip
