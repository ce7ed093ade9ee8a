"""Every assessment page against every kind of user: anonymous, system admin, outside the managing
PDU, excluded, restricted, partner, read-only role, permitted. Denied users get exactly the page a
missing CRN gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.assessments.models import Assessment, AssessmentChange
from probation.assessments.services.assessments import assessment_start
from probation.assessments.tests.factories import AssessmentFactory
from probation.audit.models import AuditEvent
from probation.core.errors import NotFound, PermissionDenied
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["assessments:list", "assessments:detail"]
CHANGE_PAGES = ["assessments:start", "assessments:section", "assessments:complete"]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = ALL_PAGES
VALID_POSTS = {
    "assessments:start": {},
    "assessments:section": {"suitability": "some", "version": "1"},
    "assessments:complete": {"version": "1"},
}


@pytest.fixture
def draft(officer_user):
    case = PersonFactory(officer=officer_user.staff)
    return AssessmentFactory(person=case, answers={"attitudes": {"pro_criminal_attitudes": "some"}})


def _url(name, crn, assessment_id):
    if name in ("assessments:list", "assessments:start"):
        return reverse(name, args=[crn])
    if name == "assessments:section":
        return reverse(name, args=[crn, assessment_id, "accommodation"])
    return reverse(name, args=[crn, assessment_id])


def _get(client, user, name, crn, assessment_id):
    return access.get(client, user, _url(name, crn, assessment_id))


def _state():
    return (
        list(Assessment.objects.values_list("pk", "status", "version", "answers")),
        AssessmentChange.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


def _start_page_state(draft, name):
    """The start page redirects to an existing draft; test it on a case with none."""
    if name == "assessments:start":
        Assessment.objects.filter(pk=draft.pk).delete()


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, draft, name):
    response = _get(client, None, name, draft.person.crn, draft.pk)

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, draft, admin_user, name):
    assert _get(client, admin_user, name, draft.person.crn, draft.pk).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page_and_each_view_is_audited(client, draft, officer_user, name):
    _start_page_state(draft, name)

    response = _get(client, officer_user, name, draft.person.crn, draft.pk)

    assert response.status_code == 200
    event = AuditEvent.objects.get(action="view")
    page = {"page": name.split(":")[1]} if name in CHANGE_PAGES else {}  # a form is named by its URL
    assert (event.crn, event.detail) == (draft.person.crn, {"section": "assessments"} | page)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, draft, officer_user, name):
    access.exclude(draft.person, officer_user)

    denied = _get(client, officer_user, name, draft.person.crn, draft.pk)
    missing = _get(client, officer_user, name, access.MISSING_CRN, draft.pk)

    access.assert_same_as_missing(denied, missing)
    access.assert_only_refusals(draft.person.crn, access.MISSING_CRN)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, draft, officer_user, name):
    access.restrict_to_someone_else(draft.person)

    denied = _get(client, officer_user, name, draft.person.crn, draft.pk)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN, draft.pk))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, draft, officer_user, name):
    _start_page_state(draft, name)
    access.restrict(draft.person, to=officer_user)

    assert _get(client, officer_user, name, draft.person.crn, draft.pk).status_code == 200


@pytest.mark.parametrize("name", ["assessments:detail", "assessments:section", "assessments:complete"])
def test_an_assessment_of_another_person_is_not_found(client, draft, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, name, other.crn, draft.pk).status_code == 404


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, draft, name):
    response = _get(client, access.other_pdu_user(), name, draft.person.crn, draft.pk)

    assert response.status_code == 200
    assert "/sections/" not in response.content.decode()
    assert "/complete" not in response.content.decode()


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, draft, name):
    client.force_login(access.other_pdu_user())
    _start_page_state(draft, name)
    before = _state()

    response = client.post(_url(name, draft.person.crn, draft.pk), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, draft, officer_user, name):
    access.exclude(draft.person, officer_user)
    client.force_login(officer_user)
    _start_page_state(draft, name)
    before = _state()

    response = client.post(_url(name, draft.person.crn, draft.pk), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_permitted_practitioner_posting_makes_the_change(client, draft, officer_user, name):
    client.force_login(officer_user)
    _start_page_state(draft, name)

    response = client.post(_url(name, draft.person.crn, draft.pk), VALID_POSTS[name])

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action__in=["create", "update"], object_type="assessment").count() == 1


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_see_assessments_but_cannot_change_them(client, draft, role):
    user = access.team_user(role, draft.person)

    for name in VIEW_PAGES:
        assert _get(client, user, name, draft.person.crn, draft.pk).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, draft.person.crn, draft.pk).status_code == 404


def test_partner_gets_not_found_even_for_a_shared_case(client, draft):
    partner = access.partner_user()
    access.share(draft.person, partner)
    before = _state()

    for name in ALL_PAGES:
        assert _get(client, partner, name, draft.person.crn, draft.pk).status_code == 404
    assert (
        client.post(_url("assessments:complete", draft.person.crn, draft.pk), {"version": "1"}).status_code
        == 404
    )
    assert _state() == before


def test_service_refuses_staff_outside_the_managing_pdu(draft):
    Assessment.objects.all().delete()

    with pytest.raises(PermissionDenied):
        assessment_start(actor=access.other_pdu_user(), crn=draft.person.crn)

    assert Assessment.objects.count() == 0


def test_service_tells_an_excluded_user_not_found(draft, officer_user):
    access.exclude(draft.person, officer_user)

    with pytest.raises(NotFound):
        assessment_start(actor=officer_user, crn=draft.person.crn)
