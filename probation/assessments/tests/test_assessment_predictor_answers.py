"""End to end: the predictor answers the assessment now asks of everyone (impulsivity, temper control,
relationship with partner; predictors.md § OVP, § SNSV) reach the scores app, so OVP calculates for a
man and SNSV/RSR use the dynamic variant."""

import datetime as dt

import pytest

from probation.assessments.services.assessments import (
    assessment_complete,
    assessment_save_section,
    assessment_start,
)
from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.people.tests.factories import PersonFactory
from probation.scores.models.history import PREVIOUS_CONVICTION_FLAGS
from probation.scores.services.scores import scores_calculate, scores_check
from probation.scores.tests.factories import CriminalHistoryFactory, current_community_sentence

pytestmark = pytest.mark.django_db

# Every other answer OVP and dynamic SNSV read, none of them adding points.
OTHER_ANSWERS = {
    "accommodation": {"no_fixed_abode_or_transient": "no", "suitability": "none"},
    "education_training_employability": {"unemployed": "no"},
    "alcohol_misuse": {"current_use": "none", "binge_drinking": "none"},
    "attitudes": {"pro_criminal_attitudes": "none"},
    "emotional_wellbeing": {"currently_in_psychiatric_treatment": "no"},
}
PREDICTOR_ANSWERS = {
    "thinking_behaviour": {"problem_solving": "some", "impulsivity": "some", "temper_control": "significant"},
    "relationships": {"relationship_with_partner": "some"},
}


@pytest.fixture
def man(officer_user):
    """predictors.md worked example: a man born 1 January 1990, convicted of soliciting (02700) on
    1 January 2020, sentenced to a community order on 1 February 2020, 5 sanctions (none violent)."""
    person = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 1, 1), gender="M")
    current_community_sentence(person)
    CriminalHistoryFactory(
        person=person,
        previous_sanctions=4,
        first_sanction_date=dt.date(2006, 6, 1),
        weapon_in_offence=False,
        does_not_recognise_impact_of_offending=False,
        domestic_abuse_perpetrator_against_partner=False,
        **dict.fromkeys(PREVIOUS_CONVICTION_FLAGS, False),
    )
    return person


def _complete_through_the_services(actor, person, answers):
    draft = assessment_start(actor=actor, crn=person.crn)
    for section, section_answers in answers.items():
        assessment_save_section(
            actor=actor,
            crn=person.crn,
            assessment_id=draft.pk,
            section=section,
            expected_version=draft.version,
            answers=section_answers,
        )
        draft.refresh_from_db()
    return assessment_complete(
        actor=actor, crn=person.crn, assessment_id=draft.pk, expected_version=draft.version
    )


def test_without_the_new_answers_ovp_cannot_be_calculated_for_a_man(man):
    CompletedAssessmentFactory(person=man, answers=OTHER_ANSWERS)

    problems = scores_check(person=man)

    assert [p.field for p in problems["ovp"]] == ["temper_control"]
    assert problems["ogrs3"] == ()


def test_a_completed_assessment_with_the_new_answers_calculates_ovp_and_dynamic_rsr(man, officer_user):
    _complete_through_the_services(officer_user, man, OTHER_ANSWERS | PREDICTOR_ANSWERS)

    assert scores_check(person=man)["ovp"] == ()
    calculation = scores_calculate(actor=officer_user, crn=man.crn)

    assert {"ovp", "rsr"} <= set(calculation.calculated)
    ovp = next(o for o in calculation.outcomes if o.predictor == "ovp").score
    assert ovp.inputs["temper_control"] == "significant"
    # Static: any sanctions 5 + violent 0 + non-violent 5 ⇒ 3 + age 30 ⇒ 10 + male 5 = 23.
    # Dynamic: temper control 3 × 2 = 6, every other item 0.
    assert (ovp.features["static_points"], ovp.features["temper_control_points"]) == (23, 6)
    assert ovp.features["total_points"] == 29
    # logistic(0.0722 × 29 − 4.5215) = 8.11 %; logistic(0.0722 × 29 − 3.8773) = 14.39 %
    assert ovp.result == {"one_year_percent": 8, "two_year_percent": 14, "band": "low"}

    rsr = next(o for o in calculation.outcomes if o.predictor == "rsr").score
    assert rsr.inputs["impulsivity"] == "some"
    assert rsr.inputs["relationship_with_partner"] == "some"
    assert rsr.result["variant"] == "dynamic"
