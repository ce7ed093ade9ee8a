"""Every contacts page against every kind of user: anonymous, system admin, partner (even with a
share), outside the managing PDU, excluded, restricted, read-only roles, permitted. Denied users get
exactly the page a missing CRN gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import Contact, NotificationMessage
from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory
from probation.core.clock import today_uk
from probation.people.tests import access

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["contacts:list"]
CHANGE_PAGES = [
    "contacts:record",
    "contacts:book",
    "contacts:outcome",
    "contacts:decide",
    "contacts:reschedule",
    "contacts:cancel",
]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = [*ALL_PAGES, "contacts:diary", "contacts:outstanding"]


@pytest.fixture
def contacts(case, officer_user):
    past = ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(-1))
    afta = ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(-9), outcome="AFTA"
    )
    return {"past": past, "afta": afta}


def _url(name, crn, contacts):
    if name in ("contacts:outcome", "contacts:reschedule", "contacts:cancel"):
        return reverse(name, args=[crn, contacts["past"].pk])
    if name == "contacts:decide":
        return reverse(name, args=[crn, contacts["afta"].pk])
    return reverse(name, args=[crn])


def _posts(name, officer):
    day = today_uk()
    later = {"date_0": day.day, "date_1": day.month, "date_2": day.year + 1}
    return {
        "contacts:record": {
            "type": "case_note",
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "start_time": "00:01",
            "officer": officer.pk,
            "notes": "Called",
        },
        "contacts:book": {
            "type": "home_visit",
            **later,
            "start_time": "10:00",
            "end_time": "11:00",
            "officer": officer.pk,
            "confirm_bank_holiday": "on",  # a relative date may fall on one
        },
        "contacts:outcome": {"outcome": "ATTC", "version": 1},
        "contacts:decide": {"outcome": "AAME", "version": 1},
        "contacts:reschedule": {
            **later,
            "start_time": "10:00",
            "end_time": "11:00",
            "requested_by": "person",
            "version": 1,
        },
        "contacts:cancel": {"reason": "Ill", "version": 1},
    }[name]


def _get(client, user, name, crn, contacts):
    return access.get(client, user, _url(name, crn, contacts))


def _state():
    return (
        list(Contact.objects.values_list("pk", "version", "outcome", "cancelled_at")),
        NotificationMessage.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, contacts, name):
    response = client.get(_url(name, case.crn, contacts))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ["contacts:diary", "contacts:outstanding"])
def test_anonymous_user_is_sent_to_sign_in_from_officer_pages(client, name):
    assert client.get(reverse(name))["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, contacts, admin_user, name):
    denied = _get(client, admin_user, name, case.crn, contacts)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, admin_user, name, access.MISSING_CRN, contacts))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, contacts, name):
    partner = access.partner_user()
    access.share(case, partner)

    assert _get(client, partner, name, case.crn, contacts).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page(client, case, contacts, officer_user, name):
    assert _get(client, officer_user, name, case.crn, contacts).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, contacts, officer_user, name):
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, contacts)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN, contacts))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_restricted_case_is_not_found_unless_on_the_list(
    client, case, contacts, officer_user, spo_user, name
):
    access.restrict(case, to=spo_user)

    assert _get(client, officer_user, name, case.crn, contacts).status_code == 404
    assert _get(client, spo_user, name, case.crn, contacts).status_code == 200


@pytest.mark.parametrize("name", ["contacts:outcome", "contacts:decide", "contacts:cancel"])
def test_a_contact_of_another_person_is_not_found(client, case, contacts, officer_user, name):
    from probation.people.tests.factories import PersonFactory

    other = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    assert client.get(_url(name, other.crn, contacts)).status_code == 404


@pytest.mark.parametrize("role", [Role.VLO, Role.COURT_OFFICER])
def test_read_only_roles_see_the_log_but_cannot_change(client, case, contacts, role):
    user = access.team_user(role, case)

    assert _get(client, user, "contacts:list", case.crn, contacts).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, contacts).status_code == 404


@pytest.mark.parametrize("role", [Role.CASE_ADMIN])
def test_case_admin_in_the_pdu_can_record_contacts(client, case, contacts, role):
    user = access.team_user(role, case)

    assert _get(client, user, "contacts:book", case.crn, contacts).status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, case, contacts, officer_user, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    assert client.post(_url(name, case.crn, contacts), _posts(name, officer_user.staff)).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, case, contacts, officer_user, name):
    access.exclude(case, officer_user)
    client.force_login(officer_user)
    before = _state()

    assert client.post(_url(name, case.crn, contacts), _posts(name, officer_user.staff)).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_permitted_practitioner_posting_makes_the_change(client, case, contacts, officer_user, name):
    client.force_login(officer_user)

    response = client.post(_url(name, case.crn, contacts), _posts(name, officer_user.staff))

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert response["Location"] == reverse("contacts:list", args=[case.crn])


@pytest.mark.parametrize("name", ["contacts:diary", "contacts:outstanding"])
def test_officer_pages_need_the_diary_permission_and_a_staff_record(client, officer_user, admin_user, name):
    client.force_login(officer_user)
    assert client.get(reverse(name)).status_code == 200
    for user in (admin_user, UserFactory(role=Role.VLO), UserFactory(role=Role.CASE_ADMIN)):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 404
