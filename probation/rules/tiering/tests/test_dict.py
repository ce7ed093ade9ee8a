"""`tier_from_dict`: JSON-like payloads in, JSON-ready dicts out, errors named by path."""

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest

from probation.rules.tiering import (
    Gender,
    NeedsAssessment,
    Registration,
    Requirement,
    Sentence,
    TieringInputError,
    TierInputs,
    calculate_tier,
    inputs_from_dict,
    inputs_to_dict,
    result_to_dict,
    tier_from_dict,
)


def minimal(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "gender": "male",
        "registrations": [],
        "sentences": [],
        "previous_enforcement_activity": False,
    }
    return {**payload, **overrides}


def full_payload() -> dict[str, Any]:
    return {
        "gender": "female",
        "rsr_percentage": "6.99",
        "ogrs_percentage": 64,
        "registrations": [
            {"code": "RHRH", "date": "2024-03-01"},
            {"code": "MAPP", "date": "2024-02-01", "level": "M1", "category": "M2"},
            {"code": "ALSH", "date": "2023-11-30", "level": None, "category": None},
            {"code": "IIOM", "date": "2024-01-15"},
        ],
        "sentences": [
            {
                "custodial": False,
                "termination_date": None,
                "requirements": [
                    {"main_category": "W", "restrictive": False},
                    {"main_category": "F", "restrictive": False},
                ],
            },
            {"custodial": True, "termination_date": "2020-05-05", "requirements": []},
        ],
        "previous_enforcement_activity": True,
        "needs_assessment": {
            "answers": {
                "thinking_behaviour": {
                    "recognises_problems": "significant",
                    "problem_solving": "significant",
                    "awareness_of_consequences": "significant",
                    "understands_others_views": "some",
                },
                "accommodation": {
                    "no_fixed_abode_or_transient": "no",
                    "suitability": "some",
                    "permanence": "some",
                },
            },
            "parenting_responsibilities": "yes",
            "impulsivity": "none",
            "temper_control": "some",
        },
    }


def test_full_payload_gives_the_exact_tier_and_breakdown() -> None:
    # given a female case: RSR 10, high RoSH 20 (−10 overlap), MAPPA M1 5, ALSH 2, women's 2 + 2 + 2
    # and a mandate with severe Thinking & behaviour (4), standard Accommodation (1), OGRS 64 (6), IOM (2)
    result = tier_from_dict(full_payload())
    # then protect is 33 ⇒ B and change 13 ⇒ 2
    assert (result["tier"], result["protect_points"], result["change_points"]) == ("B2", 33, 13)
    assert {line["rule"]: line["points"] for line in result["breakdown"]} == {
        "rsr": 10,
        "rosh": 20,
        "rsr_rosh_overlap": -10,
        "mappa": 5,
        "complexity": 2,
        "womens_parenting": 2,
        "womens_self_control": 2,
        "womens_enforcement": 2,
        "need_accommodation": 1,
        "need_education_training_employability": 0,
        "need_relationships": 0,
        "need_lifestyle_associates": 0,
        "need_drug_misuse": 0,
        "need_alcohol_misuse": 0,
        "need_thinking_behaviour": 4,
        "need_attitudes": 0,
        "ogrs": 6,
        "iom": 2,
    }
    assert result["protect_reason"] == "33 protect points is in the 20–149 band, so protect level B"
    assert result["change_reason"] == "13 change points is in the 10–19 band, so change level 2"


def test_result_dict_is_json_serialisable_and_complete() -> None:
    result = tier_from_dict(full_payload())
    assert set(result) == {
        "tier",
        "protect_level",
        "change_level",
        "unsupervised",
        "protect_points",
        "change_points",
        "protect_reason",
        "change_reason",
        "breakdown",
        "derived",
        "inputs",
    }
    assert result["derived"] == {
        "rsr_percentage": "6.99",
        "ogrs_percentage": 64,
        "rosh_level": "high",
        "mappa_level": "M1",
        "complexity_factors": ["ALSH"],
        "iom": True,
        "unsupervised": False,
        "female": True,
        "mandate_for_change": True,
        "has_needs_assessment": True,
        "need_scores": result["derived"]["need_scores"],
    }
    assert result["derived"]["need_scores"][0] == {
        "section": "accommodation",
        "score": 2,
        "severity": "standard",
        "weighting": 1,
        "points": 1,
    }
    assert result["breakdown"][0] == {
        "axis": "protect",
        "rule": "rsr",
        "points": 10,
        "reason": "RSR 6.99% is within 3.00–6.99, so scores 10",
    }
    assert json.loads(json.dumps(result)) == result


def test_inputs_echo_round_trips_to_the_same_inputs() -> None:
    echoed = tier_from_dict(full_payload())["inputs"]
    assert inputs_from_dict(echoed) == inputs_from_dict(full_payload())
    assert tier_from_dict(echoed) == tier_from_dict(full_payload())


def test_payload_builds_the_same_dataclasses_a_caller_would() -> None:
    payload = minimal(
        gender="female",
        rsr_percentage=7,
        ogrs_percentage=12,
        registrations=[{"code": "RVHR", "date": "2024-01-02", "level": "X"}],
        sentences=[{"custodial": False, "requirements": [{"main_category": "F", "restrictive": True}]}],
        needs_assessment={"answers": {"attitudes": {"pro_criminal_attitudes": "some"}}},
    )
    assert inputs_from_dict(payload) == TierInputs(
        gender=Gender.FEMALE,
        registrations=(Registration(code="RVHR", date=dt.date(2024, 1, 2), level="X"),),
        sentences=(Sentence(custodial=False, requirements=(Requirement("F", restrictive=True),)),),
        previous_enforcement_activity=False,
        needs_assessment=NeedsAssessment(answers={"attitudes": {"pro_criminal_attitudes": "some"}}),
        rsr_percentage=Decimal(7),
        ogrs_percentage=12,
    )


