"""The senior PO's decisions page: recalls to decide, breach packs to countersign, cases to allocate and
overdue registration and RoSH reviews in their team, each linking straight to its form; a constant
number of queries; the unallocated cases list of the PDU."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, TeamFactory, UserFactory
from probation.core.clock import now, today_uk
from probation.enforcement.services.breach import breach_initiate
from probation.enforcement.services.recall import RecallRecommendation, recall_recommend, recall_start
from probation.enforcement.tests.test_breach_workflow_data import failure_on, licence_for, order_for
from probation.people.models import Allocation
from probation.people.services.allocation import allocation_create
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.models import RiskManagementPlan
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def recall_awaiting_decision(user, person):
    licence = licence_for(person)
    recall = recall_start(
        actor=user,
        crn=person.crn,
        sentence_id=licence.sentence_id,
        circumstances="Left the address",
        emergency=False,
    )
    return recall_recommend(
        actor=user,
        crn=person.crn,
        recall_id=recall.pk,
        expected_version=1,
        answers=RecallRecommendation(
            condition_ids=[licence.conditions.order_by("ordinal")[4].pk],
            alternatives=["warning"],
            alternatives_notes="",
            charged_with_new_offence=False,
            referred_to_parole_board=False,
            victims_in_contact_scheme=False,
            recommendation="recall",
            recommended_type="fixed_term",
            reason="Whereabouts unknown for a week",
        ),
    )


def breach_initiated(user, person):
    order = order_for(person)
    failure = failure_on(order, today_uk() - dt.timedelta(days=20))
    return breach_initiate(
        actor=user,
        crn=person.crn,
        sentence_id=order.pk,
        initiated_on=today_uk() - dt.timedelta(days=3),
        failure_ids=[failure.pk],
        recommendation="Order to continue",
    )


def rosh_review_overdue(user, person):
    return RiskManagementPlan.objects.create(
        person=person,
        supervision="Weekly",
        monitoring_and_control="Curfew",
        interventions_and_treatment="Programme",
        contingency_plan="Recall",
        next_review_on=today_uk() - dt.timedelta(days=1),
        created_by=user,
    )


def one_of_each(officer_user, spo_user):
    """A recall to decide, a breach pack, an overdue registration, an overdue RoSH review and a
    transfer in, all in the SPO's team."""
    officer = officer_user.staff
    recall = recall_awaiting_decision(officer_user, PersonFactory(officer=officer))
    breach = breach_initiated(officer_user, PersonFactory(officer=officer))
    registration = RegistrationFactory(person=PersonFactory(officer=officer), register_type="ALSH")
    rosh_review_overdue(officer_user, PersonFactory(officer=officer))
    elsewhere = StaffFactory(team=TeamFactory(pdu=spo_user.staff.team.pdu), grade="PO")
    moving = PersonFactory(officer=elsewhere)
    Allocation.objects.create(
        person=moving, team=elsewhere.team, officer=elsewhere, started_at=now(), reason="initial"
    )
    allocation_create(actor=spo_user, crn=moving.crn, team_id=spo_user.staff.team_id, reason="transfer_team")
    return recall, breach, registration, moving


def _section(response, key):
    return next(s for s in [*response.context["sections"], response.context["unallocated"]] if s.key == key)


def test_decisions_page_lists_each_decision_with_a_link_straight_to_its_form(client, officer_user, spo_user):
    recall, breach, registration, moving = one_of_each(officer_user, spo_user)
    client.force_login(spo_user)

    response = client.get(reverse("worklists:decisions"))

    assert response.status_code == 200
    [row] = _section(response, "recalls").rows
    assert row.action_url == reverse("enforcement:recall-decide", args=[recall.person.crn, recall.pk])
    assert row.what == "Officer recommends: Recall (fixed-term)"
    [row] = _section(response, "breaches").rows
    assert row.action_url == reverse(
        "enforcement:breach-pack-sent", args=[breach.person.crn, breach.sentence_id, breach.pk]
    )
    [row] = _section(response, "registrations").rows
    assert row.action_url == reverse(
        "risk:registration-review", args=[registration.person.crn, registration.pk]
    )
    [row] = _section(response, "rosh").rows
    assert row.action_url.endswith("/rosh/new")
    [row] = _section(response, "unallocated").rows
    assert row.crn == moving.crn
    assert row.action_url == reverse("people:allocate", args=[moving.crn])
    assert row.what.startswith("Transferred in from ")
    assert row.waiting_days == 0
    html = response.content.decode()
    assert 'Decide on the recall<span class="govuk-visually-hidden"> for ' in html
    assert response.context["total"] == 5


