"""The top navigation by role: one short list each (tests/browser/test_layout.py checks that it fits
on one line at desktop width); what an officer works through is in My work, not the navigation."""

import pytest
from django.test import RequestFactory

from probation.accounts.context_processors import primary_nav, service
from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    Role.PRACTITIONER: ["My work", "My cases", "Diary", "Search", "Add a person", "Calculators"],
    Role.SENIOR_PO: [
        "Decisions",
        "My work",
        "My cases",
        "Diary",
        "Search",
        "Add a person",
        "Calculators",
        "Team work",
    ],
    Role.CASE_ADMIN: ["Search", "Add a person", "Calculators"],
    Role.COURT_OFFICER: ["Search", "Add a person", "Calculators", "Courts", "Report requests"],
    Role.VLO: ["Victim liaison", "Search", "Calculators"],
    Role.AP_STAFF: ["Search", "Calculators", "Premises"],
    Role.PARTNER: ["Shared cases"],
    Role.SYSTEM_ADMIN: ["Audit", "Limited access", "Users"],
    # Issue 17.
    Role.HEAD_OF_PDU: ["Local information"],
    # (regional)
    Role.REGIONAL_LEAD: ["Local information"],
    # Issue 13.
    Role.UPW_STAFF: ["Search", "Projects", "My sessions"],
    # (supervisors)
    Role.UPW_SUPERVISOR: ["My sessions"],
    # Issue 16.
    Role.AP_ASSESSOR: ["Search", "Calculators", "Assessments"],
    # (CRU)
    Role.AP_CRU: ["Search", "Calculators", "Assessments", "Placements", "Premises"],
    # Issue 12 item 2.
    Role.PROGRAMME_MANAGER: ["Search", "Programmes"],
    # Issue 12 item 3.
    Role.PROVIDER: ["Referrals"],
    # Issue 15.
    Role.VLO_MANAGER: ["Victim liaison", "Search", "Calculators"],
}


def _labels(user) -> list[str]:
    return [item.label for item in primary_nav(user)]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_a_short_navigation(role):
    staff = None if role in (Role.PARTNER, Role.SYSTEM_ADMIN) else StaffFactory()
    user = UserFactory(role=role, staff=staff)

    assert _labels(user) == EXPECTED[role]


@pytest.mark.parametrize("role", list(Role))
def test_lists_an_officer_works_through_are_not_in_the_navigation(role):
    user = UserFactory(role=role, staff=StaffFactory())

    assert not {"Needs an outcome", "Reviews due", "MAPPA actions", "My team"} & set(_labels(user))


def test_nobody_signed_in_has_no_navigation():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    assert service(request)["primary_nav"] == []
