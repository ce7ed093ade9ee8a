"""Every safeguarding page against every kind of user: anonymous, system admin, partner (even with
a share), outside the managing PDU, excluded, restricted, permitted. Denied users get exactly the
page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.core.errors import NotFound, PermissionDenied
from probation.people.models import PersonChange
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral
from probation.safeguarding.services.checks import check_add
from probation.safeguarding.tests.factories import ChildrenServicesCheckFactory, SafeguardingReferralFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["safeguarding:case"]
CHANGE_PAGES = [
    "safeguarding:check-add",
    "safeguarding:check-response",
    "safeguarding:referral-add",
    "safeguarding:referral-outcome",
]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = ALL_PAGES
VALID_POSTS = {
    "safeguarding:check-add": {
        "local_authority": "Leeds City Council",
        "requested_on_0": "3",
        "requested_on_1": "2",
        "requested_on_2": "2025",
        "method": "email",
        "reason": "Children in the household",
    },
    "safeguarding:check-response": {
        "response_on_0": "10",
        "response_on_1": "2",
        "response_on_2": "2025",
        "outcome": "no_trace",
        "version": "1",
    },
    "safeguarding:referral-add": {
        "referred_on_0": "3",
        "referred_on_1": "2",
        "referred_on_2": "2025",
        "referred_to": "mash",
        "urgency": "urgent",
        "concern": "Bruising seen",
    },
    "safeguarding:referral-outcome": {
        "outcome": "nfa",
        "outcome_on_0": "4",
        "outcome_on_1": "2",
        "outcome_on_2": "2025",
        "version": "1",
    },
}


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    ChildrenServicesCheckFactory(person=person)
    SafeguardingReferralFactory(person=person)
    return person


def _url(name, crn, case):
    if name == "safeguarding:check-response":
        return reverse(name, args=[crn, case.childrens_services_checks.get().pk])
    if name == "safeguarding:referral-outcome":
        return reverse(name, args=[crn, case.safeguarding_referrals.get().pk])
    return reverse(name, args=[crn])


def _get(client, user, name, crn, case):
    return access.get(client, user, _url(name, crn, case))


def _state():
    return (
        list(ChildrenServicesCheck.objects.values_list("pk", "version", "outcome")),
        list(SafeguardingReferral.objects.values_list("pk", "version", "outcome")),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(action="refused").count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(_url(name, case.crn, case))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, admin_user, name):
    denied = _get(client, admin_user, name, case.crn, case)
    missing = _get(client, admin_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, name):
    partner = access.partner_user(agency="Police")
    access.share(case, partner)

    assert _get(client, partner, name, case.crn, case).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.crn, case).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, case, officer_user, name):
    access.restrict(case, to=officer_user)

    assert _get(client, officer_user, name, case.crn, case).status_code == 200


@pytest.mark.parametrize("name", ["safeguarding:check-response", "safeguarding:referral-outcome"])
def test_a_check_or_referral_of_another_person_is_not_found(client, case, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    assert client.get(_url(name, other.crn, case)).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, case):
    elsewhere = access.other_pdu_user()  # a different PDU

    response = _get(client, elsewhere, "safeguarding:case", case.crn, case)

    assert response.status_code == 200
    assert b"Leeds City Council" in response.content
    for link in (b"Record a check", b"Record a referral", b"Record the response", b"Record the outcome"):
        assert link not in response.content


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, case, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    response = client.post(_url(name, case.crn, case), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, case, officer_user, name):
    access.exclude(case, officer_user)
    client.force_login(officer_user)
    before = _state()

    response = client.post(_url(name, case.crn, case), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_partner_with_a_share_posting_changes_nothing(client, case, name):
    partner = access.partner_user()
    access.share(case, partner)
    client.force_login(partner)
    before = _state()

    assert client.post(_url(name, case.crn, case), VALID_POSTS[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_permitted_practitioner_posting_makes_the_change(client, case, officer_user, name):
    client.force_login(officer_user)

    response = client.post(_url(name, case.crn, case), VALID_POSTS[name])

    assert response.status_code == 302
    assert response["Location"] == reverse("safeguarding:case", args=[case.crn])
    assert AuditEvent.objects.filter(action__in=["create", "update"]).count() == 1


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_see_safeguarding_but_cannot_change_it(client, case, role):
    user = access.team_user(role, case)

    assert _get(client, user, "safeguarding:case", case.crn, case).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, case).status_code == 404


# --- The services refuse the same users whatever calls them ---------------------------------------


def _service_add(actor, case):
    check_add(
        actor=actor,
        crn=case.crn,
        local_authority="Leeds City Council",
        requested_on=dt.date(2025, 2, 3),
        method="phone",
        reason="Children",
    )


def test_service_refuses_staff_outside_the_pdu_roles_without_manage_and_partners(case):
    partner = access.partner_user()
    access.share(case, partner)
    for user in (
        access.other_pdu_user(),
        access.team_user(Role.VLO, case),
        partner,
    ):
        with pytest.raises(PermissionDenied):
            _service_add(user, case)
    assert (ChildrenServicesCheck.objects.count(), AuditEvent.objects.count()) == (1, 0)


def test_service_tells_an_excluded_user_not_found(case, officer_user):
    access.exclude(case, officer_user)

    with pytest.raises(NotFound):
        _service_add(officer_user, case)

    assert (ChildrenServicesCheck.objects.count(), AuditEvent.objects.count()) == (1, 0)


def test_service_tells_a_system_admin_not_found(case, admin_user):
    with pytest.raises(NotFound):
        _service_add(admin_user, case)

    assert (ChildrenServicesCheck.objects.count(), AuditEvent.objects.count()) == (1, 0)
