"""Every MAPPA page against every kind of user: anonymous, system admin, outside the managing PDU,
excluded, restricted, partner (shared and not), permitted. Denied users get exactly the page a
missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import NotFound, PermissionDenied
from probation.mappa.models import MappaAction, MappaMeeting
from probation.mappa.services.meetings import meeting_add
from probation.mappa.tests.factories import MappaActionFactory, MappaMeetingFactory
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["mappa:case"]
CHANGE_PAGES = ["mappa:meeting-add", "mappa:meeting-update", "mappa:action-add", "mappa:action-complete"]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = [*ALL_PAGES, "mappa:actions-due"]
VALID_POSTS: dict[str, dict[str, object]] = {
    "mappa:meeting-add": {
        "held_on_0": "10",
        "held_on_1": "2",
        "held_on_2": "2025",
        "level": "M2",
        "chair": "DI Harper",
        "agencies": ["Probation", "Police"],
        "next_review_on_0": "10",
        "next_review_on_1": "5",
        "next_review_on_2": "2025",
    },
    "mappa:action-add": {
        "description": "Home visit",
        "owner_agency": "Police",
        "owner_name": "PC Patel",
        "due_on_0": "1",
        "due_on_1": "3",
        "due_on_2": "2025",
    },
    "mappa:action-complete": {
        "completed_on_0": "1",
        "completed_on_1": "3",
        "completed_on_2": "2025",
        "version": "1",
    },
}
VALID_POSTS["mappa:meeting-update"] = VALID_POSTS["mappa:meeting-add"] | {"chair": "DS Khan", "version": "1"}


@pytest.fixture
def action(officer_user):
    case = PersonFactory(officer=officer_user.staff)
    RegistrationFactory(person=case, register_type="MAPP")
    return MappaActionFactory(meeting=MappaMeetingFactory(person=case))


def _url(name, crn, action):
    if name in ("mappa:case", "mappa:meeting-add"):
        return reverse(name, args=[crn])
    if name == "mappa:action-complete":
        return reverse(name, args=[crn, action.pk])
    return reverse(name, args=[crn, action.meeting_id])


def _get(client, user, name, crn, action):
    return access.get(client, user, _url(name, crn, action))


def _state():
    return (
        list(MappaMeeting.objects.values_list("pk", "version", "chair")),
        list(MappaAction.objects.values_list("pk", "version", "completed_on")),
        AuditEvent.objects.exclude(action="refused").count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", [*ALL_PAGES, "mappa:actions-due"])
def test_anonymous_user_is_sent_to_sign_in(client, action, name):
    url = reverse(name) if name == "mappa:actions-due" else _url(name, action.meeting.person.crn, action)

    response = client.get(url)

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, action, admin_user, name):
    assert _get(client, admin_user, name, action.meeting.person.crn, action).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page(client, action, officer_user, name):
    assert _get(client, officer_user, name, action.meeting.person.crn, action).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, action, officer_user, name):
    case = action.meeting.person
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, action)
    missing = _get(client, officer_user, name, access.MISSING_CRN, action)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, action, officer_user, name):
    case = action.meeting.person
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn, action)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN, action))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, action, officer_user, name):
    access.restrict(action.meeting.person, to=officer_user)

    assert _get(client, officer_user, name, action.meeting.person.crn, action).status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES[1:])
def test_a_meeting_or_action_of_another_person_is_not_found(client, action, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, name, other.crn, action).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, action):
    elsewhere = access.other_pdu_user()  # a different PDU

    response = _get(client, elsewhere, "mappa:case", action.meeting.person.crn, action)

    assert response.status_code == 200
    assert b"Discussed the risk" in response.content
    assert b"/complete" not in response.content
    assert b"Record a MAPPA meeting" not in response.content


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, action, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    response = client.post(_url(name, action.meeting.person.crn, action), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, action, officer_user, name):
    access.exclude(action.meeting.person, officer_user)
    client.force_login(officer_user)
    before = _state()

    response = client.post(_url(name, action.meeting.person.crn, action), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_permitted_practitioner_posting_makes_the_change(client, action, officer_user, name):
    client.force_login(officer_user)

    response = client.post(_url(name, action.meeting.person.crn, action), VALID_POSTS[name])

    assert response.status_code == 302
    assert response["Location"] == reverse("mappa:case", args=[action.meeting.person.crn])
    assert AuditEvent.objects.filter(action__in=["create", "update"]).count() == 1


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_see_mappa_but_cannot_change_it(client, action, role):
    case = action.meeting.person
    user = access.team_user(role, case)

    assert _get(client, user, "mappa:case", case.crn, action).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, action).status_code == 404


def test_partner_sees_a_shared_case_but_cannot_change_it(client, action):
    partner = access.partner_user()
    case = action.meeting.person
    access.share(case, partner)

    assert _get(client, partner, "mappa:case", case.crn, action).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, partner, name, case.crn, action).status_code == 404
        before = _state()
        assert client.post(_url(name, case.crn, action), VALID_POSTS[name]).status_code == 404
        assert _state() == before


def test_partner_gets_not_found_for_an_unshared_or_expired_case(client, action, officer_user):
    partner = access.partner_user()
    expired = MappaActionFactory(
        meeting=MappaMeetingFactory(person=PersonFactory(officer=officer_user.staff))
    )
    access.share(expired.meeting.person, partner, expires_on="2020-01-01")

    assert _get(client, partner, "mappa:case", action.meeting.person.crn, action).status_code == 404
    assert _get(client, partner, "mappa:case", expired.meeting.person.crn, expired).status_code == 404


def test_actions_due_is_for_case_holding_staff_only(client, officer_user, admin_user):
    url = reverse("mappa:actions-due")
    for user in (admin_user, access.partner_user(), UserFactory(role=Role.VLO)):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(officer_user)
    assert client.get(url).status_code == 200


# --- The services refuse the same users whatever calls them ---------------------------------------


def _service_add(actor, case):
    meeting_add(
        actor=actor,
        crn=case.crn,
        data={
            "held_on": dt.date(2025, 2, 10),
            "level": "M1",
            "chair": "Chair",
            "agencies": ["Probation"],
            "next_review_on": dt.date(2025, 5, 10),
        },
    )


def test_service_refuses_staff_outside_the_pdu_and_roles_without_mappa_manage(action):
    case = action.meeting.person
    for user in (
        access.other_pdu_user(),
        access.team_user(Role.VLO, case),
    ):
        with pytest.raises(PermissionDenied):
            _service_add(user, case)
    assert (MappaMeeting.objects.count(), AuditEvent.objects.count()) == (1, 0)


def test_service_refuses_a_partner_even_for_a_shared_case(action):
    partner = access.partner_user()
    access.share(action.meeting.person, partner)

    with pytest.raises(PermissionDenied):
        _service_add(partner, action.meeting.person)


def test_service_tells_an_excluded_user_not_found(action, officer_user):
    access.exclude(action.meeting.person, officer_user)

    with pytest.raises(NotFound):
        _service_add(officer_user, action.meeting.person)

    assert (MappaMeeting.objects.count(), AuditEvent.objects.count()) == (1, 0)
