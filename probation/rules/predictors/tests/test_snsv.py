"""SNSV (predictors.md § SNSV): static and dynamic terms, variant choice, months, validation.

`reference_score` below re-implements the reference table independently in floats, term by term,
so the decimal implementation is checked against a second reading of the same table.
"""

import dataclasses
import datetime as dt
import math
from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.predictors import (
    Gender,
    InputProblem,
    PredictorInputError,
    ProblemLevel,
    SnsvInputs,
    SnsvVariant,
    calculate,
    calculate_snsv,
)
from probation.rules.predictors.offences import offence_weightings
from probation.rules.predictors.snsv import DYNAMIC_INPUTS, months_since_follow_up

SOME, SIGNIFICANT = ProblemLevel.SOME, ProblemLevel.SIGNIFICANT

BASE = SnsvInputs(
    gender=Gender.MALE,
    date_of_birth=dt.date(1985, 3, 2),
    date_of_current_conviction=dt.date(2021, 5, 1),
    start_of_follow_up=dt.date(2021, 6, 1),
    assessment_date=dt.date(2022, 9, 15),
    total_sanctions=6,
    violent_sanctions=2,
    age_at_first_sanction=20,
    current_offence_code="00100",
)
DYNAMIC_ANSWERS: dict[str, object] = {
    "weapon_in_offence": True, "accommodation_suitability": SOME, "unemployed": True,
    "relationship_with_partner": SIGNIFICANT, "current_drinking": SOME, "binge_drinking": SIGNIFICANT,
    "impulsivity": SIGNIFICANT, "temper_control": SOME, "pro_criminal_attitudes": SOME,
    "domestic_abuse_perpetrator_against_partner": True, "previous_homicide": False,
    "previous_wounding_or_gbh": True, "previous_kidnapping": False, "previous_firearms": False,
    "previous_robbery": True, "previous_aggravated_burglary": False, "previous_weapon": True,
    "previous_criminal_damage": False, "previous_arson": False,
}  # fmt: skip

# predictors.md § SNSV table: (static, dynamic) per term; pairs inside are (male, female).
T: dict[str, Any] = {
    "intercept": (3.60407707356772, 2.39022796091603),
    "female": (-16.6220270089011, -16.6927292697847),
    "male_age": ((-0.546062410902905, 0.0170043887737295, -0.000232716989498981, 0.000001094922933981),
                 (-0.508802063507919, 0.0153890192629454, -0.000208800171123703, 9.83824143383739e-07)),
    "female_age": ((1.09365106131567, -0.042733609488121, 0.000697583963826421, -4.04895085233227e-06),
                   (1.1436499550056, -0.0448159815299769, 0.000731812620052307, -4.24504210770651e-06)),
    "bands": ((-2.09447596484765, -1.67613460779912, 0.0), (-1.89458617745666, -1.51763151836726, 0.0)),
    "per_sanction": (-0.0147495874606046, -0.0182592921752245),
    "gap2": ((-0.0292205730647305, -0.0841673003341906), (-0.0271828619470523, -0.0960719132524968)),
    "months": ((-0.038382727965819, 0.000548515180678996, 0.0000662558757635182, -1.59636460181398e-06),
               (-0.0368447371150021, 0.000557887384281899, 0.0000615531052486415, -1.49652694510477e-06)),
    "copas": ((0.769213898314811, 0.793186572461819), (0.689153313085879, 0.76704149890481)),
    "no_violent": ((-0.942816163300621, -2.32321324569237), (-0.35940007303088, -1.7513536371131)),
    "one_violent": (-0.0633592949212861, -0.101514048705338),
    "per_violent": (0.0188685880078656, 0.021160895925655),
    "violent_rate": (0.207442427665471, 0.0549319831836878),
}  # fmt: skip
DYNAMIC_ONLY = {
    "weapon_in_offence": 0.15071282416667, "accommodation_suitability": 0.0619710049121293,
    "unemployed": 2 * 0.0389109699626767, "relationship_with_partner": 0.0259107268767618,
    "current_drinking": 0.0935672441515258, "binge_drinking": 0.0567127896345591,
    "impulsivity": 0.077212834605957, "temper_control": 0.0482892034688302,
    "pro_criminal_attitudes": 0.130830533773332, "domestic_abuse_perpetrator_against_partner": 0.0847839330659903,
    "previous_homicide": 0.399463399258737, "previous_wounding_or_gbh": 0.451029720739399,
    "previous_kidnapping": 0.0749101406070305, "previous_firearms": 0.218055028351022,
    "previous_robbery": 0.163248217650296, "previous_aggravated_burglary": 0.506616685297771,
    "previous_weapon": 0.184104582611966, "previous_criminal_damage": 0.357345708081477,
    "previous_arson": 0.12261588608151,
}  # fmt: skip


