"""Who may open the decisions page (a senior PO with a team) and the unallocated list (staff who
allocate); everyone else gets the page a missing one gets."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
MATRIX_URLS = ["worklists:decisions", "worklists:unallocated"]


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize(
    ("role", "grade", "expected"),
    [
        ("practitioner", "PO", {"decisions": 404, "unallocated": 404}),
        ("practitioner", "PSO", {"decisions": 404, "unallocated": 404}),
        ("senior_po", "SPO", {"decisions": 200, "unallocated": 200}),
        ("senior_po", None, {"decisions": 404, "unallocated": 404}),
        ("case_admin", "CA", {"decisions": 404, "unallocated": 200}),
        ("court_officer", "CO", {"decisions": 404, "unallocated": 404}),
        ("vlo", "VLO", {"decisions": 404, "unallocated": 404}),
        ("partner", None, {"decisions": 404, "unallocated": 404}),
        ("system_admin", None, {"decisions": 404, "unallocated": 404}),
    ],
)
def test_who_may_see_the_decisions_and_unallocated_pages(client, team, role, grade, expected):
    staff = StaffFactory(team=team, grade=grade) if grade else None
    client.force_login(UserFactory(username=f"u-{role}-{grade}", role=role, staff=staff))

    got = {key: client.get(reverse(f"worklists:{key}")).status_code for key in expected}

    assert got == expected


def test_each_view_is_audited_once_without_names(client, spo_user):
    client.force_login(spo_user)
    client.get(reverse("worklists:decisions"))

    event = AuditEvent.objects.get(action="view", object_type="decisions")
    assert event.object_id == spo_user.staff.team.code
    assert set(event.detail) == {"sections", "crns"}


def test_a_senior_po_lands_on_decisions_and_finds_it_first_in_the_navigation(client, spo_user, officer_user):
    client.force_login(spo_user)
    assert client.get("/")["Location"] == reverse("worklists:decisions")
    nav = client.get(reverse("worklists:decisions")).context["primary_nav"]
    assert nav[0] == ("Decisions", "worklists:decisions", "/work/decisions")

    client.force_login(officer_user)
    assert client.get("/")["Location"] == reverse("people:caseload")
    assert "Decisions" not in [
        label for label, _, _ in client.get(reverse("people:caseload")).context["primary_nav"]
    ]
