"""High and very high RoSH cases are held by probation officers; a PSO may support
(reference-data.md § Allocation). Supporting officers; the RoSH column on caseloads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import NotFound, PermissionDenied, ServiceError
from probation.people.models import Allocation, Exclusion, Person
from probation.people.models.allocation import SupportingOfficer
from probation.people.services.allocation import (
    HIGH_ROSH_NEEDS_PO,
    allocation_create,
    supporting_officer_add,
    supporting_officer_end,
)
from probation.people.tests.factories import AddressFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _case(officer_user, rosh_level):
    return PersonFactory(officer=officer_user.staff, rosh_level=rosh_level)


def _state():
    return (
        list(Allocation.objects.values_list("pk", "ended_at")),
        list(Person.objects.values_list("officer_id", "team_id")),
        SupportingOfficer.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.mark.parametrize("level", ["high", "very_high"])
def test_a_high_rosh_case_cannot_be_allocated_to_a_pso_and_nothing_is_written(spo_user, officer_user, level):
    person = _case(officer_user, level)
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")
    before = _state()

    with pytest.raises(ServiceError) as refused:
        allocation_create(actor=spo_user, crn=person.crn, officer_id=pso.pk, reason="workload")

    assert (refused.value.message, refused.value.field) == (HIGH_ROSH_NEEDS_PO, "officer")
    assert _state() == before


@pytest.mark.parametrize("level", ["high", "very_high"])
def test_a_high_rosh_case_can_be_allocated_to_a_po(spo_user, officer_user, level):
    person = _case(officer_user, level)
    po = StaffFactory(team=officer_user.staff.team, grade="PO")

    allocation_create(actor=spo_user, crn=person.crn, officer_id=po.pk, reason="workload")

    person.refresh_from_db()
    assert person.officer == po


@pytest.mark.parametrize("level", ["", "low", "medium"])
def test_a_low_medium_or_unassessed_case_can_be_allocated_to_a_pso(spo_user, officer_user, level):
    person = _case(officer_user, level)
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")

    allocation_create(actor=spo_user, crn=person.crn, officer_id=pso.pk, reason="workload")

    person.refresh_from_db()
    assert person.officer == pso


def test_the_allocate_page_shows_the_refusal(client, spo_user, officer_user):
    person = _case(officer_user, "high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")
    client.force_login(spo_user)

    response = client.post(
        reverse("people:allocate", args=[person.crn]),
        {"officer": pso.pk, "reason": "workload", "decision_reason": "Most capacity"},
    )

    assert response.status_code == 200
    assert (
        "Cases with high or very high RoSH must be held by a probation officer" in response.content.decode()
    )
    person.refresh_from_db()
    assert person.officer == officer_user.staff


# --- Supporting officers --------------------------------------------------------------------------


def test_a_pso_can_support_a_high_rosh_case_and_it_is_audited(spo_user, officer_user):
    person = _case(officer_user, "very_high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")

    supporting = supporting_officer_add(
        actor=spo_user, crn=person.crn, staff_id=pso.pk, reason="  Practical  "
    )

    assert (supporting.staff, supporting.team, supporting.reason, supporting.added_by) == (
        pso,
        pso.team,
        "Practical",
        spo_user,
    )
    assert supporting.ended_at is None
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.detail["staff"]) == (
        "allocate",
        "supporting_officer",
        pso.code,
    )


def test_ending_support_keeps_the_history(spo_user, officer_user):
    person = _case(officer_user, "high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")
    supporting = supporting_officer_add(actor=spo_user, crn=person.crn, staff_id=pso.pk, reason="Support")

    supporting_officer_end(actor=spo_user, crn=person.crn, supporting_officer_id=supporting.pk)

    supporting.refresh_from_db()
    assert (supporting.ended_by, supporting.ended_at is not None) == (spo_user, True)
    with pytest.raises(ServiceError, match="no longer a supporting officer"):
        supporting_officer_end(actor=spo_user, crn=person.crn, supporting_officer_id=supporting.pk)
    again = supporting_officer_add(actor=spo_user, crn=person.crn, staff_id=pso.pk, reason="Back")
    assert SupportingOfficer.objects.filter(person=person).count() == 2
    assert again.is_active


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("responsible", "is the responsible officer"),
        ("twice", "is already a supporting officer"),
        ("admin_grade", "cannot hold cases"),
        ("no_reason", "Enter the reason"),
    ],
)
def test_invalid_supporting_officers_are_refused(spo_user, officer_user, setup, message):
    person = _case(officer_user, "high")
    staff = StaffFactory(team=officer_user.staff.team, grade="PSO")
    reason = "Support"
    if setup == "responsible":
        staff = officer_user.staff
    elif setup == "twice":
        supporting_officer_add(actor=spo_user, crn=person.crn, staff_id=staff.pk, reason=reason)
    elif setup == "admin_grade":
        staff = StaffFactory(team=officer_user.staff.team, grade="CA")
    else:
        reason = " "
    before = _state()

    with pytest.raises(ServiceError, match=message):
        supporting_officer_add(actor=spo_user, crn=person.crn, staff_id=staff.pk, reason=reason)

    assert _state() == before


def test_supporting_officers_need_allocate_permission_in_the_pdu(officer_user):
    person = _case(officer_user, "high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")

    with pytest.raises(PermissionDenied):
        supporting_officer_add(actor=officer_user, crn=person.crn, staff_id=pso.pk, reason="x")
    with pytest.raises(PermissionDenied):
        supporting_officer_add(
            actor=UserFactory(role=Role.SENIOR_PO), crn=person.crn, staff_id=pso.pk, reason="x"
        )
    with pytest.raises(NotFound):
        supporting_officer_end(actor=UserFactory(role=Role.SENIOR_PO), crn="Z999999", supporting_officer_id=1)

    assert (SupportingOfficer.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_the_supporting_officer_page_adds_and_ends_and_the_allocation_page_shows_history(
    client, spo_user, officer_user
):
    person = _case(officer_user, "high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")
    url = reverse("people:supporting-officers", args=[person.crn])
    client.force_login(spo_user)

    assert client.get(url).status_code == 200
    assert client.post(url, {"staff": pso.pk, "reason": "Practical support"}).status_code == 302
    supporting = SupportingOfficer.objects.get()
    assert client.post(url, {"end": supporting.pk}).status_code == 302

    page = client.get(reverse("people:case-allocation", args=[person.crn])).content.decode()
    assert "Supporting officers" in page
    assert "Practical support" in page
    assert "End support" not in page  # ended: history only


@pytest.mark.parametrize("user_kind", ["practitioner", "outside_pdu", "partner"])
def test_the_supporting_officer_page_is_not_found_without_allocate_permission(
    client, officer_user, user_kind
):
    person = _case(officer_user, "high")
    users = {
        "practitioner": officer_user,
        "outside_pdu": UserFactory(role=Role.SENIOR_PO),
        "partner": UserFactory(role=Role.PARTNER, staff=None),
    }
    client.force_login(users[user_kind])
    url = reverse("people:supporting-officers", args=[person.crn])

    assert client.get(url).status_code == 404
    assert client.post(url, {"staff": officer_user.staff.pk, "reason": "x"}).status_code == 404
    assert SupportingOfficer.objects.count() == 0


# --- RoSH on caseloads ----------------------------------------------------------------------------


def test_my_cases_shows_the_rosh_level_as_a_tag(client, officer_user):
    PersonFactory(officer=officer_user.staff, rosh_level="very_high", surname="Able")
    PersonFactory(officer=officer_user.staff, rosh_level="", surname="Baker")
    client.force_login(officer_user)

    page = client.get(reverse("people:caseload")).content.decode()

    assert '<strong class="govuk-tag govuk-tag--red">Very high</strong>' in page
    assert "Not assessed" in page


def test_caseload_query_count_is_constant_with_rosh(client, officer_user):
    client.force_login(officer_user)
    client.get(reverse("people:caseload"))
    for level in ("high", "low"):
        AddressFactory(person=PersonFactory(officer=officer_user.staff, rosh_level=level))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:caseload"))
    for _ in range(10):
        AddressFactory(person=PersonFactory(officer=officer_user.staff, rosh_level="medium"))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("people:caseload"))

    assert len(many) == len(few) <= 10


# --- Limited access -------------------------------------------------------------------------------


@pytest.fixture
def excluded_po(officer_user):
    """A PO in the team who is on the case's exclusion list."""
    person = PersonFactory(officer=officer_user.staff, has_exclusions=True)
    po = StaffFactory(team=officer_user.staff.team, grade="PO", forename="Ed", surname="Excluded")
    Exclusion.objects.create(person=person, user=UserFactory(staff=po), added_by=officer_user)
    return person, po


