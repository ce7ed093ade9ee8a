"""Starting, answering and completing assessments: every rule and refusal, locking, copy-forward,
audit and conflicts. A refusal writes nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError

from probation.assessments.models import Assessment, AssessmentChange, AssessmentStatus
from probation.assessments.services.assessments import (
    assessment_complete,
    assessment_save_section,
    assessment_start,
)
from probation.assessments.tests.factories import AssessmentFactory, CompletedAssessmentFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

FEB, MARCH = dt.datetime(2026, 2, 1, tzinfo=dt.UTC), dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
ACCOMMODATION = {"no_fixed_abode_or_transient": "yes", "suitability": "some", "permanence": None}


@pytest.fixture
def draft(case, officer_user):
    return assessment_start(actor=officer_user, crn=case.crn)


def _state():
    return (
        list(Assessment.objects.values_list("pk", "status", "version", "answers")),
        AssessmentChange.objects.count(),
        AuditEvent.objects.count(),
    )


def _save(actor, draft, section="accommodation", answers=None, version=None):
    return assessment_save_section(
        actor=actor,
        crn=draft.person.crn,
        assessment_id=draft.pk,
        section=section,
        expected_version=draft.version if version is None else version,
        answers=ACCOMMODATION if answers is None else answers,
    )


def test_start_creates_a_blank_draft_and_audits_it(case, officer_user):
    assessment = assessment_start(actor=officer_user, crn=case.crn)

    assert (assessment.status, assessment.answers, assessment.version) == ("draft", {}, 1)
    assert assessment.started_by == officer_user
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id) == (
        "create",
        case.crn,
        "assessment",
        str(assessment.pk),
    )


def test_start_is_refused_while_a_draft_exists(draft, officer_user):
    before = _state()

    with pytest.raises(ServiceError, match="already in progress"):
        assessment_start(actor=officer_user, crn=draft.person.crn)

    assert _state() == before


def test_the_database_allows_one_draft_per_person(draft):
    with pytest.raises(IntegrityError):
        AssessmentFactory(person=draft.person)


def test_start_copies_the_latest_completed_answers(case, officer_user):
    latest = CompletedAssessmentFactory(
        person=case, answers={"accommodation": {"suitability": "significant"}}, completed_at=MARCH
    )
    CompletedAssessmentFactory(
        person=case, answers={"accommodation": {"suitability": "none"}}, completed_at=FEB
    )

    assessment = assessment_start(actor=officer_user, crn=case.crn, copy_latest=True)

    assert assessment.answers == {"accommodation": {"suitability": "significant"}}
    assert assessment.copied_from == latest
    assert Assessment.objects.completed().count() == 2


def test_copying_with_no_completed_assessment_is_refused(case, officer_user):
    with pytest.raises(ServiceError, match="no completed assessment"):
        assessment_start(actor=officer_user, crn=case.crn, copy_latest=True)

    assert _state() == ([], 0, 0)


def test_saving_a_section_keeps_answered_questions_and_records_the_change(draft, officer_user):
    changed = _save(officer_user, draft)

    draft.refresh_from_db()
    assert changed == ["no_fixed_abode_or_transient", "suitability"]
    assert draft.answers == {"accommodation": {"no_fixed_abode_or_transient": "yes", "suitability": "some"}}
    assert draft.version == 2
    change = AssessmentChange.objects.get()
    assert (change.version, change.section, change.changed_by) == (2, "accommodation", officer_user)
    assert change.changes == {"no_fixed_abode_or_transient": [None, "yes"], "suitability": [None, "some"]}
    event = AuditEvent.objects.latest("seq")
    assert (event.action, event.object_type, event.detail["section"]) == (
        "update",
        "assessment",
        "accommodation",
    )


def test_saving_the_same_answers_writes_nothing(draft, officer_user):
    _save(officer_user, draft)
    draft.refresh_from_db()
    before = _state()

    assert _save(officer_user, draft) == []
    assert _state() == before


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"suitability": "yes"}, "Select an answer for"),
        ({"ever_injected": "never"}, "has no question"),
        ({"no_fixed_abode_or_transient": "significant"}, "Select an answer for"),
    ],
)
def test_answers_outside_the_tiering_spec_are_refused(draft, officer_user, answers, message):
    before = _state()

    with pytest.raises(ServiceError, match=message):
        _save(officer_user, draft, answers=answers)

    assert _state() == before


def test_womens_factors_are_not_asked_of_a_male_person(draft, officer_user):
    with pytest.raises(NotFound):
        _save(officer_user, draft, section="womens_factors", answers={"impulsivity": "some"})


def test_womens_factors_are_saved_for_a_female_person(officer_user):
    case = PersonFactory(officer=officer_user.staff, gender="F")
    draft = assessment_start(actor=officer_user, crn=case.crn)

    _save(officer_user, draft, section="womens_factors", answers={"parenting_responsibilities": "yes"})

    draft.refresh_from_db()
    assert draft.answers == {"womens_factors": {"parenting_responsibilities": "yes"}}


def test_a_stale_save_of_the_same_section_is_a_conflict_naming_the_change(draft, officer_user, spo_user):
    _save(spo_user, draft, answers={"suitability": "significant"})
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        _save(officer_user, draft, answers={"suitability": "none"}, version=1)

    assert _state() == before
    [change] = conflict.value.changes
    assert (change.label, change.theirs, change.by) == (
        "Accommodation: Suitability of accommodation",
        "Significant problems",
        str(spo_user),
    )


def test_a_stale_save_of_another_section_loses_nothing_and_is_accepted(draft, officer_user, spo_user):
    _save(spo_user, draft, section="attitudes", answers={"pro_criminal_attitudes": "some"})

    _save(officer_user, draft, answers={"suitability": "none"}, version=1)

    draft.refresh_from_db()
    assert draft.answers == {
        "attitudes": {"pro_criminal_attitudes": "some"},
        "accommodation": {"suitability": "none"},
    }


def test_complete_locks_the_assessment(draft, officer_user):
    _save(officer_user, draft)
    draft.refresh_from_db()

    completed = assessment_complete(
        actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=draft.version
    )

    assert (completed.status, completed.completed_by, completed.version) == ("completed", officer_user, 3)
    assert completed.completed_at is not None
    assert AuditEvent.objects.latest("seq").detail == {"status": "completed", "version": 3}
    with pytest.raises(ServiceError, match="can no longer be changed"):
        _save(officer_user, completed, answers={"suitability": "none"})
    with pytest.raises(ServiceError, match="can no longer be changed"):
        assessment_complete(
            actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=3
        )


@pytest.mark.parametrize(
    ("section", "answers"),
    [
        (None, None),
        ("accommodation", {"suitability": "unknown", "location": "unknown"}),
        ("emotional_wellbeing", {"currently_in_psychiatric_treatment": "yes"}),
    ],
)
def test_complete_is_refused_when_no_need_section_has_a_real_answer(draft, officer_user, section, answers):
    if section:
        _save(officer_user, draft, section=section, answers=answers)
        draft.refresh_from_db()
    before = _state()

    with pytest.raises(ServiceError, match="at least one question"):
        assessment_complete(
            actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=draft.version
        )

    assert _state() == before


def test_complete_with_a_stale_version_is_a_conflict(draft, officer_user, spo_user):
    _save(spo_user, draft)
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        assessment_complete(
            actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=1
        )

    assert _state() == before
    assert [c.label for c in conflict.value.changes] == [
        "Accommodation: Is the person of no fixed abode or in transient accommodation?",
        "Accommodation: Suitability of accommodation",
    ]
    assert Assessment.objects.get().status == AssessmentStatus.DRAFT


def test_an_assessment_of_another_person_is_not_found(draft, officer_user):
    other = PersonFactory(officer=officer_user.staff)

    with pytest.raises(NotFound):
        assessment_save_section(
            actor=officer_user,
            crn=other.crn,
            assessment_id=draft.pk,
            section="accommodation",
            expected_version=1,
            answers={},
        )


PREDICTOR_ANSWERS = {
    "thinking_behaviour": {"impulsivity": "some", "temper_control": "significant"},
    "relationships": {"relationship_with_partner": "some"},
}


def test_predictor_answers_are_saved_for_a_man_under_the_keys_scores_reads(draft, officer_user):
    """probation.scores.services.record.ASSESSMENT_SOURCES reads (thinking_behaviour, impulsivity),
    (thinking_behaviour, temper_control) and (relationships, relationship_with_partner); the end to end
    test in test_assessment_predictor_answers proves the scores app finds them."""
    for section, answers in PREDICTOR_ANSWERS.items():
        _save(officer_user, draft, section=section, answers=answers)
        draft.refresh_from_db()

    assert draft.answers == {
        "thinking_behaviour": {"impulsivity": "some", "temper_control": "significant"},
        "relationships": {"relationship_with_partner": "some"},
    }


@pytest.mark.parametrize(
    ("section", "answers"),
    [
        ("thinking_behaviour", {"impulsivity": "yes"}),
        ("thinking_behaviour", {"temper_control": "3"}),
        ("relationships", {"relationship_with_partner": "never"}),
    ],
)
def test_predictor_answers_outside_the_problem_scale_are_refused(draft, officer_user, section, answers):
    before = _state()

    with pytest.raises(ServiceError, match="Select an answer for"):
        _save(officer_user, draft, section=section, answers=answers)

    assert _state() == before


def test_predictor_answers_are_optional_for_completing(draft, officer_user):
    _save(officer_user, draft, section="thinking_behaviour", answers={"problem_solving": "some"})
    draft.refresh_from_db()

    completed = assessment_complete(
        actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=draft.version
    )

    assert completed.status == "completed"


def test_predictor_answers_alone_do_not_allow_completing(draft, officer_user):
    """They are not scored, so tiering would still ignore every need section."""
    for section, answers in PREDICTOR_ANSWERS.items():
        _save(officer_user, draft, section=section, answers=answers)
        draft.refresh_from_db()
    before = _state()

    with pytest.raises(ServiceError, match="Answer at least one question in a need section"):
        assessment_complete(
            actor=officer_user, crn=draft.person.crn, assessment_id=draft.pk, expected_version=draft.version
        )

    assert _state() == before


def test_womens_factors_still_ask_impulsivity_and_temper_control(officer_user):
    case = PersonFactory(officer=officer_user.staff, gender="F")
    draft = assessment_start(actor=officer_user, crn=case.crn)

    _save(officer_user, draft, section="womens_factors", answers={"impulsivity": "some"})
    draft.refresh_from_db()
    _save(officer_user, draft, section="thinking_behaviour", answers={"impulsivity": "none"})

    draft.refresh_from_db()
    assert draft.answers == {
        "womens_factors": {"impulsivity": "some"},
        "thinking_behaviour": {"impulsivity": "none"},
    }