@pytest.mark.parametrize(
    ("rsr", "points"), [(6.99, 10), ("6.99", 10), (7.0, 20), ("6.995", 0), (3, 10), (None, 0)]
)
def test_rsr_numbers_and_strings_keep_their_exact_decimal_value(rsr: object, points: int) -> None:
    result = tier_from_dict(minimal(rsr_percentage=rsr))
    assert result["breakdown"][0]["points"] == points


def test_optional_fields_may_be_omitted() -> None:
    # RSR, OGRS and the needs assessment have defaults defined by tiering.md
    result = tier_from_dict(minimal(sentences=[{"custodial": True, "requirements": []}]))
    assert (result["tier"], result["change_reason"]) == (
        "D2",
        "mandate for change but no needs assessment: change level 2",
    )


def test_the_result_matches_calculating_from_dataclasses() -> None:
    payload = full_payload()
    assert tier_from_dict(payload) == result_to_dict(calculate_tier(inputs_from_dict(payload)))


def test_inputs_to_dict_writes_rsr_as_an_exact_string() -> None:
    assert inputs_to_dict(inputs_from_dict(minimal(rsr_percentage=6.99)))["rsr_percentage"] == "6.99"


def errors(payload: Any) -> dict[str, str]:
    with pytest.raises(TieringInputError) as raised:
        tier_from_dict(payload)
    return {problem.field: problem.message for problem in raised.value.problems}


def test_payload_must_be_an_object() -> None:
    assert errors([]) == {"payload": "must be an object"}


def test_required_fields_are_named_when_missing() -> None:
    assert errors({}) == {
        "gender": "is required",
        "registrations": "is required",
        "sentences": "is required",
        "previous_enforcement_activity": "is required",
    }


def test_unknown_fields_are_rejected_so_typos_cannot_hide_data() -> None:
    assert errors(minimal(rsr=8.2, sentences=[{"custodial": True, "requirements": [], "type": "SSO"}])) == {
        "rsr": "unknown field",
        "sentences[0].type": "unknown field",
    }


def test_nested_required_fields_are_named_when_missing() -> None:
    payload = minimal(
        registrations=[{"level": "M1"}],
        sentences=[{"requirements": [{}]}],
        needs_assessment={"impulsivity": "some"},
    )
    assert errors(payload) == {
        "registrations[0].code": "is required",
        "registrations[0].date": "is required",
        "sentences[0].custodial": "is required",
        "sentences[0].requirements[0].main_category": "is required",
        "sentences[0].requirements[0].restrictive": "is required",
        "needs_assessment.answers": "is required",
    }


@pytest.mark.parametrize("date", ["2024-13-01", "01/02/2024", 20240101, None])
def test_registration_date_must_be_iso(date: object) -> None:
    assert errors(minimal(registrations=[{"code": "RHRH", "date": date}])) == {
        "registrations[0].date": f"must be an ISO date (YYYY-MM-DD), got {date!r}"
    }


def test_termination_date_must_be_iso_or_null() -> None:
    payload = minimal(sentences=[{"custodial": True, "requirements": [], "termination_date": "yesterday"}])
    assert errors(payload) == {
        "sentences[0].termination_date": "must be an ISO date (YYYY-MM-DD), got 'yesterday'"
    }


@pytest.mark.parametrize("rsr", ["high", [7], {"value": 7}])
def test_rsr_must_be_numeric(rsr: object) -> None:
    assert errors(minimal(rsr_percentage=rsr)) == {"rsr_percentage": f"must be a number, got {rsr!r}"}


def test_lists_and_objects_must_have_the_right_shape() -> None:
    payload = minimal(registrations={"code": "RHRH"}, sentences=["custody"], needs_assessment="none")
    assert errors(payload) == {
        "registrations": "must be a list (empty if none)",
        "sentences[0]": "must be an object",
        "needs_assessment": "must be an object",
    }


def test_shape_and_value_problems_are_reported_together() -> None:
    # given a bad date (shape) alongside an out-of-range OGRS and unknown code (values)
    payload = minimal(ogrs_percentage=101, registrations=[{"code": "NOPE", "date": "soon"}])
    # then all three are named in one error
    assert errors(payload) == {
        "registrations[0].date": "must be an ISO date (YYYY-MM-DD), got 'soon'",
        "ogrs_percentage": "must be between 0 and 100, got 101",
        "registrations[0].code": "unknown registration code 'NOPE'",
    }


def test_value_problems_from_a_well_formed_payload() -> None:
    assert errors(minimal(gender="woman", ogrs_percentage=55.5, previous_enforcement_activity="no")) == {
        "gender": "must be one of female, male, other, not_known, got 'woman'",
        "ogrs_percentage": "must be a whole number, got 55.5",
        "previous_enforcement_activity": "must be true or false",
    }


def test_bad_answers_inside_the_payload_are_named_by_path() -> None:
    payload = minimal(needs_assessment={"answers": {"drug_misuse": {"ever_injected": "sometimes"}}})
    assert errors(payload) == {
        "needs_assessment.answers.drug_misuse.ever_injected": (
            "must be one of never, previously, currently, unknown or null, got 'sometimes'"
        )
    }
