"""Missing and invalid inputs raise one `TieringInputError` naming every bad field."""

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from probation.rules.tiering import (
    InputProblem,
    NeedsAssessment,
    Registration,
    Requirement,
    Sentence,
    TieringInputError,
    calculate_tier,
)
from probation.rules.tiering.tests.test_builders import assessment, community, day, inputs, reg, req


def problems_for(case: Any) -> dict[str, str]:
    with pytest.raises(TieringInputError) as raised:
        calculate_tier(case)
    return {problem.field: problem.message for problem in raised.value.problems}


def test_inputs_must_be_tier_inputs() -> None:
    assert problems_for({"gender": "male"}) == {"inputs": "must be TierInputs, got dict"}


@pytest.mark.parametrize("gender", [None, "", "FEMALE", "f", 1])
def test_gender_must_be_a_known_value(gender: object) -> None:
    assert problems_for(inputs(gender=gender)) == {  # type: ignore[arg-type]
        "gender": f"must be one of female, male, other, not_known, got {gender!r}"
    }


@pytest.mark.parametrize("gender", ["female", "male", "other", "not_known"])
def test_gender_accepts_plain_strings(gender: str) -> None:
    assert calculate_tier(inputs(gender=gender)).tier == "D0"


@pytest.mark.parametrize("rsr", [6.99, True, "6.99"])
def test_rsr_must_be_decimal_or_int(rsr: Any) -> None:
    bad = dataclasses.replace(inputs(), rsr_percentage=rsr)
    assert problems_for(bad) == {
        "rsr_percentage": f"must be a Decimal or int (not float, to keep 2 d.p. exact), got {rsr!r}"
    }


@pytest.mark.parametrize(
    "rsr", [Decimal("-0.01"), Decimal("100.01"), -1, 101, Decimal("NaN"), Decimal("Infinity")]
)
def test_rsr_must_be_a_percentage(rsr: Decimal | int) -> None:
    assert problems_for(inputs(rsr=rsr)) == {"rsr_percentage": f"must be between 0 and 100, got {rsr}"}


@pytest.mark.parametrize("rsr", [Decimal(0), Decimal(100), 0, 100])
def test_rsr_limits_are_accepted(rsr: Decimal | int) -> None:
    assert calculate_tier(inputs(rsr=rsr)).protect_points == 0


@pytest.mark.parametrize("ogrs", [55.0, True, "55"])
def test_ogrs_must_be_a_whole_number(ogrs: object) -> None:
    assert problems_for(inputs(ogrs=ogrs)) == {  # type: ignore[arg-type]
        "ogrs_percentage": f"must be a whole number, got {ogrs!r}"
    }


@pytest.mark.parametrize("ogrs", [-1, 101])
def test_ogrs_must_be_between_0_and_100(ogrs: int) -> None:
    assert problems_for(inputs(ogrs=ogrs)) == {"ogrs_percentage": f"must be between 0 and 100, got {ogrs}"}


def test_registrations_and_sentences_must_be_lists() -> None:
    case = inputs(registrations=None, sentences="none")  # type: ignore[arg-type]
    assert problems_for(case) == {
        "registrations": "must be a list of registrations (empty if none)",
        "sentences": "must be a list of sentences (empty if none)",
    }


def test_registration_elements_must_be_registrations() -> None:
    assert problems_for(inputs(registrations=(reg("RHRH"), "RVHR"))) == {  # type: ignore[arg-type]
        "registrations[1]": "must be a Registration, got str"
    }


@pytest.mark.parametrize("code", ["RHHR", "rhrh", "", None, "FISH"])
def test_unknown_registration_code_is_rejected(code: object) -> None:
    assert problems_for(inputs(registrations=(reg(code),))) == {  # type: ignore[arg-type]
        "registrations[0].code": f"unknown registration code {code!r}"
    }


@pytest.mark.parametrize("date", [None, "2024-01-01", dt.datetime(2024, 1, 1, 9, 0)])
def test_registration_date_must_be_a_date(date: object) -> None:
    case = inputs(registrations=(Registration(code="RHRH", date=date),))  # type: ignore[arg-type]
    assert problems_for(case) == {"registrations[0].date": f"must be a date, got {date!r}"}


def test_registration_level_and_category_must_be_text() -> None:
    case = inputs(registrations=(Registration(code="REG17", date=day(), level=2, category=3),))  # type: ignore[arg-type]
    assert problems_for(case) == {
        "registrations[0].level": "must be text or null, got 2",
        "registrations[0].category": "must be text or null, got 3",
    }


@pytest.mark.parametrize("level", ["M4", "m2", "2", ""])
def test_mappa_level_must_be_m0_to_m3(level: str) -> None:
    assert problems_for(inputs(registrations=(reg("MAPP", level=level),))) == {
        "registrations[0].level": f"MAPPA level must be one of M0, M1, M2, M3 or null, got {level!r}"
    }


def test_sentence_elements_must_be_sentences() -> None:
    assert problems_for(inputs(sentences=({"custodial": True},))) == {  # type: ignore[arg-type]
        "sentences[0]": "must be a Sentence, got dict"
    }


def test_sentence_fields_are_checked() -> None:
    bad = Sentence(custodial="yes", requirements=[req("F")], termination_date="2024-01-01")  # type: ignore[arg-type]
    assert problems_for(inputs(sentences=(bad,))) == {
        "sentences[0].custodial": "must be true or false",
        "sentences[0].termination_date": "must be a date or null, got '2024-01-01'",
    }


