"""The tier is recalculated in the transaction of every service that changes one of its inputs,
stored with exactly what calculate_tier returned, and only when the result changes."""

import datetime as dt

import pytest

from probation.core.errors import ServiceError
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration
from probation.risk.services.registrations import (
    registration_add,
    registration_deregister,
    registration_update,
)
from probation.risk.services.rosh import rosh_assessment_create
from probation.rules import tiering
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get
from probation.tiers.services import recalculation
from probation.tiers.tests.helpers import REGISTERED_ON, complete_assessment

pytestmark = pytest.mark.django_db


def _add(actor, person, code, **extra):
    return registration_add(
        actor=actor, crn=person.crn, register_type=code, registered_on=REGISTERED_ON, **extra
    )


def _tiers(person):
    return list(TierCalculation.objects.filter(person=person).order_by("id").values_list("tier", "reason"))


def test_adding_a_very_high_rosh_registration_stores_tier_a0_and_sets_the_case_tier(case, officer_user):
    _add(officer_user, case, "RVHR")

    calculation = TierCalculation.objects.get(person=case)
    assert (calculation.tier, calculation.protect_level, calculation.change_level) == ("A0", "A", 0)
    assert (calculation.protect_points, calculation.change_points) == (150, None)
    assert calculation.reason == "Very high RoSH added"
    assert calculation.calculated_by == officer_user
    case.refresh_from_db()
    assert case.tier == "A0"


def test_stored_inputs_and_breakdown_are_exactly_what_calculate_tier_returns(case, officer_user):
    _add(officer_user, case, "MAPP", category="M2", level="M1")  # 5: D0
    _add(officer_user, case, "RMDO")  # 7: D0, no row
    _add(officer_user, case, "RMRH")  # 17: C0

    calculation = TierCalculation.objects.filter(person=case).latest("id")
    expected = tiering.result_to_dict(tiering.calculate_tier(tier_inputs_get(person=case)))
    assert calculation.inputs == expected["inputs"]
    assert calculation.breakdown == expected["breakdown"]
    assert (calculation.protect_reason, calculation.change_reason) == (
        expected["protect_reason"],
        expected["change_reason"],
    )
    assert calculation.tier == expected["tier"] == "C0"
    assert calculation.protect_points == expected["protect_points"] == 10 + 5 + 2
    assert [r["code"] for r in calculation.inputs["registrations"]] == ["MAPP", "RMDO", "RMRH"]
    assert calculation.inputs["sentences"] == []
    assert calculation.inputs["previous_enforcement_activity"] is False
    assert (calculation.inputs["rsr_percentage"], calculation.inputs["ogrs_percentage"]) == (None, None)


def test_no_row_is_stored_when_the_tier_does_not_change(case, officer_user):
    _add(officer_user, case, "RHRH")  # B0
    _add(officer_user, case, "RMDO")  # 22 points: still B0

    assert _tiers(case) == [("B0", "High RoSH added")]


def test_deregistering_lowers_the_tier_and_keeps_the_history(case, officer_user):
    registration = _add(officer_user, case, "RVHR")

    registration_deregister(
        actor=officer_user,
        crn=case.crn,
        registration_id=registration.pk,
        expected_version=registration.version,
        deregistered_on=REGISTERED_ON,
        reason="Risk reduced",
    )

    assert _tiers(case) == [("A0", "Very high RoSH added"), ("D0", "registration ended")]
    case.refresh_from_db()
    assert case.tier == "D0"


def test_changing_the_mappa_level_recalculates(case, officer_user):
    mappa = _add(officer_user, case, "MAPP", category="M1", level="M1")  # 5 points: D0

    registration_update(
        actor=officer_user,
        crn=case.crn,
        registration_id=mappa.pk,
        expected_version=mappa.version,
        category="M1",
        level="M2",
    )

    assert _tiers(case) == [("D0", "MAPPA added"), ("A0", "registration changed")]


def test_an_unsupervised_registration_adds_the_s_suffix(case, officer_user):
    _add(officer_user, case, "PRC")

    case.refresh_from_db()
    assert case.tier == "D0S"
    assert TierCalculation.objects.get(person=case).unsupervised is True


def test_completing_a_needs_assessment_adds_womens_factors_for_a_woman(officer_user):
    woman = PersonFactory(officer=officer_user.staff, gender="F")
    for code in ("RMDO", "ALSH", "RVLN", "RCCO"):  # 4 complexity factors: 8 points, D0
        _add(officer_user, woman, code)

    complete_assessment(
        officer_user, woman, womens={"parenting_responsibilities": "yes", "impulsivity": "some"}
    )

    calculation = TierCalculation.objects.filter(person=woman).latest("id")
    assert (calculation.tier, calculation.protect_points, calculation.reason) == (
        "C0",
        12,
        "needs assessment completed",
    )
    assert calculation.inputs["needs_assessment"]["parenting_responsibilities"] == "yes"
    woman.refresh_from_db()
    assert woman.tier == "C0"


def test_a_completed_assessment_that_does_not_change_the_tier_stores_nothing(case, officer_user):
    _add(officer_user, case, "RHRH")

    complete_assessment(officer_user, case)

    assert _tiers(case) == [("B0", "High RoSH added")]


def test_recording_a_rosh_assessment_recalculates_through_its_registration(case, officer_user):
    rosh_assessment_create(
        actor=officer_user,
        crn=case.crn,
        assessed_on=dt.date(2025, 1, 15),
        ratings={
            "children_community": "low",
            "public_community": "high",
            "known_adult_community": "low",
            "staff_community": "low",
        },
        evidence={"nature_of_risk": "Threats", "who_is_at_risk": "Neighbour"},
    )

    assert _tiers(case) == [("B0", "High RoSH added")]
    case.refresh_from_db()
    assert (case.rosh_level, case.tier) == ("high", "B0")


def test_a_failing_recalculation_refuses_the_registration(case, officer_user, monkeypatch):
    def broken(inputs):
        raise tiering.TieringInputError([tiering.InputProblem("gender", "broken")])

    monkeypatch.setattr(recalculation.tiering, "calculate_tier", broken)

    with pytest.raises(tiering.TieringInputError):
        _add(officer_user, case, "RVHR")

    assert not Registration.objects.filter(person=case).exists()
    assert not TierCalculation.objects.exists()
    assert Person.objects.get(pk=case.pk).tier == ""


def test_a_refused_registration_writes_no_tier(case, officer_user):
    _add(officer_user, case, "RHRH")

    with pytest.raises(ServiceError):
        _add(officer_user, case, "RHRH")

    assert _tiers(case) == [("B0", "High RoSH added")]


def test_person_tier_is_brought_back_in_step_even_when_no_row_is_needed(case, officer_user):
    _add(officer_user, case, "RHRH")
    Person.objects.filter(pk=case.pk).update(tier="")

    _add(officer_user, case, "RMDO")

    assert Person.objects.get(pk=case.pk).tier == "B0"
    assert len(_tiers(case)) == 1