def years(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def reference_score(case: SnsvInputs, dynamic: bool) -> float:
    """The SNSV linear score read straight from the reference table, in floats."""
    v = 1 if dynamic else 0
    female = case.gender is Gender.FEMALE
    k = 1 if female else 0
    a = years(case.date_of_birth, case.start_of_follow_up)
    g = years(case.date_of_birth, case.date_of_current_conviction) - case.age_at_first_sanction
    start, end = case.start_of_follow_up, case.assessment_date
    m = (
        0
        if start >= end
        else min(36, (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day))
    )
    n, violent = case.total_sanctions, case.violent_sanctions
    c = T["female_age" if female else "male_age"][v]
    d = T["months"][v]
    row = offence_weightings()[case.current_offence_code]
    offence = (
        (row.snsv_dynamic + row.snsv_vatp_dynamic) if dynamic else (row.snsv_static + row.snsv_vatp_static)
    )
    score = (
        T["intercept"][v]
        + (T["female"][v] if female else 0)
        + a * (c[0] + c[1] * a + c[2] * a**2 + c[3] * a**3)
    )
    score += float(offence) + T["bands"][v][min(n, 3) - 1] + T["per_sanction"][v] * n
    score += T["gap2"][v][k] * g if n == 2 else 0
    score += m * (d[0] + d[1] * m + d[2] * m**2 + d[3] * m**3)
    score += T["copas"][v][k] * math.log(n / (g + 12)) if n >= 3 else 0
    score += T["no_violent"][v][k] if violent == 0 else 0
    score += T["one_violent"][v] if violent == 1 else 0
    score += T["per_violent"][v] * violent
    score += T["violent_rate"][v] * math.log(violent / (g + 30)) if violent >= 1 else 0
    if dynamic:
        for name, coefficient in DYNAMIC_ONLY.items():
            answer = getattr(case, name)
            score += coefficient * (answer.score if isinstance(answer, ProblemLevel) else int(answer))
    return score


def snsv(**changes: object) -> SnsvInputs:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def problems(case: SnsvInputs) -> list[InputProblem]:
    with pytest.raises(PredictorInputError) as raised:
        calculate_snsv(case)
    return list(raised.value.problems)


def term(result: object, name: str) -> float:
    return float(next(t.value for t in result.terms if t.name == name))  # type: ignore[attr-defined]


# --- Worked examples -------------------------------------------------------------------------------


def test_snsv_static_worked_example_shows_every_term() -> None:
    # given a man of 36 with 6 sanctions (2 violent) since 20, convicted of a violent offence
    # (00100), assessed 15 months after his sentence
    result = calculate_snsv(BASE)
    assert result.variant == SnsvVariant.STATIC
    assert (
        result.age_at_start_of_follow_up,
        result.months_since_start_of_follow_up,
        result.criminal_career_years,
    ) == (36, 15, 16)
    assert result.offence_category == "Violence against the person"
    assert len(result.missing_dynamic_inputs) == 19
    # then each term is as the static column defines it
    assert term(result, "intercept") == 3.60407707356772
    assert term(result, "female") == 0
    assert term(result, "age at start of follow-up") == pytest.approx(-6.639152725134174, abs=1e-12)
    assert term(result, "offence weighting") == 0.019270382
    assert term(result, "offence violence-against-the-person weighting") == 0.238802611
    assert term(result, "total sanctions = 1 / = 2 / > 2") == 0
    assert term(result, "× total sanctions") == pytest.approx(-0.0884975247636276, abs=1e-15)
    assert term(result, "exactly 2 sanctions: × g") == 0
    assert term(result, "months since start of follow-up") == pytest.approx(-0.3095273810994697, abs=1e-12)
    assert term(result, "≥ 3 sanctions: × ln(total ÷ (g + 12))") == pytest.approx(
        0.769213898314811 * math.log(6 / 28), abs=1e-12
    )
    assert (term(result, "no violent sanctions"), term(result, "exactly 1 violent sanction")) == (0, 0)
    assert term(result, "× violent sanctions") == pytest.approx(0.0377371760157312, abs=1e-15)
    assert term(result, "≥ 1 violent: × ln(violent ÷ (g + 30))") == pytest.approx(
        0.207442427665471 * math.log(2 / 46), abs=1e-12
    )
    # and logistic(−4.97266) = 0.688 %, shown to 2 d.p.
    assert float(result.linear_score) == pytest.approx(-4.972656655583879, abs=1e-12)
    assert result.percent == Decimal("0.69")


def test_snsv_dynamic_worked_example_adds_assessment_terms() -> None:
    # given the same man with every dynamic item answered
    result = calculate_snsv(snsv(**DYNAMIC_ANSWERS))
    # then the dynamic column and the dynamic-only terms are used
    assert (result.variant, result.missing_dynamic_inputs) == (SnsvVariant.DYNAMIC, ())
    assert term(result, "intercept") == 2.39022796091603
    assert term(result, "offence weighting") == -0.006538498
    assert term(result, "unemployed") == pytest.approx(2 * 0.0389109699626767, abs=1e-16)
    assert term(result, "impulsivity") == pytest.approx(2 * 0.077212834605957, abs=1e-16)
    assert (term(result, "previous_homicide"), term(result, "previous_weapon")) == (0, 0.184104582611966)
    assert len(result.terms) == 14 + 19
    assert float(result.linear_score) == pytest.approx(
        reference_score(snsv(**DYNAMIC_ANSWERS), True), abs=1e-12
    )
    assert result.percent == Decimal("2.40")


def test_snsv_female_with_two_sanctions_uses_the_gap_and_no_violence_terms() -> None:
    # given a woman of 30 with 2 sanctions, none violent, first at 22 (g = 8)
    case = snsv(
        gender=Gender.FEMALE,
        date_of_birth=dt.date(1991, 1, 1),
        total_sanctions=2,
        violent_sanctions=0,
        age_at_first_sanction=22,
    )
    result = calculate_snsv(case)
    assert term(result, "female") == -16.6220270089011
    assert term(result, "total sanctions = 1 / = 2 / > 2") == -1.67613460779912
    assert term(result, "exactly 2 sanctions: × g") == pytest.approx(-0.0841673003341906 * 8, abs=1e-15)
    assert term(result, "≥ 3 sanctions: × ln(total ÷ (g + 12))") == 0
    assert term(result, "no violent sanctions") == -2.32321324569237
    assert term(result, "≥ 1 violent: × ln(violent ÷ (g + 30))") == 0
    assert float(result.linear_score) == pytest.approx(reference_score(case, False), abs=1e-12)
    assert result.percent == Decimal("0.04")


def test_snsv_first_sanction_with_one_violent() -> None:
    case = snsv(total_sanctions=1, violent_sanctions=1, age_at_first_sanction=36)
    result = calculate_snsv(case)
    assert term(result, "total sanctions = 1 / = 2 / > 2") == -2.09447596484765
    assert term(result, "exactly 1 violent sanction") == -0.0633592949212861
    assert term(result, "≥ 1 violent: × ln(violent ÷ (g + 30))") == pytest.approx(
        0.207442427665471 * math.log(1 / 30), abs=1e-12
    )
    assert float(result.linear_score) == pytest.approx(reference_score(case, False), abs=1e-12)


# --- Variant and months ----------------------------------------------------------------------------


@pytest.mark.parametrize("missing", DYNAMIC_INPUTS)
def test_snsv_falls_back_to_static_when_any_dynamic_input_is_missing(missing: str) -> None:
    result = calculate_snsv(snsv(**{**DYNAMIC_ANSWERS, missing: None}))
    assert (result.variant, result.missing_dynamic_inputs) == (SnsvVariant.STATIC, (missing,))
    assert result.linear_score == calculate_snsv(BASE).linear_score


@pytest.mark.parametrize(
    ("start", "assessed", "months"),
    [
        (dt.date(2022, 9, 15), dt.date(2022, 9, 15), 0),  # starts on the assessment date
        (dt.date(2023, 1, 1), dt.date(2022, 9, 15), 0),  # starts after it (e.g. a future release)
        (dt.date(2022, 8, 16), dt.date(2022, 9, 15), 0),
        (dt.date(2022, 8, 15), dt.date(2022, 9, 15), 1),
        (dt.date(2019, 9, 16), dt.date(2022, 9, 15), 35),
        (dt.date(2019, 9, 15), dt.date(2022, 9, 15), 36),
        (dt.date(2010, 1, 1), dt.date(2022, 9, 15), 36),  # at most 36
    ],
)
def test_snsv_months_since_start_of_follow_up(start: dt.date, assessed: dt.date, months: int) -> None:
    assert months_since_follow_up(start, assessed) == months


def test_snsv_months_term_is_zero_before_follow_up_starts() -> None:
    result = calculate_snsv(snsv(assessment_date=dt.date(2021, 5, 20)))
    assert (result.months_since_start_of_follow_up, term(result, "months since start of follow-up")) == (0, 0)


def test_snsv_scores_general_codes_that_ogrs3_refuses() -> None:
    # 08800 needs the exact offence for its OGRS3 category, but has SNSV weightings of its own
    result = calculate_snsv(snsv(current_offence_code="08800"))
    assert (term(result, "offence weighting"), result.offence_category) == (
        -0.045522889,
        "Sexual (not against child)",
    )


# --- Validation ------------------------------------------------------------------------------------


def test_snsv_rejects_invalid_criminal_history() -> None:
    case = snsv(
        total_sanctions=0, violent_sanctions=1, age_at_first_sanction=40, current_offence_code="99999"
    )
    assert problems(case) == [
        InputProblem("total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."),
        InputProblem("age_at_first_sanction", "Age at first sanction (40) must not be greater than age at current conviction (36)."),
        InputProblem("violent_sanctions", "Violent sanctions (1) must not exceed total sanctions (0)."),
        InputProblem("current_offence_code", "Current offence code 99999 is not a known Home Office offence code."),
    ]  # fmt: skip


def test_snsv_rejects_dates_on_or_before_birth() -> None:
    assert problems(
        snsv(assessment_date=BASE.date_of_birth, date_of_current_conviction=dt.date(1980, 1, 1))
    ) == [
        InputProblem(
            "date_of_current_conviction", "Date of current conviction must be after the date of birth."
        ),
        InputProblem("assessment_date", "Assessment date must be after the date of birth."),
    ]


def test_snsv_rejects_wrongly_typed_dynamic_answers() -> None:
    assert problems(snsv(impulsivity=2, previous_arson="no")) == [
        InputProblem("impulsivity", "Impulsivity must be one of: none, some, significant."),
        InputProblem("previous_arson", "Previous arson must be yes or no (true or false)."),
    ]


# --- Properties ------------------------------------------------------------------------------------

codes = st.sampled_from(sorted(offence_weightings()))
levels = st.sampled_from(ProblemLevel)


@st.composite
def cases(draw: st.DrawFn) -> SnsvInputs:
    dob = draw(st.dates(dt.date(1930, 1, 1), dt.date(2005, 1, 1)))
    conviction = dob + dt.timedelta(days=draw(st.integers(3653, 70 * 365)))
    total = draw(st.integers(1, 60))
    case = SnsvInputs(
        draw(st.sampled_from(Gender)), dob, conviction, conviction + dt.timedelta(days=draw(st.integers(0, 2000))),
        conviction + dt.timedelta(days=draw(st.integers(-300, 2500))), total, draw(st.integers(0, total)),
        draw(st.integers(10, years(dob, conviction))), draw(codes),
    )  # fmt: skip
    if draw(st.booleans()):
        answers = {
            name: draw(levels if isinstance(value, ProblemLevel) else st.booleans())
            for name, value in DYNAMIC_ANSWERS.items()
        }
        case = dataclasses.replace(case, **answers)
    return case


@given(cases())
def test_snsv_matches_an_independent_reading_of_the_table(case: SnsvInputs) -> None:
    result = calculate_snsv(case)
    dynamic = result.variant is SnsvVariant.DYNAMIC
    assert float(result.linear_score) == pytest.approx(reference_score(case, dynamic), rel=1e-12, abs=1e-12)
    with localcontext(prec=40):  # the predictors' working precision
        assert sum(t.value for t in result.terms) == result.linear_score


@given(cases())
def test_snsv_probability_is_between_0_and_1_and_percent_is_its_2dp_rounding(case: SnsvInputs) -> None:
    result = calculate_snsv(case)
    assert 0 < result.probability < 1
    assert Decimal("0.00") <= result.percent <= Decimal("100.00")
    assert abs(result.percent - result.probability * 100) <= Decimal("0.005")


def test_snsv_from_a_json_payload() -> None:
    payload = {
        "gender": "male", "date_of_birth": "1985-03-02", "date_of_current_conviction": "2021-05-01",
        "start_of_follow_up": "2021-06-01", "assessment_date": "2022-09-15", "total_sanctions": 6,
        "violent_sanctions": 2, "age_at_first_sanction": 20, "current_offence_code": "00100",
    }  # fmt: skip
    result = calculate("snsv", payload)["result"]
    assert isinstance(result, dict)
    assert (result["variant"], result["percent"]) == ("static", 0.69)
    assert result["terms"][0] == {"name": "intercept", "value": 3.60407707356772}
