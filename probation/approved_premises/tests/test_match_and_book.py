"""Matching and booking: search by sex, type, characteristics and distance; shortfalls night by
night; two people booking the last bed for overlapping nights — one wins, the other is told."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import Assessment, PlacementRequest, SpaceBooking
from probation.approved_premises.selectors.matching import Search, premises_matching
from probation.approved_premises.services.assessments import assessment_accept
from probation.approved_premises.services.bookings import space_booking_create
from probation.approved_premises.tests.factories import BedFactory, booking, premises_with_beds
from probation.approved_premises.tests.helpers import licence_case, submitted_application
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def accepted(officer_user, person, cru, *, criteria=(), days=40, stay=84):
    submitted_application(officer_user, person, days_to_arrival=days)
    assessment = Assessment.objects.get(application__person=person)
    return assessment_accept(
        actor=cru,
        assessment_id=assessment.pk,
        expected_version=assessment.version,
        criteria=list(criteria),
        stay_days=stay,
    )


@pytest.fixture
def cru():
    return UserFactory(role=Role.AP_CRU, staff=None, username="cru")


def _search(**kw):
    base = {
        "sex": "M",
        "ap_type": "standard",
        "district": "M14",
        "criteria": (),
        "arrival": TODAY,
        "departure": TODAY + dt.timedelta(days=3),
    }
    return Search(**(base | kw))


def test_search_filters_by_sex_type_and_characteristics_nearest_first():
    leeds = premises_with_beds(2, name="Leeds House", postcode_district="LS6", characteristics=["catered"])
    manchester = premises_with_beds(
        2, name="Manchester House", postcode_district="M1", characteristics=["catered"]
    )
    premises_with_beds(2, name="Women's House", sex="F", characteristics=["catered"])
    premises_with_beds(2, name="PIPE House", ap_type="pipe", characteristics=["catered"])
    premises_with_beds(2, name="Uncatered House")
    BedFactory(premises=leeds, characteristics=["single", "wheelchair"])

    assert [m.premises.name for m in premises_matching(_search(criteria=("catered",)), today=TODAY)] == [
        "Manchester House",
        "Leeds House",
    ]
    wheelchair = premises_matching(_search(criteria=("catered", "wheelchair")), today=TODAY)
    assert [m.premises for m in wheelchair] == [leeds]
    assert manchester  # matched above, nearest first


def test_a_full_premises_shows_its_shortfall_night_by_night_and_comes_after_those_with_room():
    full = premises_with_beds(1, name="Full House", postcode_district="M14")
    premises_with_beds(1, name="Far House", postcode_district="LS6")
    booking(PersonFactory(), full, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=2))
    booking(PersonFactory(), full, TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=5))

    matches = premises_matching(_search(), today=TODAY)

    assert [m.premises.name for m in matches] == ["Far House", "Full House"]
    assert [(n.day, n.available) for n in matches[1].capacity.shortfall_nights] == [
        (TODAY + dt.timedelta(days=1), -1),
        (TODAY + dt.timedelta(days=2), 0),
    ]


def test_the_cru_books_a_space_from_the_search(client, officer_user, cru):
    person = licence_case(officer_user)
    placement = accepted(officer_user, person, cru, criteria=["catered"])
    premises = premises_with_beds(1, name="Ashby House", postcode_district="M14", characteristics=["catered"])
    client.force_login(cru)

    page = client.get(reverse("approved_premises:match", args=[person.crn, placement.pk]))
    assert [r.name for r in page.context["rows"]] == ["Ashby House"]
    response = client.post(
        reverse("approved_premises:book", args=[person.crn, placement.pk]), {"premises": premises.pk}
    )

    assert response.status_code == 302
    made = SpaceBooking.objects.get()
    assert (made.premises, made.arrival_on, made.departure_on) == (
        premises,
        placement.arrival_on,
        placement.departure_on,
    )
    placement.refresh_from_db()
    assert placement.status == "booked"


def test_two_people_booking_the_last_bed_for_overlapping_nights_one_wins_the_other_is_told(
    client, officer_user, cru
):
    first, second = licence_case(officer_user), licence_case(officer_user)
    one = accepted(officer_user, first, cru, days=40, stay=30)
    two = accepted(officer_user, second, cru, days=50, stay=30)  # overlaps the first by 20 nights
    premises = premises_with_beds(1, name="Last Bed House")
    other = UserFactory(role=Role.AP_CRU, staff=None, username="cru2")
    client.force_login(cru)
    client.get(reverse("approved_premises:match", args=[first.crn, one.pk]))  # both see the bed free
    second_client = client.__class__()
    second_client.force_login(other)
    assert (
        second_client.get(reverse("approved_premises:match", args=[second.crn, two.pk]))
        .context["rows"][0]
        .fits
    )

    won = client.post(reverse("approved_premises:book", args=[first.crn, one.pk]), {"premises": premises.pk})
    lost = second_client.post(
        reverse("approved_premises:book", args=[second.crn, two.pk]), {"premises": premises.pk}
    )

    assert won.status_code == 302
    assert lost.status_code == 409
    assert "There is no bed free at Last Bed House" in lost.content.decode()
    assert "someone may have just booked the last bed" in lost.content.decode()
    assert list(SpaceBooking.objects.values_list("person", flat=True)) == [first.pk]
    assert PlacementRequest.objects.get(pk=two.pk).status == "awaiting_match"


def test_a_placement_request_is_booked_only_once(officer_user, cru):
    person = licence_case(officer_user)
    placement = accepted(officer_user, person, cru)
    premises = premises_with_beds(3)
    space_booking_create(actor=cru, placement_id=placement.pk, premises_id=premises.pk)
    with pytest.raises(ServiceError, match="already been booked"):
        space_booking_create(actor=cru, placement_id=placement.pk, premises_id=premises.pk)
    assert SpaceBooking.objects.count() == 1


def test_a_mens_placement_cannot_be_booked_at_a_womens_premises(officer_user, cru):
    person = licence_case(officer_user)
    placement = accepted(officer_user, person, cru)
    women = premises_with_beds(3, sex="F")
    with pytest.raises(ServiceError, match="does not take people of this sex"):
        space_booking_create(actor=cru, placement_id=placement.pk, premises_id=women.pk)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks")
def test_on_postgresql_the_booking_locks_the_premises_row_before_counting_capacity(officer_user, cru):
    """Two bookings at one premises are made one at a time: the premises row is locked (FOR UPDATE)
    before the nights are counted, so the second waits for the first to commit and then counts its
    booking. (A test with two real transactions would need the test database flushed afterwards,
    which the append-only audit forbids.)"""
    person = licence_case(officer_user)
    placement = accepted(officer_user, person, cru)
    premises = premises_with_beds(1)

    with CaptureQueriesContext(connection) as captured:
        space_booking_create(actor=cru, placement_id=placement.pk, premises_id=premises.pk)

    sql = [q["sql"] for q in captured.captured_queries]
    lock = next(i for i, q in enumerate(sql) if '"approved_premises_premises"' in q and "FOR UPDATE" in q)
    count = next(i for i, q in enumerate(sql) if 'FROM "approved_premises_spacebooking"' in q)
    placement_lock = next(
        i for i, q in enumerate(sql) if '"approved_premises_placementrequest"' in q and "FOR UPDATE" in q
    )
    assert placement_lock < lock < count
