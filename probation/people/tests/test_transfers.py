"""Transfers to another team or PDU: the team first, then an officer with their caseload (one query)
or none for the receiving manager; a transfer is refused unless the team changes; history shows
from-team → to-team with who and when."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, TeamFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ServiceError
from probation.people.models import Allocation
from probation.people.services.allocation import allocation_create
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _allocated(officer, started="2025-01-06T09:00Z"):
    person = PersonFactory(officer=officer)
    Allocation.objects.create(
        person=person, team=officer.team, officer=officer, started_at=started, reason="initial"
    )
    return person


def test_transfer_to_another_team_is_refused_when_the_team_does_not_change(spo_user, officer_user):
    person = _allocated(officer_user.staff)
    colleague = StaffFactory(team=officer_user.staff.team, grade="PO")

    with pytest.raises(ServiceError, match="already this case’s team") as refused:
        allocation_create(actor=spo_user, crn=person.crn, officer_id=colleague.pk, reason="transfer_team")

    assert refused.value.field == "reason"
    person.refresh_from_db()
    assert person.officer == officer_user.staff
    assert Allocation.objects.filter(person=person).count() == 1
    assert not AuditEvent.objects.filter(action="allocate").exists()


def test_transfer_to_another_region_is_refused_within_the_region(spo_user, officer_user):
    person = _allocated(officer_user.staff)
    same_region = TeamFactory(pdu__region=officer_user.staff.team.pdu.region)
    officer = StaffFactory(team=same_region, grade="PO")

    with pytest.raises(ServiceError, match="current region"):
        allocation_create(actor=spo_user, crn=person.crn, officer_id=officer.pk, reason="transfer_region")


def test_transfer_with_no_officer_leaves_the_case_waiting_in_the_receiving_team(spo_user, officer_user):
    person = _allocated(officer_user.staff)
    receiving = TeamFactory()

    allocation = allocation_create(
        actor=spo_user, crn=person.crn, team_id=receiving.pk, reason="transfer_team"
    )

    person.refresh_from_db()
    assert (person.team, person.officer, person.pdu) == (receiving, None, receiving.pdu)
    assert (allocation.team, allocation.officer) == (receiving, None)
    event = AuditEvent.objects.get(action="allocate")
    assert event.detail == {
        "officer": None,
        "team": receiving.code,
        "from_team": officer_user.staff.team.code,
        "reason": "transfer_team",
    }


def test_an_officer_outside_the_chosen_team_is_refused(spo_user, officer_user):
    person = _allocated(officer_user.staff)
    receiving = TeamFactory()
    elsewhere = StaffFactory(team=TeamFactory(), grade="PO")

    with pytest.raises(ServiceError, match="in the team you chose"):
        allocation_create(
            actor=spo_user,
            crn=person.crn,
            officer_id=elsewhere.pk,
            team_id=receiving.pk,
            reason="transfer_team",
        )


def test_no_team_and_no_officer_is_refused(spo_user, officer_user):
    person = _allocated(officer_user.staff)

    with pytest.raises(ServiceError, match="Select a team"):
        allocation_create(actor=spo_user, crn=person.crn, reason="transfer_team")


def test_team_page_groups_teams_by_region_with_their_pdu(client, case, spo_user):
    other = TeamFactory()
    client.force_login(spo_user)

    response = client.get(reverse("people:transfer", args=[case.crn]))
    chosen = client.post(reverse("people:transfer", args=[case.crn]), {"team": other.code})

    html = response.content.decode()
    assert f'<optgroup label="{other.pdu.region.name}">' in html
    assert f"{other.name} ({other.pdu.name})" in html
    assert chosen["Location"] == reverse("people:transfer-officer", args=[case.crn, other.code])


def test_officer_page_shows_each_candidates_caseload_in_one_query(
    client, case, spo_user, django_assert_num_queries
):
    receiving = TeamFactory()
    busy = StaffFactory(team=receiving, grade="PO", forename="Busy", surname="Officer")
    StaffFactory(team=receiving, grade="PSO", forename="Quiet", surname="Officer")
    StaffFactory(team=receiving, grade="CA")  # cannot hold cases: not offered
    for _ in range(3):
        PersonFactory(officer=busy)
    client.force_login(spo_user)
    url = reverse("people:transfer-officer", args=[case.crn, receiving.code])
    client.get(url)  # warm the session

    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    for _ in range(5):
        PersonFactory(officer=StaffFactory(team=receiving, grade="PO"))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)

    html = response.content.decode()
    assert f"Busy Officer (Probation Officer, {receiving.name}): 3 cases" in html
    assert f"Quiet Officer (Probation Services Officer, {receiving.name}): 0 cases" in html
    assert f"No officer yet: {receiving.name}’s manager allocates it" in html


def test_transfer_page_records_the_move_and_history_shows_from_and_to_team(client, spo_user, officer_user):
    person = _allocated(officer_user.staff)
    receiving = TeamFactory(name="Sheffield South")
    officer = StaffFactory(team=receiving, grade="PO", forename="Priya", surname="Shah")
    client.force_login(spo_user)

    response = client.post(
        reverse("people:transfer-officer", args=[person.crn, receiving.code]),
        {"officer": str(officer.pk), "reason": "transfer_team", "notes": ""},
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.team, person.officer) == (receiving, officer)
    history = client.get(reverse("people:case-allocation", args=[person.crn]))
    rows = history.context["allocations"]
    assert rows[0].officer == "Priya Shah (PO)"
    assert rows[0].came_from == f"{officer_user.staff.team.name} ({officer_user.staff.team.pdu.name})"
    assert rows[0].team == f"Sheffield South ({receiving.pdu.name})"
    assert rows[0].allocated_by == str(spo_user)
    assert rows[1].ended_at == rows[0].started_at
    assert "Transferred from" in history.content.decode()


def test_transfer_form_shows_the_same_team_refusal_and_changes_nothing(client, spo_user, officer_user):
    person = _allocated(officer_user.staff)
    colleague = StaffFactory(team=officer_user.staff.team, grade="PO")
    client.force_login(spo_user)

    response = client.post(
        reverse("people:transfer-officer", args=[person.crn, officer_user.staff.team.code]),
        {"officer": str(colleague.pk), "reason": "transfer_team"},
    )

    assert response.status_code == 200
    assert "is already this case’s team" in response.content.decode()
    assert Allocation.objects.filter(person=person).count() == 1


def test_transfer_form_requires_an_officer_choice_and_a_reason(client, spo_user, officer_user):
    person = _allocated(officer_user.staff)
    client.force_login(spo_user)

    response = client.post(reverse("people:transfer-officer", args=[person.crn, TeamFactory().code]), {})

    html = response.content.decode()
    assert "Select an officer, or leave it to the team’s manager" in html
    assert "Select a reason for the transfer" in html
