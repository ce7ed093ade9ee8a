"""The allocate page (people:allocate) with the workload panel: the case's tier and RoSH, each
candidate's capacity now and after taking the case, whether their grade may hold it, and the reason
for the choice recorded; in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory
from probation.people.models import Allocation, Person
from probation.people.tests.factories import PersonFactory
from probation.workload.tests.helpers import ON, community_case, licence_case, reduce

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    from probation.workload import panels

    monkeypatch.setattr(panels, "today_uk", lambda: ON)


@pytest.fixture
def new_case(spo_user):
    """An unallocated high-RoSH licence case, tier A3 (219 points), in the manager's team."""
    person = licence_case(None, "A3")
    Person.objects.filter(pk=person.pk).update(
        team=spo_user.staff.team, pdu=spo_user.staff.team.pdu, rosh_level="high"
    )
    person.refresh_from_db()
    return person


def _candidates(client, person):
    response = client.get(reverse("people:allocate", args=[person.crn]))
    assert response.status_code == 200
    return response


def test_each_candidate_shows_capacity_now_and_after_and_grade_suitability(
    client, spo_user, officer_user, new_case
):
    team = officer_user.staff.team
    for _ in range(5):
        community_case(officer_user.staff, "B2")  # 575 points
    StaffFactory(team=team, grade="PSO", forename="Pat", surname="Pso")
    busy = StaffFactory(team=team, grade="PO", forename="Bea", surname="Busy")
    for _ in range(10):
        community_case(busy, "A3")  # 2060
    reduce(busy, "1.8", by=spo_user)  # 2070 available
    client.force_login(spo_user)

    response = _candidates(client, new_case)

    html = response.content.decode()
    assert "This case adds 219 points to the officer who takes it." in html
    assert response.context["case_summary"][:2] == [("Tier", "A3"), ("RoSH", "High")]
    officer = officer_user.staff
    assert f"{officer.name}" in html
    assert "26.4%" in html  # 575 ÷ 2176
    assert "36.5%" in html  # 794 ÷ 2176
    assert "99.5%" in html  # Bea now: 2060 ÷ 2070
    assert "110.1%" in html  # Bea after: 2279 ÷ 2070
    assert "Cases with high or very high RoSH must be held by a probation officer" in html
    order = [html.index(name) for name in (officer.name, "Bea Busy", "Pat Pso")]
    assert order == sorted(order)  # most capacity first; unsuitable grades last


def test_an_untiered_case_says_it_adds_no_points(client, spo_user, officer_user):
    person = PersonFactory(team=spo_user.staff.team, pdu=spo_user.staff.team.pdu, tier="")
    client.force_login(spo_user)

    html = _candidates(client, person).content.decode()

    assert "This case has no tier yet, so it adds no workload points" in html
    assert "Not calculated" in html


def test_the_reason_for_the_choice_is_required_and_recorded(client, spo_user, officer_user, new_case):
    client.force_login(spo_user)
    url = reverse("people:allocate", args=[new_case.crn])
    data = {"officer": officer_user.staff.pk, "reason": "initial", "decision_reason": "  "}

    refused = client.post(url, data)

    assert "Enter why you chose this officer" in refused.content.decode()
    assert not Allocation.objects.filter(person=new_case).exists()

    client.post(url, data | {"decision_reason": "Most capacity; a PO for high RoSH"})

    allocation = Allocation.objects.get(person=new_case)
    assert allocation.decision_reason == "Most capacity; a PO for high RoSH"
    history = client.get(reverse("people:case-allocation", args=[new_case.crn])).content.decode()
    assert "Why this officer" in history
    assert "Most capacity; a PO for high RoSH" in history


def test_the_allocate_page_reads_a_constant_number_of_queries(
    client, spo_user, officer_user, new_case, django_assert_num_queries
):
    community_case(officer_user.staff, "B2")
    client.force_login(spo_user)
    url = reverse("people:allocate", args=[new_case.crn])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)

    for grade in ("PO", "PSO", "PQIP"):
        colleague = StaffFactory(team=officer_user.staff.team, grade=grade)
        for tier in ("A1", "", "C2S"):
            community_case(colleague, tier)
            licence_case(colleague, tier)
        reduce(colleague, "2", by=spo_user)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
