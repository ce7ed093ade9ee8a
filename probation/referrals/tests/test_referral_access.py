"""Every referrals page against every kind of user: anonymous, provider staff of this referral's
organisation and of another, the PO, staff of another PDU, excluded, restricted, a partner with a share,
a system admin. Provider staff see only their organisation's referrals and nothing of the case record;
denied users get the page a missing CRN or id gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.referrals.models import ActionPlan, Referral, ReferralSession
from probation.referrals.tests.factories import ProviderFactory, provider_user

pytestmark = pytest.mark.django_db

CASE_PAGES = ["referrals:case-list", "referrals:case-create", "referrals:case-referral"]
PROVIDER_PAGES = [
    "referrals:provider-referral",
    "referrals:provider-assessment",
    "referrals:provider-action-plan",
    "referrals:provider-session",
    "referrals:provider-report",
]
MATRIX_URLS = [*CASE_PAGES, *PROVIDER_PAGES, "referrals:provider-list"]
MISSING_ID = 999999


def _case_url(name, referral, crn=None):
    crn = crn or referral.person.crn
    if name == "referrals:case-referral":
        return reverse(name, args=[crn, referral.pk])
    return reverse(name, args=[crn])


def _state():
    return (
        list(Referral.objects.values_list("pk", "version", "status")),
        ActionPlan.objects.count(),
        ReferralSession.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, sent, name):
    if name in CASE_PAGES:
        url = _case_url(name, sent)
    elif name == "referrals:provider-list":
        url = reverse(name)
    else:
        url = reverse(name, args=[sent.pk])
    access.assert_sent_to_sign_in(client.get(url))


@pytest.mark.parametrize("name", CASE_PAGES)
@pytest.mark.parametrize("role", ["provider", "other_provider", "partner", "admin", "other_pdu"])
def test_case_pages_are_the_missing_crn_page_outside_the_case(
    client, sent, provider_staff, admin_user, name, role
):
    user = {
        "provider": provider_staff,
        "other_provider": provider_user(ProviderFactory()),
        "partner": access.partner_user(),
        "admin": admin_user,
        "other_pdu": access.other_pdu_user(),
    }[role]
    if role == "partner":
        access.share(sent.person, user)
    before = _state()

    denied = access.get(client, user, _case_url(name, sent))
    missing = access.get(client, user, _case_url(name, sent, crn=access.MISSING_CRN))

    if role == "other_pdu" and name != "referrals:case-create":
        assert denied.status_code == 200  # staff read any case; only the managing PDU changes it
    else:
        access.assert_same_as_missing(denied, missing)
    post = client.post(_case_url(name, sent), {"action": "end", "reason": "NEE", "version": sent.version})
    assert post.status_code in (404, 405)
    assert _state() == before


@pytest.mark.parametrize("name", CASE_PAGES)
@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_an_excluded_or_restricted_officer_gets_the_missing_crn_page(client, sent, officer_user, name, lock):
    if lock == "excluded":
        access.exclude(sent.person, officer_user)
    else:
        access.restrict_to_someone_else(sent.person)

    denied = access.get(client, officer_user, _case_url(name, sent))

    access.assert_same_as_missing(
        denied, access.get(client, officer_user, _case_url(name, sent, crn=access.MISSING_CRN))
    )


@pytest.mark.parametrize("name", CASE_PAGES)
def test_the_officer_sees_the_case_pages(client, sent, officer_user, name):
    assert access.get(client, officer_user, _case_url(name, sent)).status_code == 200


def test_another_cases_referral_id_is_not_found(client, sent, officer_user, requirement):
    from probation.referrals.tests.factories import rar_requirement, referral

    other = referral(rar_requirement(officer_user.staff), sent.provider, by=officer_user)
    url = reverse("referrals:case-referral", args=[sent.person.crn, other.pk])
    assert access.get(client, officer_user, url).status_code == 404


def _provider_url(name, referral_id):
    return reverse(name, args=[referral_id])


@pytest.mark.parametrize("name", PROVIDER_PAGES)
@pytest.mark.parametrize("role", ["other_provider", "officer", "partner", "admin", "upw_supervisor"])
def test_provider_pages_are_not_found_for_anyone_but_the_referrals_provider(
    client, in_progress, officer_user, admin_user, name, role
):
    user = {
        "other_provider": provider_user(ProviderFactory(region=in_progress.provider.region)),
        "officer": officer_user,
        "partner": access.partner_user(),
        "admin": admin_user,
        "upw_supervisor": UserFactory(role=Role.UPW_SUPERVISOR),
    }[role]
    if role == "partner":
        access.share(in_progress.person, user)
    before = _state()
    client.force_login(user)

    denied = client.get(_provider_url(name, in_progress.pk))
    missing = client.get(_provider_url(name, MISSING_ID))

    access.assert_same_as_missing(denied, missing)
    post = client.post(
        _provider_url(name, in_progress.pk), {"version": in_progress.version, "activities": "x"}
    )
    assert (
        post.status_code == 404 if name != "referrals:provider-referral" else post.status_code in (404, 405)
    )
    assert _state() == before


@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_provider_staff_do_not_see_a_referral_of_a_case_they_are_locked_out_of(
    client, in_progress, provider_staff, lock
):
    if lock == "excluded":
        access.exclude(in_progress.person, provider_staff)
    else:
        access.restrict_to_someone_else(in_progress.person)
    client.force_login(provider_staff)

    denied = client.get(_provider_url("referrals:provider-referral", in_progress.pk))

    access.assert_same_as_missing(
        denied, client.get(_provider_url("referrals:provider-referral", MISSING_ID))
    )
    assert in_progress.person.crn not in client.get(reverse("referrals:provider-list")).content.decode()


def test_provider_staff_see_their_referral_and_its_forms_but_no_case_page_and_no_search(
    client, in_progress, provider_staff
):
    client.force_login(provider_staff)
    crn = in_progress.person.crn

    assert client.get(_provider_url("referrals:provider-referral", in_progress.pk)).status_code == 200
    assert client.get(_provider_url("referrals:provider-session", in_progress.pk)).status_code == 200
    assert client.get(_provider_url("referrals:provider-action-plan", in_progress.pk)).status_code == 200
    assert client.get(reverse("referrals:provider-list")).status_code == 200
    for url in (
        reverse("people:case-overview", args=[crn]),
        reverse("referrals:case-list", args=[crn]),
        reverse("referrals:case-referral", args=[crn, in_progress.pk]),
        reverse("people:search") + f"?q={crn}",
        reverse("contacts:list", args=[crn]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_step_the_referral_is_not_at_is_not_found(client, sent, provider_staff):
    client.force_login(provider_staff)
    assert client.get(_provider_url("referrals:provider-session", sent.pk)).status_code == 404
    assert client.get(_provider_url("referrals:provider-assessment", sent.pk)).status_code == 200


def test_the_provider_list_is_not_found_for_other_roles(client, officer_user, admin_user):
    for user in (
        officer_user,
        admin_user,
        access.partner_user(),
        UserFactory(role=Role.PROVIDER, staff=None),
    ):
        client.force_login(user)
        assert client.get(reverse("referrals:provider-list")).status_code == 404


def test_a_provider_page_view_is_audited_with_the_case(client, in_progress, provider_staff):
    client.force_login(provider_staff)
    client.get(_provider_url("referrals:provider-referral", in_progress.pk))
    assert access.audited()[-1] == ("view", in_progress.person.crn)
