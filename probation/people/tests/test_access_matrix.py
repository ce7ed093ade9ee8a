"""Every case page and change endpoint against every kind of user: anonymous, wrong role, outside
scope, excluded, restricted, permitted. Denied users get exactly the page a missing CRN gets."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.people.tests import access
from probation.people.tests.factories import AddressFactory, AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    "people:case-overview",
    "people:case-personal-details",
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
# Pages about one of the case's records: its id is in the URL as well as the CRN.
RECORD_PAGES = ["people:address-edit", "people:alias-delete"]
# Allocation pages need the allocate role (a senior probation officer in the managing PDU).
ALLOCATION_PAGES = ["people:allocate", "people:supporting-officers"]
MATRIX_URLS = [
    *CASE_PAGES,
    *RECORD_PAGES,
    *ALLOCATION_PAGES,
    "people:partner-share",
    "people:limited-access",
    "people:limited-access-find",
]


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    AddressFactory(person=person)
    AliasFactory(person=person)
    return person


def _get(client, user, name, crn):
    return access.get(client, user, reverse(name, args=[crn]))


@pytest.mark.parametrize("name", CASE_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = _get(client, None, name, case.crn)

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, case, admin_user, name):
    assert _get(client, admin_user, name, case.crn).status_code == 404


@pytest.mark.parametrize("name", CASE_PAGES)
def test_permitted_practitioner_sees_every_page(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.crn).status_code == 200


@pytest.mark.parametrize("name", CASE_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn)
    missing = _get(client, officer_user, name, access.MISSING_CRN)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN))


@pytest.mark.parametrize("name", ["people:case-overview", "people:case-addresses"])
def test_user_on_restriction_list_sees_restricted_case(client, case, officer_user, name):
    access.restrict(case, to=officer_user)

    assert _get(client, officer_user, name, case.crn).status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES + ["people:allocate"])
def test_staff_outside_the_managing_pdu_cannot_open_change_pages(client, case, name):
    elsewhere = access.other_pdu_user()  # a different PDU

    assert _get(client, elsewhere, name, case.crn).status_code == 404


@pytest.mark.parametrize("name", CHANGE_PAGES + ["people:allocate"])
def test_staff_outside_the_pdu_posting_changes_nothing(client, case, name):
    elsewhere = access.other_pdu_user()
    client.force_login(elsewhere)
    before = (case.version, case.addresses.count(), case.aliases.count(), case.allocations.count())

    response = client.post(reverse(name, args=[case.crn]), {"first_name": "Changed", "surname": "X"})

    case.refresh_from_db()
    assert response.status_code == 404
    assert (case.version, case.addresses.count(), case.aliases.count(), case.allocations.count()) == before


@pytest.mark.parametrize("role", [Role.COURT_OFFICER, Role.VLO])
def test_read_only_staff_roles_can_view_but_not_change(client, case, role):
    user = access.team_user(role, case, grade="PO")

    assert _get(client, user, "people:case-overview", case.crn).status_code == 200
    assert _get(client, user, "people:person-edit", case.crn).status_code == 404


def test_allocate_page_needs_the_allocate_role(client, case, officer_user, spo_user):
    assert _get(client, officer_user, "people:allocate", case.crn).status_code == 404
    assert _get(client, spo_user, "people:allocate", case.crn).status_code == 200


def test_partner_sees_only_cases_shared_with_them(client, case, officer_user):
    partner = access.partner_user()
    unshared = PersonFactory(officer=officer_user.staff)
    access.share(case, partner, granted_by=officer_user)

    assert _get(client, partner, "people:case-overview", case.crn).status_code == 200
    assert _get(client, partner, "people:case-overview", unshared.crn).status_code == 404
    assert _get(client, partner, "people:case-circumstances", case.crn).status_code == 404
    assert _get(client, partner, "people:person-edit", case.crn).status_code == 404


def test_partner_share_that_has_expired_no_longer_gives_access(client, case, officer_user):
    partner = access.partner_user()
    access.share(case, partner, expires_on="2020-01-01", granted_by=officer_user)

    assert _get(client, partner, "people:case-overview", case.crn).status_code == 404


def test_partner_does_not_see_equality_information(client, case, officer_user):
    partner = access.partner_user()
    access.share(case, partner, granted_by=officer_user)

    body = _get(client, partner, "people:case-personal-details", case.crn).content.decode()

    assert "Equality information" not in body
    assert case.surname in body


@pytest.mark.parametrize(
    "name",
    ["people:caseload", "people:caseload-export", "people:search", "people:person-create", "people:team"],
)
def test_list_pages_deny_users_without_the_role(client, name):
    partner = access.partner_user()
    client.force_login(partner)

    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", ["audit:search", "people:limited-access-find"])
def test_admin_pages_deny_practitioners(client, officer_user, name):
    client.force_login(officer_user)

    assert client.get(reverse(name)).status_code == 404


# --- Pages about one record, allocation, sharing and the limited-access lists ----------------------


def _record_url(name, crn, case):
    record = case.addresses.get() if name == "people:address-edit" else case.aliases.get()
    return reverse(name, args=[crn, record.pk])


def _record_state(case):
    return (
        list(case.addresses.values_list("pk", "version", "street_name")),
        list(case.aliases.values_list("pk", flat=True)),
    )


@pytest.mark.parametrize(
    "name", [*RECORD_PAGES, *ALLOCATION_PAGES, "people:partner-share", "people:limited-access"]
)
def test_anonymous_user_is_sent_to_sign_in_from_record_and_allocation_pages(client, case, name):
    url = _record_url(name, case.crn, case) if name in RECORD_PAGES else reverse(name, args=[case.crn])

    access.assert_sent_to_sign_in(client.get(url))


def test_permitted_practitioner_opens_an_address_and_removes_an_alias(client, case, officer_user):
    client.force_login(officer_user)

    assert client.get(_record_url("people:address-edit", case.crn, case)).status_code == 200
    assert client.get(_record_url("people:alias-delete", case.crn, case)).status_code == 404  # POST only
    response = client.post(_record_url("people:alias-delete", case.crn, case))

    assert response.status_code == 302
    assert case.aliases.count() == 0


@pytest.mark.parametrize("name", RECORD_PAGES)
@pytest.mark.parametrize("deny", ["excluded", "restricted", "admin", "other_pdu"])
def test_denied_users_get_the_missing_page_for_a_record_and_posting_changes_nothing(
    client, case, officer_user, admin_user, name, deny
):
    user = {"admin": admin_user, "other_pdu": access.other_pdu_user()}.get(deny, officer_user)
    if deny == "excluded":
        access.exclude(case, officer_user)
    if deny == "restricted":
        access.restrict_to_someone_else(case)
    client.force_login(user)
    before = _record_state(case)

    denied = client.post(_record_url(name, case.crn, case), {"street_name": "Changed", "version": "1"})
    missing = client.post(_record_url(name, access.MISSING_CRN, case), {"street_name": "Changed"})

    access.assert_same_as_missing(denied, missing)
    assert access.get(client, user, _record_url(name, case.crn, case)).status_code == 404
    assert _record_state(case) == before


@pytest.mark.parametrize("name", RECORD_PAGES)
def test_a_record_of_another_person_is_not_found(client, case, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)
    before = _record_state(case)

    assert client.get(_record_url(name, other.crn, case)).status_code == 404
    assert client.post(_record_url(name, other.crn, case), {"street_name": "Changed"}).status_code == 404
    assert _record_state(case) == before


@pytest.mark.parametrize("name", ALLOCATION_PAGES)
def test_allocation_pages_are_for_a_senior_po_in_the_managing_pdu(client, case, officer_user, spo_user, name):
    assert _get(client, spo_user, name, case.crn).status_code == 200
    assert _get(client, officer_user, name, case.crn).status_code == 404
    assert _get(client, access.other_pdu_user(), name, case.crn).status_code == 404


@pytest.mark.parametrize("name", [*ALLOCATION_PAGES, "people:partner-share"])
@pytest.mark.parametrize("deny", ["excluded", "restricted"])
def test_excluded_or_restricted_user_gets_the_missing_page_for_allocation_and_sharing(
    client, case, spo_user, name, deny
):
    if deny == "excluded":
        access.exclude(case, spo_user)
    else:
        access.restrict_to_someone_else(case)
    before = (case.allocations.count(), case.partner_shares.count())

    denied = _get(client, spo_user, name, case.crn)
    missing = _get(client, spo_user, name, access.MISSING_CRN)

    access.assert_same_as_missing(denied, missing)
    assert client.post(reverse(name, args=[case.crn]), {"username": "x", "reason": "x"}).status_code == 404
    assert (case.allocations.count(), case.partner_shares.count()) == before


def test_partner_share_page_is_for_staff_who_may_change_the_case(client, case, officer_user, admin_user):
    partner = access.partner_user()
    access.share(case, partner)

    assert _get(client, officer_user, "people:partner-share", case.crn).status_code == 200
    for user in (partner, admin_user, access.other_pdu_user(), access.team_user(Role.VLO, case)):
        assert _get(client, user, "people:partner-share", case.crn).status_code == 404


def test_limited_access_lists_are_for_system_administrators_only(client, case, officer_user, admin_user):
    url = reverse("people:limited-access", args=[case.crn])

    assert access.get(client, admin_user, url).status_code == 200
    for user in (officer_user, access.partner_user(), access.team_user(Role.SENIOR_PO, case)):
        denied = access.get(client, user, url)
        missing = access.get(client, user, reverse("people:limited-access", args=[access.MISSING_CRN]))
        access.assert_same_as_missing(denied, missing)
    assert (
        access.get(
            client, admin_user, reverse("people:limited-access", args=[access.MISSING_CRN])
        ).status_code
        == 404
    )
