"""Every case page and change endpoint against every kind of user: anonymous, wrong role, outside
scope, excluded, restricted, permitted. Denied users get exactly the page a missing CRN gets."""

import re

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.models import Exclusion, PartnerShare, Person, Restriction
from probation.people.tests.factories import AddressFactory, AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    "people:case-overview",
    "people:case-addresses",
    "people:case-circumstances",
    "people:case-allocation",
    "people:person-edit",
    "people:alias-create",
    "people:address-create",
    "people:circumstance-create",
    "people:disability-create",
    "people:api-person",
]
CHANGE_PAGES = [
    "people:person-edit",
    "people:alias-create",
    "people:address-create",
    "people:circumstance-create",
    "people:disability-create",
]
NONCE = re.compile(rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    AddressFactory(person=person)
    AliasFactory(person=person)
    return person


def _get(client, user, name, crn):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=[crn]))


def _body(response):
    return NONCE.sub(b"", response.content)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = _get(client, None, name, case.crn)

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("name", CASE_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, case, admin_user, name):
    assert _get(client, admin_user, name, case.crn).status_code == 404


@pytest.mark.parametrize("name", CASE_PAGES)
def test_permitted_practitioner_sees_every_page(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.crn).status_code == 200


@pytest.mark.parametrize("name", CASE_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    Exclusion.objects.create(person=case, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=case.pk).update(has_exclusions=True)

    denied = _get(client, officer_user, name, case.crn)
    missing = _get(client, officer_user, name, "Z999999")

    assert denied.status_code == missing.status_code == 404
    assert _body(denied) == _body(missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    other = UserFactory()
    Restriction.objects.create(person=case, user=other, added_by=other)
    Person.objects.filter(pk=case.pk).update(is_restricted=True)

    denied = _get(client, officer_user, name, case.crn)

    assert denied.status_code == 404
    assert _body(denied) == _body(_get(client, officer_user, name, "Z999999"))


@pytest.mark.parametrize("name", ["people:case-overview", "people:case-addresses"])
def test_user_on_restriction_list_sees_restricted_case(client, case, officer_user, name):
    Restriction.objects.create(person=case, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=case.pk).update(is_restricted=True)

    assert _get(client, officer_user, name, case.crn).status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES + ["people:allocate"])
def test_staff_outside_the_managing_pdu_cannot_open_change_pages(client, case, name):
    elsewhere = UserFactory(role=Role.SENIOR_PO)  # a different PDU

    assert _get(client, elsewhere, name, case.crn).status_code == 404


@pytest.mark.parametrize("name", CHANGE_PAGES + ["people:allocate"])
def test_staff_outside_the_pdu_posting_changes_nothing(client, case, name):
    elsewhere = UserFactory(role=Role.SENIOR_PO)
    client.force_login(elsewhere)
    before = (case.version, case.addresses.count(), case.aliases.count(), case.allocations.count())

    response = client.post(reverse(name, args=[case.crn]), {"first_name": "Changed", "surname": "X"})

    case.refresh_from_db()
    assert response.status_code == 404
    assert (case.version, case.addresses.count(), case.aliases.count(), case.allocations.count()) == before


@pytest.mark.parametrize("role", [Role.COURT_OFFICER, Role.VLO, Role.AP_STAFF])
def test_read_only_staff_roles_can_view_but_not_change(client, case, role):
    user = UserFactory(role=role, staff=StaffFactory(team=case.team, grade="PO"))

    assert _get(client, user, "people:case-overview", case.crn).status_code == 200
    assert _get(client, user, "people:person-edit", case.crn).status_code == 404


def test_allocate_page_needs_the_allocate_role(client, case, officer_user, spo_user):
    assert _get(client, officer_user, "people:allocate", case.crn).status_code == 404
    assert _get(client, spo_user, "people:allocate", case.crn).status_code == 200


def test_partner_sees_only_cases_shared_with_them(client, case, officer_user):
    partner = UserFactory(role=Role.PARTNER, staff=None)
    unshared = PersonFactory(officer=officer_user.staff)
    PartnerShare.objects.create(
        person=case, user=partner, reason="MAPPA level 2", granted_by=officer_user, expires_on="2099-01-01"
    )

    assert _get(client, partner, "people:case-overview", case.crn).status_code == 200
    assert _get(client, partner, "people:case-overview", unshared.crn).status_code == 404
    assert _get(client, partner, "people:case-circumstances", case.crn).status_code == 404
    assert _get(client, partner, "people:person-edit", case.crn).status_code == 404


def test_partner_share_that_has_expired_no_longer_gives_access(client, case, officer_user):
    partner = UserFactory(role=Role.PARTNER, staff=None)
    PartnerShare.objects.create(
        person=case, user=partner, reason="MAPPA", granted_by=officer_user, expires_on="2020-01-01"
    )

    assert _get(client, partner, "people:case-overview", case.crn).status_code == 404


def test_partner_does_not_see_equality_information(client, case, officer_user):
    partner = UserFactory(role=Role.PARTNER, staff=None)
    PartnerShare.objects.create(
        person=case, user=partner, reason="MAPPA", granted_by=officer_user, expires_on="2099-01-01"
    )

    body = _get(client, partner, "people:case-overview", case.crn).content.decode()

    assert "Equality information" not in body
    assert case.surname in body


@pytest.mark.parametrize(
    "name",
    ["people:caseload", "people:caseload-export", "people:search", "people:person-create", "people:team"],
)
def test_list_pages_deny_users_without_the_role(client, name):
    partner = UserFactory(role=Role.PARTNER, staff=None)
    client.force_login(partner)

    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", ["audit:search", "people:limited-access-find"])
def test_admin_pages_deny_practitioners(client, officer_user, name):
    client.force_login(officer_user)

    assert client.get(reverse(name)).status_code == 404
