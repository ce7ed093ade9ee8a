"""The team manager's view (counts per officer, drill-down scoped to the team) and the access matrix."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, TeamFactory, UserFactory
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import SentenceFactory
from probation.worklists.tests.conftest import at

pytestmark = pytest.mark.django_db
D = dt.date
MATRIX_URLS = ["worklists:mine", "worklists:team", "worklists:officer"]


def _case_for(staff):
    return SentenceFactory(event__person=PersonFactory(officer=staff))


def test_team_view_counts_per_officer_with_overdue(client, spo_user, officer_user, frozen):
    sentence = _case_for(officer_user.staff)
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))  # overdue
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 16)))  # in time
    EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))  # overdue
    outsider = StaffFactory(team=TeamFactory())
    ContactFactory(sentence=_case_for(outsider), starts_at=at(D(2025, 4, 15)))
    client.force_login(spo_user)
    response = client.get(reverse("worklists:team"))
    assert response.status_code == 200
    rows = {row.code: row for row in response.context["rows"]}
    assert set(rows) == {officer_user.staff.code, spo_user.staff.code}
    titles = response.context["headings"]
    cells = dict(zip(titles, rows[officer_user.staff.code].cells, strict=True))
    assert cells["Appointments needing an outcome"] == (2, 1)
    assert cells["Enforcement actions due"] == (1, 1)
    assert dict(zip(titles, rows[spo_user.staff.code].cells, strict=True))[
        "Appointments needing an outcome"
    ] == (0, 0)
    totals = dict(zip(titles, response.context["totals"], strict=True))
    assert totals["Appointments needing an outcome"] == (2, 1)


def test_drill_down_shows_a_team_officers_lists(client, spo_user, officer_user, frozen):
    ContactFactory(sentence=_case_for(officer_user.staff), starts_at=at(D(2025, 4, 15)))
    client.force_login(spo_user)
    response = client.get(reverse("worklists:officer", args=[officer_user.staff.code]))
    assert response.status_code == 200
    outcomes = next(s for s in response.context["sections"] if s.key == "outcomes")
    assert outcomes.count == 1
    # A manager looking at an officer's list reads the case; recording is the officer's (own list only).
    assert outcomes.rows[0].url == f"/cases/{outcomes.rows[0].crn}/contacts"


def test_drill_down_to_an_officer_outside_the_team_is_not_found(client, spo_user, frozen):
    outsider = StaffFactory(team=TeamFactory())
    client.force_login(spo_user)
    assert client.get(reverse("worklists:officer", args=[outsider.code])).status_code == 404
    assert client.get(reverse("worklists:officer", args=["NOSUCH"])).status_code == 404


@pytest.mark.parametrize("name", ["worklists:mine", "worklists:team"])
def test_anonymous_users_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/login" in response["Location"] or "sign-in" in response["Location"]


@pytest.mark.parametrize(
    ("role", "grade", "expected"),
    [
        ("practitioner", "PO", {"mine": 200, "team": 404, "officer": 404}),
        ("practitioner", "PSO", {"mine": 200, "team": 404, "officer": 404}),
        ("senior_po", "SPO", {"mine": 200, "team": 200, "officer": 200}),
        ("case_admin", "CA", {"mine": 404, "team": 404, "officer": 404}),
        ("partner", None, {"mine": 404, "team": 404, "officer": 404}),
        ("system_admin", None, {"mine": 404, "team": 404, "officer": 404}),
    ],
)
def test_who_may_see_the_work_lists(client, team, officer_user, frozen, role, grade, expected):
    staff = StaffFactory(team=team, grade=grade) if grade else None
    user = UserFactory(username=f"u-{role}-{grade}", role=role, staff=staff)
    client.force_login(user)
    urls = {
        "mine": reverse("worklists:mine"),
        "team": reverse("worklists:team"),
        "officer": reverse("worklists:officer", args=[officer_user.staff.code]),
    }
    assert {key: client.get(url).status_code for key, url in urls.items()} == expected
