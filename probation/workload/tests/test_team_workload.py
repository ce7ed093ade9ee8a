"""The senior PO's team workload page: each officer's capacity (figure and bar), points, cases against
the 50-case ceiling, tier mix, and the cases that need a tier; in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory
from probation.audit.models import AuditEvent
from probation.people.tests.access import restrict_to_someone_else
from probation.workload.tests.helpers import ON, community_case, licence_case, reduce

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    from probation.workload.views import pages

    monkeypatch.setattr(pages, "today_uk", lambda: ON)


def _row(response, name):
    return next(row for row in response.context["rows"] if row.name == name)


def test_each_officer_shows_capacity_as_text_points_cases_and_tier_mix(client, spo_user, officer_user):
    officer = officer_user.staff
    for _ in range(10):
        community_case(officer, "A3")  # 10 × 206 = 2060
    licence_case(officer, "C2")  # 65
    reduce(officer, "1.8", by=spo_user)
    client.force_login(spo_user)

    response = client.get(reverse("workload:team"))

    row = _row(response, officer.name)
    assert row.bar.text == "102.7%"  # 2125 ÷ 2070 = 102.66…
    assert row.bar.over
    assert row.points == "2,125 of 2,070"
    assert (row.case_count, row.ceiling, row.over_ceiling) == (11, 50, False)
    assert row.mix_text == "A 10, C 1"
    html = response.content.decode()
    assert "102.7%" in html
    assert "Over capacity" in html
    assert "11 of 50" in html


def test_more_than_50_cases_is_flagged(client, spo_user, officer_user):
    for _ in range(51):
        community_case(officer_user.staff, "D1")
    client.force_login(spo_user)

    response = client.get(reverse("workload:team"))

    assert _row(response, officer_user.staff.name).over_ceiling
    assert "Over 50 cases" in response.content.decode()


def test_untiered_cases_are_listed_as_needing_a_tier(client, spo_user, officer_user):
    untiered = community_case(officer_user.staff, "")
    hidden = community_case(officer_user.staff, "")
    restrict_to_someone_else(hidden)
    community_case(officer_user.staff, "B1")
    client.force_login(spo_user)

    response = client.get(reverse("workload:team"))

    rows = {row.crn: row for row in response.context["untiered"]}
    assert set(rows) == {untiered.crn, hidden.crn}
    assert rows[untiered.crn].tier_url == reverse("tiers:case", args=[untiered.crn])
    assert rows[hidden.crn].restricted
    assert rows[hidden.crn].name == ""
    html = response.content.decode()
    assert hidden.surname not in html
    assert "2 need a tier" in html


def test_the_view_is_audited_with_crns_not_names(client, spo_user, officer_user):
    person = community_case(officer_user.staff, "")
    client.force_login(spo_user)
    client.get(reverse("workload:team"))

    event = AuditEvent.objects.get(object_type="workload_team")
    assert event.object_id == spo_user.staff.team.code
    assert event.detail["crns"] == [person.crn]
    assert set(event.detail["officers"]) == {officer_user.staff.code, spo_user.staff.code}


def test_the_team_view_reads_a_constant_number_of_queries(
    client, spo_user, officer_user, django_assert_num_queries
):
    community_case(officer_user.staff, "B2")
    community_case(officer_user.staff, "")
    client.force_login(spo_user)
    url = reverse("workload:team")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)

    for grade in ("PO", "PSO", "PQIP"):
        colleague = StaffFactory(team=officer_user.staff.team, grade=grade)
        for tier in ("A1", "C3", "", "D0S"):
            community_case(colleague, tier)
            licence_case(colleague, tier)
        reduce(colleague, "3", by=spo_user)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["rows"]) == 5
