"""The tier page against every kind of user (anonymous, system admin, partner, excluded, restricted,
permitted); denied users get exactly the page a missing CRN gets. And what the page, the case
header and the caseload show."""

import re

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.services.registrations import registration_add
from probation.tiers.tests.helpers import REGISTERED_ON

pytestmark = pytest.mark.django_db
MATRIX_URLS = ["tiers:case"]


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    registration_add(actor=officer_user, crn=person.crn, register_type="RVHR", registered_on=REGISTERED_ON)
    person.refresh_from_db()
    return person


def _get(client, user, crn):
    return access.get(client, user, reverse("tiers:case", args=[crn]))


def test_anonymous_user_is_sent_to_sign_in(client, case):
    response = _get(client, None, case.crn)

    access.assert_sent_to_sign_in(response)


def test_system_admin_without_case_role_gets_not_found(client, case, admin_user):
    assert _get(client, admin_user, case.crn).status_code == 404


def test_partner_gets_not_found_even_for_a_shared_case(client, case):
    partner = access.partner_user()
    access.share(case, partner)

    assert _get(client, partner, case.crn).status_code == 404


def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user):
    access.exclude(case, officer_user)
    before = AuditEvent.objects.filter(action="view").count()

    denied = _get(client, officer_user, case.crn)
    missing = _get(client, officer_user, access.MISSING_CRN)

    access.assert_same_as_missing(denied, missing)
    assert AuditEvent.objects.filter(action="view").count() == before


def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user):
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, case.crn)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, access.MISSING_CRN))


def test_user_on_restriction_list_sees_the_restricted_case(client, case, officer_user):
    access.restrict(case, to=officer_user)

    assert _get(client, officer_user, case.crn).status_code == 200


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO, Role.CASE_ADMIN, Role.COURT_OFFICER])
def test_staff_roles_see_the_page_and_the_view_is_audited(client, case, role):
    user = UserFactory(role=role)
    before = AuditEvent.objects.filter(action="view").count()

    response = _get(client, user, case.crn)

    assert response.status_code == 200
    event = AuditEvent.objects.filter(action="view").latest("seq")
    assert AuditEvent.objects.filter(action="view").count() == before + 1
    assert (event.crn, event.detail) == (case.crn, {"section": "tier"})


def test_the_page_shows_the_tier_why_the_inputs_and_the_history(client, case, officer_user):
    page = _get(client, officer_user, case.crn).content.decode()

    assert re.search(r'id="current-tier">\s*A0\s*<', page)
    assert "Protect level A: 150 points" in page
    assert "RoSH very high scores 150" in page
    assert "Very high RoSH (RVHR), from 1 March 2025" in page
    assert "None recorded, so there is no mandate for change" in page
    assert "No RSR score is recorded for this person, so RSR counts as 0." in page
    assert "Very high RoSH added" in page  # the history's reason


def test_a_case_with_no_tier_yet_says_so(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)

    page = _get(client, officer_user, person.crn).content.decode()

    assert "No tier has been calculated for this case yet." in page


def test_the_case_header_links_to_the_tier_page(client, case, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("people:case-overview", args=[case.crn])).content.decode()

    assert f'href="{reverse("tiers:case", args=[case.crn])}">A0' in page


def test_the_caseload_shows_the_tier(client, case, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("people:caseload")).content.decode()

    assert '<th scope="col" class="govuk-table__header">Tier</th>' in page
    assert '<td class="govuk-table__cell" data-label="Tier">A0</td>' in page
