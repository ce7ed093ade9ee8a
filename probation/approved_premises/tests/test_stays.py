"""Running the premises: today's page, arrival (refused when resident elsewhere or before the
booking), non-arrival and departure reason codes, the key worker and key work as enforceable contacts."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.approved_premises.models import SpaceBooking
from probation.approved_premises.tests.factories import ap_staff_at, booking, premises_with_beds
from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import LicenceConditionFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def premises():
    return premises_with_beds(3, name="Ashby House")


@pytest.fixture
def staff_user(premises):
    return ap_staff_at(premises, username="apstaff")


def _date(prefix, day, time="10:00"):
    return {
        f"{prefix}-day_0": day.day,
        f"{prefix}-day_1": day.month,
        f"{prefix}-day_2": day.year,
        f"{prefix}-time": time,
    }


def _post(client, premises, made, action, data):
    url = reverse("approved_premises:booking", args=[premises.pk, made.pk])
    return client.post(url, {"action": action, **data})


def test_today_lists_expected_arrivals_departures_due_and_residents(
    client, premises, staff_user, django_assert_num_queries
):
    due = booking(PersonFactory(surname="Arriving"), premises, TODAY, TODAY + dt.timedelta(days=84))
    leaving = booking(
        PersonFactory(surname="Leaving"), premises, TODAY - dt.timedelta(days=84), TODAY, status="arrived"
    )
    staying = booking(
        PersonFactory(surname="Staying"), premises, YESTERDAY, TODAY + dt.timedelta(days=30), status="arrived"
    )
    booking(
        PersonFactory(surname="Later"), premises, TODAY + dt.timedelta(days=3), TODAY + dt.timedelta(days=30)
    )
    client.force_login(staff_user)

    response = client.get(reverse("approved_premises:premises-today", args=[premises.pk]))

    day = response.context["day"]
    assert [b.pk for b in day.arrivals] == [due.pk]
    assert [b.pk for b in day.departures] == [leaving.pk]
    assert {b.pk for b in day.residents} == {leaving.pk, staying.pk}
    url = reverse("approved_premises:premises-today", args=[premises.pk])
    before = len(_queries(client, url))
    for _ in range(4):
        booking(PersonFactory(), premises, YESTERDAY, TODAY + dt.timedelta(days=9), status="arrived")
    with django_assert_num_queries(before):
        client.get(url)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return captured.captured_queries


def test_arrival_is_recorded(client, premises, staff_user):
    made = booking(PersonFactory(), premises, TODAY, TODAY + dt.timedelta(days=84))
    client.force_login(staff_user)
    response = _post(client, premises, made, "arrive", _date("arrive", TODAY, "00:01"))
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == "arrived"


def test_arrival_before_the_booking_is_refused(client, premises, staff_user):
    made = booking(PersonFactory(), premises, TODAY, TODAY + dt.timedelta(days=84))
    client.force_login(staff_user)
    response = _post(client, premises, made, "arrive", _date("arrive", YESTERDAY))
    assert "The arrival date cannot be before the booking" in response.content.decode()
    made.refresh_from_db()
    assert made.status == "upcoming"


def test_arrival_is_refused_when_the_person_is_resident_elsewhere(client, premises, staff_user):
    person = PersonFactory()
    booking(
        person,
        premises_with_beds(1, name="Beacon Lodge"),
        YESTERDAY,
        TODAY + dt.timedelta(days=5),
        status="arrived",
    )
    made = booking(person, premises, TODAY, TODAY + dt.timedelta(days=84))
    client.force_login(staff_user)

    response = _post(client, premises, made, "arrive", _date("arrive", TODAY, "00:01"))

    assert "already resident at Beacon Lodge" in response.content.decode()
    made.refresh_from_db()
    assert made.status == "upcoming"


def test_non_arrival_and_departure_keep_their_reason_codes(client, premises, staff_user):
    missing = booking(PersonFactory(), premises, YESTERDAY, TODAY + dt.timedelta(days=84))
    resident = booking(PersonFactory(), premises, YESTERDAY, TODAY + dt.timedelta(days=84), status="arrived")
    SpaceBooking.objects.filter(pk=resident.pk).update(
        arrived_at=dt.datetime.combine(YESTERDAY, dt.time(9), tzinfo=dt.UTC)
    )
    client.force_login(staff_user)

    _post(
        client, premises, missing, "non_arrival", {"non_arrival-reason": "4I", **_date("non_arrival", TODAY)}
    )
    _post(
        client, premises, resident, "depart",
        {**_date("depart", TODAY, "00:01"), "depart-reason": "F", "depart-move_on": "MC19"},
    )  # fmt: skip

    missing.refresh_from_db()
    resident.refresh_from_db()
    assert (missing.status, missing.non_arrival_reason) == ("not_arrived", "4I")
    assert (resident.status, resident.departure_reason, resident.move_on_category) == (
        "departed",
        "F",
        "MC19",
    )


def test_a_departure_before_the_arrival_is_refused(client, premises, staff_user):
    resident = booking(PersonFactory(), premises, YESTERDAY, TODAY + dt.timedelta(days=84), status="arrived")
    SpaceBooking.objects.filter(pk=resident.pk).update(
        arrived_at=dt.datetime.combine(TODAY, dt.time(0, 30), tzinfo=dt.UTC)
    )
    client.force_login(staff_user)
    response = _post(
        client, premises, resident, "depart",
        {**_date("depart", YESTERDAY), "depart-reason": "O", "depart-move_on": "MC06"},
    )  # fmt: skip
    assert "The departure cannot be before the arrival" in response.content.decode()
    resident.refresh_from_db()
    assert resident.status == "arrived"


def test_key_work_is_an_enforceable_contact_with_the_key_worker(client, premises, staff_user):
    person = PersonFactory()
    condition = LicenceConditionFactory(
        licence__sentence__event__person=person,
        licence__sentence__person=person,
        category="approved_premises_residence",
    )
    resident = booking(person, premises, YESTERDAY, TODAY + dt.timedelta(days=84), status="arrived")
    client.force_login(staff_user)

    _post(client, premises, resident, "key_worker", {"key_worker-staff": staff_user.staff.pk})
    later = TODAY + dt.timedelta(days=2)
    _post(client, premises, resident, "key_work", _date("key_work", later, "14:00"))

    contact = Contact.objects.get(person=person)
    assert (contact.type, contact.officer, contact.licence_condition) == (
        "approved_premises_key_worker_session",
        staff_user.staff,
        condition,
    )
    assert Contact.objects.with_carries_out_requirement().get().carries_out_requirement is True