def test_decisions_page_reads_a_constant_number_of_queries(
    client, officer_user, spo_user, django_assert_num_queries
):
    one_of_each(officer_user, spo_user)
    client.force_login(spo_user)
    url = reverse("worklists:decisions")
    client.get(url)

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(3):
        one_of_each(officer_user, spo_user)
        PersonFactory(pdu=spo_user.staff.team.pdu)  # a new case with no team yet
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert [s.count for s in response.context["sections"]] == [4, 4, 4, 4, 0, 0, 0]
    assert response.context["unallocated"].count == 7


def test_another_teams_manager_sees_nothing_of_this_team(client, officer_user, spo_user):
    one_of_each(officer_user, spo_user)
    other_spo = UserFactory(
        username="other-spo", role="senior_po", staff=StaffFactory(team=TeamFactory(), grade="SPO")
    )
    client.force_login(other_spo)

    response = client.get(reverse("worklists:decisions"))

    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "Nothing waiting." in response.content.decode()


def test_a_case_the_manager_is_excluded_from_shows_only_as_restricted(client, officer_user, spo_user):
    recall, *_ = one_of_each(officer_user, spo_user)
    access.exclude(recall.person, spo_user)
    client.force_login(spo_user)

    [row] = _section(client.get(reverse("worklists:decisions")), "recalls").rows

    assert (row.restricted, row.crn, row.action_url, row.name) == (True, recall.person.crn, "", "")


def test_new_people_with_no_team_wait_in_their_pdu_longest_first(client, spo_user):
    pdu = spo_user.staff.team.pdu
    older = PersonFactory(pdu=pdu)
    newer = PersonFactory(pdu=pdu)
    type(older).objects.filter(pk=older.pk).update(created_at=now() - dt.timedelta(days=9))
    PersonFactory()  # another PDU's new case
    client.force_login(spo_user)

    response = client.get(reverse("worklists:unallocated"))

    rows = response.context["section"].rows
    assert [(r.crn, r.what, r.team, r.waiting_days) for r in rows] == [
        (older.crn, "New case", "No team yet", 9),
        (newer.crn, "New case", "No team yet", 0),
    ]
    assert "9 days" in response.content.decode()


def test_an_unallocated_release_says_so(client, spo_user):
    person = PersonFactory(pdu=spo_user.staff.team.pdu)
    licence = licence_for(person)
    type(licence).objects.filter(pk=licence.pk).update(release_date=today_uk() + dt.timedelta(days=14))
    client.force_login(spo_user)

    [row] = client.get(reverse("worklists:unallocated")).context["section"].rows

    assert row.what.startswith("Release from custody on ")


def test_the_unallocated_list_narrows_to_the_managers_team(client, spo_user):
    pdu = spo_user.staff.team.pdu
    new_case = PersonFactory(pdu=pdu)
    other_team = TeamFactory(pdu=pdu)
    waiting_elsewhere = PersonFactory(pdu=pdu, team=other_team)
    waiting_here = PersonFactory(team=spo_user.staff.team)
    client.force_login(spo_user)

    everyone = client.get(reverse("worklists:unallocated")).context["section"].rows
    mine = client.get(reverse("worklists:unallocated") + "?team=mine").context["section"].rows

    assert {r.crn for r in everyone} == {new_case.crn, waiting_elsewhere.crn, waiting_here.crn}
    assert {r.crn for r in mine} == {new_case.crn, waiting_here.crn}


def test_a_senior_po_reaches_the_courts_report_requests_and_performance_from_decisions(client, spo_user):
    client.force_login(spo_user)

    page = client.get(reverse("worklists:decisions")).content.decode()

    assert f'href="{reverse("reports:request-list")}"' in page
    assert f'href="{reverse("reports:performance")}"' in page
    assert client.get(reverse("reports:request-list")).status_code == 200
    assert client.get(reverse("reports:performance")).status_code == 200
