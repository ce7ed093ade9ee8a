"""Addresses with history, and allocation/transfer with history and reasons."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory, TeamFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, PermissionDenied, ServiceError
from probation.people.models import Address, Allocation
from probation.people.services.address import address_create, address_update
from probation.people.services.allocation import allocation_create
from probation.people.tests.factories import AddressFactory, PersonFactory

pytestmark = pytest.mark.django_db

NEW_ADDRESS = {
    "status": "main",
    "address_type": "permanent",
    "address_number": "4",
    "street_name": "Mill Lane",
    "town_city": "Bradford",
    "postcode": "bd1 1aa",
    "start_date": dt.date(2025, 6, 1),
}


def test_a_new_main_address_moves_the_old_one_to_previous(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    old = AddressFactory(person=person, start_date=dt.date(2024, 1, 10))

    new = address_create(actor=officer_user, crn=person.crn, data=NEW_ADDRESS)

    old.refresh_from_db()
    assert (old.status, old.end_date, old.version) == ("previous", dt.date(2025, 6, 1), 2)
    assert (new.status, new.postcode) == ("main", "BD1 1AA")
    assert AuditEvent.objects.filter(action="create", object_type="address").count() == 1


def test_a_main_address_starting_before_the_current_one_is_refused(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    AddressFactory(person=person, start_date=dt.date(2025, 7, 1))

    with pytest.raises(ServiceError, match="must start on or after"):
        address_create(actor=officer_user, crn=person.crn, data=NEW_ADDRESS)

    assert Address.objects.filter(person=person).count() == 1


def test_no_fixed_abode_needs_no_address_lines(officer_user):
    person = PersonFactory(officer=officer_user.staff)

    address = address_create(
        actor=officer_user,
        crn=person.crn,
        data={
            "status": "main",
            "address_type": "nfa",
            "street_name": "ignored",
            "start_date": dt.date(2025, 1, 1),
        },
    )

    assert (address.street_name, address.postcode, str(address)) == ("", "", "No fixed abode")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postcode": "NOT A CODE"}, "postcode"),
        ({"postcode": ""}, "postcode"),
        ({"town_city": ""}, "town_city"),
        ({"address_number": "", "street_name": ""}, "street_name"),
        ({"start_date": dt.date(2099, 1, 1)}, "start_date"),
        ({"status": "previous"}, "end_date"),
        ({"status": "previous", "end_date": dt.date(2025, 1, 1)}, "end_date"),
    ],
)
def test_invalid_addresses_are_refused_naming_the_field(officer_user, change, field):
    person = PersonFactory(officer=officer_user.staff)

    with pytest.raises(ServiceError) as refused:
        address_create(actor=officer_user, crn=person.crn, data=NEW_ADDRESS | change)

    assert refused.value.field == field
    assert Address.objects.count() == 0


def test_editing_an_address_someone_else_changed_is_refused(officer_user, spo_user):
    person = PersonFactory(officer=officer_user.staff)
    address = AddressFactory(person=person)
    address_update(
        actor=spo_user,
        crn=person.crn,
        address_id=address.pk,
        expected_version=1,
        data={"telephone": "0113 496 0000"},
    )

    with pytest.raises(ConflictError) as refused:
        address_update(
            actor=officer_user,
            crn=person.crn,
            address_id=address.pk,
            expected_version=1,
            data={"postcode": "LS2 9JT"},
        )

    address.refresh_from_db()
    assert (address.postcode, address.telephone) == ("LS1 4AP", "0113 496 0000")
    assert [c.label for c in refused.value.changes] == ["Telephone"]


def test_allocation_keeps_history_and_updates_the_case(spo_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    Allocation.objects.create(
        person=person,
        team=person.team,
        officer=officer_user.staff,
        started_at="2025-01-01T09:00Z",
        reason="initial",
    )
    colleague = StaffFactory(team=spo_user.staff.team, grade="PSO")

    allocation_create(actor=spo_user, crn=person.crn, officer_id=colleague.pk, reason="workload")

    person.refresh_from_db()
    history = list(Allocation.objects.filter(person=person).order_by("started_at"))
    assert person.officer == colleague
    assert [a.officer for a in history] == [officer_user.staff, colleague]
    assert history[0].ended_at == history[1].started_at
    assert history[1].ended_at is None
    assert AuditEvent.objects.get(action="allocate").detail["reason"] == "workload"


def test_transfer_to_another_pdu_moves_the_case(spo_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    elsewhere = StaffFactory(team=TeamFactory(), grade="PO")

    allocation_create(actor=spo_user, crn=person.crn, officer_id=elsewhere.pk, reason="transfer_region")

    person.refresh_from_db()
    assert (person.team, person.pdu) == (elsewhere.team, elsewhere.team.pdu)


@pytest.mark.parametrize(
    ("grade", "reason", "notes", "message"),
    [
        ("CA", "workload", "", "cannot hold cases"),
        ("PO", "bogus", "", "Select a reason"),
        ("PO", "other", "  ", "Give details"),
    ],
)
def test_invalid_allocations_are_refused(spo_user, officer_user, grade, reason, notes, message):
    person = PersonFactory(officer=officer_user.staff)
    target = StaffFactory(team=spo_user.staff.team, grade=grade)

    with pytest.raises(ServiceError, match=message):
        allocation_create(actor=spo_user, crn=person.crn, officer_id=target.pk, reason=reason, notes=notes)

    assert Allocation.objects.count() == 0


def test_allocating_to_the_current_officer_is_refused(spo_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)

    with pytest.raises(ServiceError, match="already allocated"):
        allocation_create(actor=spo_user, crn=person.crn, officer_id=officer_user.staff.pk, reason="workload")


def test_a_practitioner_cannot_allocate(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    target = StaffFactory(team=officer_user.staff.team)

    with pytest.raises(PermissionDenied):
        allocation_create(actor=officer_user, crn=person.crn, officer_id=target.pk, reason="workload")
