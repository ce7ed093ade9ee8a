"""Every RoSH and risk management plan page against every kind of user: anonymous, system admin,
outside the managing PDU (changes), excluded, restricted, partner, permitted. Denied users get
exactly the page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.people.models import Person
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration, RiskManagementPlan, RoshAssessment
from probation.risk.services.rosh import rosh_assessment_create

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["risk:rosh-summary", "risk:rosh-detail"]
CHANGE_PAGES = ["risk:rosh-assess", "risk:rmp-edit"]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = ALL_PAGES
REVIEW = today_uk() + dt.timedelta(days=60)
VALID_POSTS = {
    "risk:rosh-assess": {
        "assessed_on_0": "1",
        "assessed_on_1": "3",
        "assessed_on_2": "2025",
        "children_community": "low",
        "public_community": "high",
        "known_adult_community": "medium",
        "staff_community": "low",
        "prisoners_custody": "medium",
        "nature_of_risk": "Violence",
        "who_is_at_risk": "Ex-partner",
    },
    "risk:rmp-edit": {
        "supervision": "Weekly",
        "monitoring_and_control": "Curfew",
        "interventions_and_treatment": "BBR",
        "contingency_plan": "Recall",
        "next_review_on_0": str(REVIEW.day),
        "next_review_on_1": str(REVIEW.month),
        "next_review_on_2": str(REVIEW.year),
        "version": "0",
    },
}


@pytest.fixture
def assessment(officer_user):
    case = PersonFactory(officer=officer_user.staff)
    return rosh_assessment_create(
        actor=officer_user,
        crn=case.crn,
        assessed_on=dt.date(2025, 1, 15),
        ratings={
            "children_community": "low",
            "public_community": "medium",
            "known_adult_community": "low",
            "staff_community": "low",
        },
        evidence={"nature_of_risk": "Threats", "who_is_at_risk": "Neighbour"},
    )


def _url(name, crn, assessment_id):
    if name == "risk:rosh-detail":
        return reverse(name, args=[crn, assessment_id])
    return reverse(name, args=[crn])


def _get(client, user, name, crn, assessment_id):
    return access.get(client, user, _url(name, crn, assessment_id))


def _state():
    return (
        RoshAssessment.objects.count(),
        RiskManagementPlan.objects.count(),
        list(Registration.objects.values_list("pk", "deregistered_on")),
        list(Person.objects.values_list("rosh_level", flat=True)),
        AuditEvent.objects.exclude(action="refused").count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, assessment, name):
    response = _get(client, None, name, assessment.person.crn, assessment.pk)

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, assessment, admin_user, name):
    assert _get(client, admin_user, name, assessment.person.crn, assessment.pk).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page_and_the_view_is_audited(
    client, assessment, officer_user, name
):
    before = AuditEvent.objects.filter(action="view").count()

    response = _get(client, officer_user, name, assessment.person.crn, assessment.pk)

    assert response.status_code == 200
    if name in VIEW_PAGES:
        event = AuditEvent.objects.filter(action="view").latest("seq")
        assert AuditEvent.objects.filter(action="view").count() == before + 1
        assert (event.crn, event.detail) == (assessment.person.crn, {"section": "rosh"})


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, assessment, officer_user, name):
    case = assessment.person
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, assessment.pk)
    missing = _get(client, officer_user, name, access.MISSING_CRN, assessment.pk)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, assessment, officer_user, name):
    case = assessment.person
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn, assessment.pk)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(
        _get(client, officer_user, name, access.MISSING_CRN, assessment.pk)
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, assessment, officer_user, name):
    access.restrict(assessment.person, to=officer_user)

    assert _get(client, officer_user, name, assessment.person.crn, assessment.pk).status_code == 200


def test_an_assessment_of_another_person_is_not_found(client, assessment, officer_user):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, "risk:rosh-detail", other.crn, assessment.pk).status_code == 404


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, assessment, name):
    response = _get(client, access.other_pdu_user(), name, assessment.person.crn, assessment.pk)

    assert response.status_code == 200
    assert "/rosh/new" not in response.content.decode()
    assert "/rosh/plan" not in response.content.decode()


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, assessment, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    response = client.post(_url(name, assessment.person.crn, None), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, assessment, officer_user, name):
    access.exclude(assessment.person, officer_user)
    client.force_login(officer_user)
    before = _state()

    response = client.post(_url(name, assessment.person.crn, None), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_see_rosh_but_cannot_change_it(client, assessment, role):
    user = access.team_user(role, assessment.person)
    case = assessment.person

    assert _get(client, user, "risk:rosh-summary", case.crn, assessment.pk).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, assessment.pk).status_code == 404


def test_partner_gets_not_found_even_for_a_shared_case(client, assessment):
    partner = access.partner_user()
    access.share(assessment.person, partner)
    before = _state()

    for name in ALL_PAGES:
        assert _get(client, partner, name, assessment.person.crn, assessment.pk).status_code == 404
    for name in CHANGE_PAGES:
        assert client.post(_url(name, assessment.person.crn, None), VALID_POSTS[name]).status_code == 404
    assert _state()[:4] == before[:4]


# --- Pages do what they say -----------------------------------------------------------------------


def test_recording_a_high_rosh_redirects_to_the_summary_with_the_level(client, assessment, officer_user):
    client.force_login(officer_user)
    case = assessment.person

    response = client.post(reverse("risk:rosh-assess", args=[case.crn]), VALID_POSTS["risk:rosh-assess"])

    assert response["Location"] == reverse("risk:rosh-summary", args=[case.crn])
    case.refresh_from_db()
    assert case.rosh_level == "high"
    page = client.get(response["Location"]).content.decode()
    assert "RoSH assessment saved. Overall RoSH: High" in page
    assert "High RoSH" in page  # the registration tag in the case header


def test_a_missing_community_rating_is_shown_as_an_error(client, assessment, officer_user):
    client.force_login(officer_user)
    post = VALID_POSTS["risk:rosh-assess"] | {"public_community": ""}

    response = client.post(reverse("risk:rosh-assess", args=[assessment.person.crn]), post)

    assert response.status_code == 200
    assert "Select the risk to the public in the community" in response.content.decode()
    assert RoshAssessment.objects.count() == 1


def test_writing_then_a_stale_plan_edit_answers_409_with_what_changed(
    client, assessment, officer_user, spo_user
):
    url = reverse("risk:rmp-edit", args=[assessment.person.crn])
    client.force_login(officer_user)
    assert client.post(url, VALID_POSTS["risk:rmp-edit"]).status_code == 302
    client.force_login(spo_user)
    assert (
        client.post(url, VALID_POSTS["risk:rmp-edit"] | {"version": "1", "supervision": "Daily"}).status_code
        == 302
    )
    client.force_login(officer_user)

    response = client.post(url, VALID_POSTS["risk:rmp-edit"] | {"version": "1", "contingency_plan": "X"})

    assert response.status_code == 409
    assert "Daily" in response.content.decode()
    assert RiskManagementPlan.objects.get().version == 2
    summary = client.get(reverse("risk:rosh-summary", args=[assessment.person.crn])).content.decode()
    assert "Versions of the plan" in summary