def test_a_case_cannot_be_allocated_to_an_officer_excluded_from_it(
    client, spo_user, officer_user, excluded_po
):
    person, po = excluded_po
    before = _state()
    client.force_login(spo_user)

    response = client.post(
        reverse("people:allocate", args=[person.crn]),
        {"officer": po.pk, "reason": "workload", "decision_reason": "Most capacity"},
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "Ed Excluded is excluded from this case and cannot be allocated it" in response.content.decode()
    assert _state() == before


def test_an_officer_excluded_from_a_case_cannot_support_it(spo_user, excluded_po):
    person, po = excluded_po
    before = _state()

    with pytest.raises(ServiceError) as refused:
        supporting_officer_add(actor=spo_user, crn=person.crn, staff_id=po.pk, reason="Cover")

    assert refused.value.field == "staff"
    assert _state() == before


def test_the_allocation_page_title_is_plain_text(client, spo_user, officer_user):
    person = _case(officer_user, "high")
    pso = StaffFactory(team=officer_user.staff.team, grade="PSO")
    client.force_login(spo_user)
    client.post(
        reverse("people:supporting-officers", args=[person.crn]), {"staff": pso.pk, "reason": "Support"}
    )

    page = client.get(reverse("people:case-allocation", args=[person.crn])).content.decode()

    title = " ".join(page.split("<title>", 1)[1].split("</title>", 1)[0].split())
    assert title == f"Allocation – {person.full_name} ({person.crn}) – Manage a probation case"