def test_sentence_requirements_must_be_a_list_of_requirements() -> None:
    sentences = (
        Sentence(custodial=False, requirements=None),  # type: ignore[arg-type]
        Sentence(custodial=False, requirements=("F",)),  # type: ignore[arg-type]
    )
    assert problems_for(inputs(sentences=sentences)) == {
        "sentences[0].requirements": "must be a list of requirements (empty if none)",
        "sentences[1].requirements[0]": "must be a Requirement, got str",
    }


def test_requirement_fields_are_checked() -> None:
    bad = Requirement(main_category=" ", restrictive=None)  # type: ignore[arg-type]
    assert problems_for(inputs(sentences=(community(bad),))) == {
        "sentences[0].requirements[0].main_category": "must be a non-empty category code",
        "sentences[0].requirements[0].restrictive": "must be true or false",
    }


@pytest.mark.parametrize("value", [None, 0, "false"])
def test_previous_enforcement_activity_is_required_as_a_boolean(value: object) -> None:
    assert problems_for(inputs(previous_enforcement_activity=value)) == {  # type: ignore[arg-type]
        "previous_enforcement_activity": "must be true or false"
    }


def test_needs_assessment_must_be_an_assessment_or_none() -> None:
    assert problems_for(inputs(needs_assessment={"answers": {}})) == {  # type: ignore[arg-type]
        "needs_assessment": "must be a NeedsAssessment or null, got dict"
    }


def test_assessment_answers_must_be_a_mapping() -> None:
    assert problems_for(inputs(needs_assessment=NeedsAssessment(answers=[]))) == {  # type: ignore[arg-type]
        "needs_assessment.answers": "must map need sections to their answers"
    }


def test_unknown_need_section_is_rejected() -> None:
    case = inputs(needs_assessment=assessment({"financial_management": {"debt": "some"}}))
    assert problems_for(case) == {
        "needs_assessment.answers.financial_management": (
            "unknown need section 'financial_management'; expected one of accommodation, "
            "education_training_employability, relationships, lifestyle_associates, drug_misuse, "
            "alcohol_misuse, thinking_behaviour, attitudes"
        )
    }


def test_section_answers_must_be_a_mapping() -> None:
    case = inputs(needs_assessment=assessment({"attitudes": ["some"]}))  # type: ignore[dict-item]
    assert problems_for(case) == {"needs_assessment.answers.attitudes": "must map question names to answers"}


def test_unknown_question_is_rejected() -> None:
    case = inputs(needs_assessment=assessment({"relationships": {"partner": "some"}}))
    assert problems_for(case) == {
        "needs_assessment.answers.relationships.partner": (
            "unknown question for Relationships; expected one of close_family, experience_of_childhood, "
            "previous_close_relationships"
        )
    }


@pytest.mark.parametrize(
    ("section", "question", "answer", "allowed"),
    [
        ("accommodation", "no_fixed_abode_or_transient", "some", "yes, no, unknown"),
        ("accommodation", "suitability", "yes", "none, some, significant, unknown"),
        ("drug_misuse", "ever_injected", "yes", "never, previously, currently, unknown"),
        ("attitudes", "pro_criminal_attitudes", "Some", "none, some, significant, unknown"),
        ("attitudes", "pro_criminal_attitudes", 1, "none, some, significant, unknown"),
    ],
)
def test_answer_must_suit_its_question_kind(
    section: str, question: str, answer: object, allowed: str
) -> None:
    case = inputs(needs_assessment=assessment({section: {question: answer}}))  # type: ignore[dict-item]
    assert problems_for(case) == {
        f"needs_assessment.answers.{section}.{question}": f"must be one of {allowed} or null, got {answer!r}"
    }


def test_womens_factor_answers_are_checked() -> None:
    case = inputs(needs_assessment=assessment(parenting="some", impulsivity="yes", temper="high"))
    problem = "must be one of none, some, significant, unknown or null, got"
    assert problems_for(case) == {
        "needs_assessment.parenting_responsibilities": "must be one of yes, no, unknown or null, got 'some'",
        "needs_assessment.impulsivity": f"{problem} 'yes'",
        "needs_assessment.temper_control": f"{problem} 'high'",
    }


def test_every_problem_is_reported_at_once_in_one_message() -> None:
    # given several independent mistakes
    case = inputs(gender="F", ogrs=150, registrations=(reg("XXXX"),), previous_enforcement_activity=None)  # type: ignore[arg-type]
    # when the tier is calculated
    with pytest.raises(TieringInputError) as raised:
        calculate_tier(case)
    # then each is named, in input order, in one exception
    assert raised.value.fields == (
        "gender",
        "ogrs_percentage",
        "registrations[0].code",
        "previous_enforcement_activity",
    )
    assert str(raised.value) == (
        "Invalid tiering inputs: gender: must be one of female, male, other, not_known, got 'F'; "
        "ogrs_percentage: must be between 0 and 100, got 150; "
        "registrations[0].code: unknown registration code 'XXXX'; "
        "previous_enforcement_activity: must be true or false"
    )


def test_tiering_input_error_is_a_value_error() -> None:
    assert issubclass(TieringInputError, ValueError)


def test_tiering_input_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="needs at least one problem"):
        TieringInputError([])


def test_input_problem_reads_as_field_and_message() -> None:
    assert str(InputProblem("ogrs_percentage", "must be between 0 and 100, got 101")) == (
        "ogrs_percentage: must be between 0 and 100, got 101"
    )


def test_defaults_defined_by_the_specification_are_not_errors() -> None:
    # missing RSR, missing OGRS and no needs assessment are all defined by tiering.md
    result = calculate_tier(inputs(rsr=None, ogrs=None, needs_assessment=None))
    assert result.tier == "D0"
