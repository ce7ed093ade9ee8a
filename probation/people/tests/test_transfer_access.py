"""Access to the transfer pages: a senior PO in the case's managing PDU; everyone else gets the page a
missing CRN gets, and a refused POST changes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, TeamFactory
from probation.people.tests import access

pytestmark = pytest.mark.django_db
MATRIX_URLS = ["people:transfer", "people:transfer-officer"]


@pytest.fixture
def target():
    return TeamFactory()


def _url(name, crn, team):
    return reverse(name, args=[crn, team.code] if name == "people:transfer-officer" else [crn])


def _state(case):
    case.refresh_from_db()
    return (case.team_id, case.officer_id, case.pdu_id, case.allocations.count())


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, case, target, name):
    access.assert_sent_to_sign_in(client.get(_url(name, case.crn, target)))


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_a_senior_po_in_the_managing_pdu_opens_the_transfer_pages(client, case, spo_user, target, name):
    assert access.get(client, spo_user, _url(name, case.crn, target)).status_code == 200


@pytest.mark.parametrize("name", MATRIX_URLS)
@pytest.mark.parametrize("deny", ["practitioner", "admin", "other_pdu", "excluded", "restricted"])
def test_denied_users_get_the_missing_page_and_posting_changes_nothing(
    client, case, officer_user, spo_user, admin_user, target, name, deny
):
    user = {"practitioner": officer_user, "admin": admin_user, "other_pdu": access.other_pdu_user()}.get(
        deny, spo_user
    )
    if deny == "excluded":
        access.exclude(case, spo_user)
    if deny == "restricted":
        access.restrict_to_someone_else(case)
    officer = StaffFactory(team=target, grade="PO")
    before = _state(case)

    denied = access.get(client, user, _url(name, case.crn, target))
    missing = access.get(client, user, _url(name, access.MISSING_CRN, target))
    posted = client.post(
        _url(name, case.crn, target), {"team": target.code, "officer": officer.pk, "reason": "transfer_team"}
    )

    access.assert_same_as_missing(denied, missing)
    assert posted.status_code == 404
    assert _state(case) == before


def test_an_unknown_team_is_not_found(client, case, spo_user):
    client.force_login(spo_user)
    assert client.get(reverse("people:transfer-officer", args=[case.crn, "NOSUCH"])).status_code == 404
