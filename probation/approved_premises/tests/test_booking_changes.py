"""Changing a booking: new dates, an extension approved by someone else, planned and emergency
transfers, cancellation; each refused without capacity, each shown in the booking's history, and two
people changing the same booking: one wins, the other is told."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import BookingChange, SpaceBooking
from probation.approved_premises.services import changes
from probation.approved_premises.tests.factories import ap_staff_at, booking, premises_with_beds
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _d(days):
    return TODAY + dt.timedelta(days=days)


@pytest.fixture
def here():
    return premises_with_beds(1, name="Ashby House")


@pytest.fixture
def cru():
    return UserFactory(role=Role.AP_CRU, staff=None, username="cru1")


@pytest.fixture
def staff(here):
    return ap_staff_at(here, username="apstaff")


@pytest.fixture
def stay(here):
    return booking(PersonFactory(), here, _d(-10), _d(20), status="arrived", arrived_at=None)


def test_an_upcoming_booking_moves_when_every_new_night_has_a_bed(here, cru):
    made = booking(PersonFactory(), here, _d(5), _d(15))
    booking(PersonFactory(), here, _d(20), _d(30))  # the only bed is taken from day 20

    with pytest.raises(ServiceError, match="no bed free at Ashby House on"):
        changes.booking_change_dates(
            actor=cru, booking_id=made.pk, expected_version=1, arrival_on=_d(12), departure_on=_d(22)
        )
    changes.booking_change_dates(
        actor=cru, booking_id=made.pk, expected_version=1, arrival_on=_d(8), departure_on=_d(18)
    )

    made.refresh_from_db()
    assert (made.arrival_on, made.departure_on, made.version) == (_d(8), _d(18), 2)
    change = BookingChange.objects.get(booking=made)
    assert (change.kind, change.old_arrival_on, change.new_arrival_on) == ("dates", _d(5), _d(8))


def test_a_longer_stay_is_not_a_change_of_dates_but_an_extension(here, cru):
    made = booking(PersonFactory(), here, _d(5), _d(15))
    with pytest.raises(ServiceError, match="extension"):
        changes.booking_change_dates(
            actor=cru, booking_id=made.pk, expected_version=1, arrival_on=_d(5), departure_on=_d(16)
        )


def test_an_extension_is_asked_for_then_approved_by_someone_else(here, staff, cru, stay):
    request = changes.booking_extension_request(
        actor=staff, booking_id=stay.pk, expected_version=1, departure_on=_d(40), reason="Move-on not ready"
    )
    stay.refresh_from_db()
    assert stay.departure_on == _d(20)  # not until approved

    with pytest.raises(NotFound):  # AP staff may not approve
        changes.booking_extension_decide(actor=staff, booking_id=stay.pk, expected_version=2, approve=True)
    changes.booking_extension_decide(actor=cru, booking_id=stay.pk, expected_version=2, approve=True)

    stay.refresh_from_db()
    request.refresh_from_db()
    assert stay.departure_on == _d(40)
    assert (request.decision, request.decided_by) == ("approved", cru)


def test_whoever_asked_for_an_extension_cannot_approve_it(here, cru, stay):
    changes.booking_extension_request(
        actor=cru, booking_id=stay.pk, expected_version=1, departure_on=_d(40), reason="Parole review"
    )
    with pytest.raises(ServiceError, match="Someone other than"):
        changes.booking_extension_decide(actor=cru, booking_id=stay.pk, expected_version=2, approve=True)


def test_an_extension_is_refused_when_the_extra_nights_have_no_bed(here, staff, cru, stay):
    request = changes.booking_extension_request(
        actor=staff, booking_id=stay.pk, expected_version=1, departure_on=_d(40), reason="Move-on not ready"
    )
    booking(PersonFactory(), here, _d(25), _d(35))  # booked meanwhile

    with pytest.raises(ServiceError, match="no bed free"):
        changes.booking_extension_decide(actor=cru, booking_id=stay.pk, expected_version=2, approve=True)
    changes.booking_extension_decide(
        actor=cru, booking_id=stay.pk, expected_version=2, approve=False, notes="No bed"
    )
    request.refresh_from_db()
    assert request.decision == "refused"


def test_an_extension_without_a_bed_is_refused_when_asked_for(here, staff, stay):
    booking(PersonFactory(), here, _d(25), _d(35))
    with pytest.raises(ServiceError, match="no bed free at Ashby House on"):
        changes.booking_extension_request(
            actor=staff, booking_id=stay.pk, expected_version=1, departure_on=_d(30), reason="x"
        )
    assert not BookingChange.objects.exists()


def test_two_people_changing_the_same_booking_one_wins_the_other_is_told(here, staff, cru, stay):
    changes.booking_change_dates(
        actor=staff, booking_id=stay.pk, expected_version=1, arrival_on=_d(-10), departure_on=_d(15)
    )
    with pytest.raises(ConflictError):
        changes.booking_extension_request(
            actor=cru, booking_id=stay.pk, expected_version=1, departure_on=_d(30), reason="x"
        )
    assert not BookingChange.objects.filter(kind="extension").exists()


def test_an_emergency_transfer_moves_the_resident_today(here, staff, stay):
    there = premises_with_beds(1, name="Beacon Lodge")

    moved = changes.booking_transfer(
        actor=staff,
        booking_id=stay.pk,
        expected_version=1,
        kind="emergency",
        to_premises_id=there.pk,
        on=_d(3),
        reason="risk_to_resident",
    )

    stay.refresh_from_db()
    assert (stay.status, stay.departure_on, stay.move_on_category) == ("departed", TODAY, "other_ap")
    assert (moved.premises, moved.arrival_on, moved.departure_on, moved.status) == (
        there,
        TODAY,
        _d(20),
        "upcoming",
    )
    assert list(BookingChange.objects.values_list("kind", "other_booking")) == [
        ("transfer_out", moved.pk),
        ("transfer_in", stay.pk),
    ]


def test_a_planned_transfer_is_the_crus_and_needs_a_bed_there(here, staff, cru, stay):
    there = premises_with_beds(1, name="Beacon Lodge")
    booking(PersonFactory(), there, _d(10), _d(12))
    common = {"booking_id": stay.pk, "expected_version": 1, "kind": "planned", "to_premises_id": there.pk}

    with pytest.raises(ServiceError, match="Central Referral Unit"):
        changes.booking_transfer(actor=staff, on=_d(5), reason="resettlement_area", **common)
    with pytest.raises(ServiceError, match="no bed free at Beacon Lodge on"):
        changes.booking_transfer(actor=cru, on=_d(5), reason="resettlement_area", **common)
    moved = changes.booking_transfer(actor=cru, on=_d(12), reason="resettlement_area", **common)

    stay.refresh_from_db()
    assert (stay.status, stay.departure_on) == ("arrived", _d(12))
    assert (moved.arrival_on, moved.departure_on) == (_d(12), _d(20))


def test_cancelling_frees_the_nights_and_the_placement_waits_for_another_match(here, cru, staff):
    made = booking(PersonFactory(), here, _d(5), _d(15))
    with pytest.raises(NotFound):  # AP staff do not cancel
        changes.booking_cancel(actor=staff, booking_id=made.pk, expected_version=1, reason="other", notes="x")
    with pytest.raises(ServiceError, match="details"):
        changes.booking_cancel(actor=cru, booking_id=made.pk, expected_version=1, reason="other")
    changes.booking_cancel(actor=cru, booking_id=made.pk, expected_version=1, reason="alternative_ap")

    made.refresh_from_db()
    assert (made.status, made.cancellation_reason) == ("cancelled", "alternative_ap")
    other = booking(PersonFactory(), here, _d(5), _d(15))  # the bed is free again
    assert other.pk
    assert AuditEvent.objects.filter(object_type="ap_space_booking", object_id=str(made.pk)).count() == 1


def test_the_booking_page_extends_and_shows_the_history(client, here, staff, cru, stay):
    url = reverse("approved_premises:booking", args=[here.pk, stay.pk])
    client.force_login(staff)
    new = _d(30)
    response = client.post(
        url,
        {
            "action": "extend",
            "extend-version": 1,
            "extend-departure_on_0": new.day,
            "extend-departure_on_1": new.month,
            "extend-departure_on_2": new.year,
            "extend-reason": "Move-on accommodation from next month",
        },
    )
    assert response.status_code == 302
    client.force_login(cru)
    page = client.get(url).content.decode()
    assert "Awaiting approval" in page
    assert "Approve or refuse the extension" in page

    response = client.post(
        url,
        {
            "action": "extension_decision",
            "extension_decision-version": 2,
            "extension_decision-decision": "approve",
        },
    )

    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Move-on accommodation from next month" in page
    assert "Approved" in page
    assert SpaceBooking.objects.get(pk=stay.pk).departure_on == new


def test_the_booking_page_tells_the_second_person_someone_else_changed_it(client, here, cru, stay):
    url = reverse("approved_premises:booking", args=[here.pk, stay.pk])
    changes.booking_change_dates(
        actor=cru, booking_id=stay.pk, expected_version=1, arrival_on=_d(-10), departure_on=_d(15)
    )
    client.force_login(cru)
    end = _d(12)
    response = client.post(
        url,
        {
            "action": "dates",
            "dates-version": 1,
            "dates-arrival_on_0": _d(-10).day,
            "dates-arrival_on_1": _d(-10).month,
            "dates-arrival_on_2": _d(-10).year,
            "dates-departure_on_0": end.day,
            "dates-departure_on_1": end.month,
            "dates-departure_on_2": end.year,
        },
    )
    assert response.status_code == 409
    assert "Someone else changed this booking" in response.content.decode()
    assert SpaceBooking.objects.get(pk=stay.pk).departure_on == _d(15)
