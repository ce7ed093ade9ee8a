"""The practitioner answers the assessor's questions: on the application page, once each, the
deadline unchanged (approved-premises.md § 4: the clock continues); the application awaits assessment
again once every question is answered; only someone who may apply for the case answers."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import Application, Assessment, InformationRequest
from probation.approved_premises.services.assessments import (
    assessment_request_information,
    information_request_answer,
)
from probation.approved_premises.tests.factories import assessor
from probation.approved_premises.tests.helpers import licence_case, submitted_application
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(officer_user):
    person = licence_case(officer_user)
    application = submitted_application(officer_user, person)
    assessment = Assessment.objects.get()
    question = assessment_request_information(
        actor=assessor(),
        assessment_id=assessment.pk,
        expected_version=assessment.version,
        question="Is there a current exclusion zone?",
    )
    return person, application, question


def _url(person, application, question):
    return reverse("approved_premises:information-answer", args=[person.crn, application.pk, question.pk])


def test_the_practitioner_sees_and_answers_the_question_and_the_deadline_stays(client, officer_user, asked):
    person, application, question = asked
    due = Assessment.objects.get().due_at
    client.force_login(officer_user)
    page = client.get(reverse("approved_premises:application", args=[person.crn, application.pk]))
    assert "Is there a current exclusion zone?" in page.content.decode()
    assert "Send the answer" in page.content.decode()

    response = client.post(
        _url(person, application, question), {f"q{question.pk}-answer": "Yes: the whole of Leeds LS6"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("Yes: the whole of Leeds LS6", officer_user)
    assert Application.objects.get().status == "submitted"
    assert Assessment.objects.get().due_at == due
    assert AuditEvent.objects.filter(object_type="ap_information_request").count() == 1
    client.force_login(assessor())
    page = client.get(reverse("approved_premises:assess", args=[person.crn, application.pk])).content.decode()
    assert "Yes: the whole of Leeds LS6" in page


def test_an_empty_answer_is_refused_with_a_message(client, officer_user, asked):
    person, application, question = asked
    client.force_login(officer_user)
    response = client.post(_url(person, application, question), {f"q{question.pk}-answer": "  "})
    assert response.status_code == 200
    assert "Enter your answer" in response.content.decode()
    assert InformationRequest.objects.get().answered_at is None


def test_a_question_is_answered_once(officer_user, asked):
    person, _, question = asked
    information_request_answer(actor=officer_user, person=person, request_id=question.pk, answer="First")
    with pytest.raises(ConflictError):
        information_request_answer(actor=officer_user, person=person, request_id=question.pk, answer="Second")
    assert InformationRequest.objects.get().answer == "First"


def test_only_someone_who_may_apply_for_the_case_answers(client, asked):
    person, application, question = asked
    for user in (UserFactory(role=Role.PRACTITIONER), UserFactory(role=Role.AP_CRU, staff=None)):
        with pytest.raises(NotFound):
            information_request_answer(actor=user, person=person, request_id=question.pk, answer="x")
        client.force_login(user)
        response = client.post(_url(person, application, question), {f"q{question.pk}-answer": "x"})
        assert response.status_code == 404
    assert InformationRequest.objects.get().answered_at is None
