"""Assessing: routing by qualification, accepting (placement request), rejecting with a reason from
the rules, asking for more information."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import Assessment, InformationRequest, PlacementRequest
from probation.approved_premises.tests.factories import assessor
from probation.approved_premises.tests.helpers import licence_case, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return licence_case(officer_user)


def _listed(client, user):
    client.force_login(user)
    return [row.crn for row in client.get(reverse("approved_premises:assessment-list")).context["rows"]]


@pytest.mark.parametrize(
    ("kind", "qualifications", "sees"),
    [
        ({}, (), True),
        ({"days_to_arrival": 3, "notice_reason": "risk_escalated"}, (), False),
        ({"days_to_arrival": 3, "notice_reason": "risk_escalated"}, ("emergency",), True),
        ({"days_to_arrival": 20, "notice_reason": "on_bail"}, ("pipe",), False),
        ({"days_to_arrival": 20, "notice_reason": "on_bail"}, ("emergency",), True),
        ({"ap_type": "pipe"}, ("emergency",), False),
        ({"ap_type": "pipe"}, ("pipe",), True),
        ({"ap_type": "esap"}, ("pipe",), False),
        ({"ap_type": "mental_health"}, ("mental_health",), True),
    ],
)
def test_only_qualified_assessors_see_emergency_short_notice_and_specialist_work(
    client, officer_user, person, kind, qualifications, sees
):
    application = submitted_application(officer_user, person, **kind)
    user = assessor(*qualifications)
    url = reverse("approved_premises:assess", args=[person.crn, application.pk])

    assert (person.crn in _listed(client, user)) is sees
    assert client.get(url).status_code == (200 if sees else 404)
    assert person.crn in _listed(client, UserFactory(role=Role.AP_CRU, staff=None))


def test_a_limited_access_case_needs_the_lao_qualification(client, officer_user):
    person = licence_case(officer_user, is_restricted=True)
    submitted_application(officer_user, person)
    assert Assessment.objects.get().needs_lao is True
    assert person.crn not in _listed(client, assessor("emergency"))


def test_accepting_sets_criteria_and_stay_and_makes_a_placement_request(client, officer_user, person):
    application = submitted_application(officer_user, person, days_to_arrival=40)
    assessment = Assessment.objects.get()
    client.force_login(assessor())

    response = client.post(
        reverse("approved_premises:assess", args=[person.crn, application.pk]),
        {
            "version": assessment.version,
            "decision": "accept",
            "criteria": ["en_suite", "catered"],
            "stay_days": "90",
        },
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "accepted"
    placement = PlacementRequest.objects.get()
    assert (placement.arrival_on, placement.departure_on) == (
        application.arrival_on,
        application.arrival_on + dt.timedelta(days=90),
    )
    assert placement.criteria == ["catered", "en_suite"]


def test_rejecting_needs_a_reason_from_the_rules(client, officer_user, person):
    application = submitted_application(officer_user, person)
    assessment = Assessment.objects.get()
    client.force_login(assessor())
    url = reverse("approved_premises:assess", args=[person.crn, application.pk])

    refused = client.post(url, {"version": assessment.version, "decision": "reject"})
    assert "Select the reason for rejecting the application" in refused.content.decode()
    assessment.refresh_from_db()
    assert assessment.decision == ""

    client.post(
        url, {"version": assessment.version, "decision": "reject", "rejection_reason": "manageable_elsewhere"}
    )
    assessment.refresh_from_db()
    assert (assessment.decision, assessment.rejection_reason) == ("rejected", "manageable_elsewhere")
    assert not PlacementRequest.objects.exists()


def test_asking_for_more_information_keeps_the_deadline(client, officer_user, person):
    application = submitted_application(officer_user, person)
    assessment = Assessment.objects.get()
    due = assessment.due_at
    client.force_login(assessor())

    client.post(
        reverse("approved_premises:assess-information", args=[person.crn, application.pk]),
        {"version": assessment.version, "question": "Is there a current exclusion zone?"},
    )

    assessment.refresh_from_db()
    assert assessment.due_at == due
    assert InformationRequest.objects.get().question == "Is there a current exclusion zone?"
    application.refresh_from_db()
    assert application.status == "info_requested"


def test_a_second_decision_on_a_stale_version_is_refused(client, officer_user, person):
    application = submitted_application(officer_user, person)
    assessment = Assessment.objects.get()
    client.force_login(assessor())
    url = reverse("approved_premises:assess", args=[person.crn, application.pk])
    client.post(
        url, {"version": assessment.version, "decision": "reject", "rejection_reason": "needs_not_met"}
    )

    second = client.post(url, {"version": assessment.version, "decision": "accept", "stay_days": "84"})

    assert second.status_code == 409
    assert "Someone else recorded a decision on this assessment" in second.content.decode()
    assert not PlacementRequest.objects.exists()
