"""The estate: premises with beds, beds out of service (a bed on hold releases itself), and who may
change them."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import OutOfServiceBed
from probation.approved_premises.selectors.estate import capacity_for
from probation.approved_premises.tests.factories import (
    ap_staff_at,
    booking,
    out_of_service,
    premises_with_beds,
)
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def test_the_estate_lists_each_premises_with_its_beds(client):
    first = premises_with_beds(3, name="Ashby House")  # the list is by region, then name
    premises_with_beds(2, name="Beacon Lodge", sex="F", region=first.region)
    client.force_login(UserFactory(role=Role.AP_CRU, staff=None))

    response = client.get(reverse("approved_premises:premises-list"))

    assert response.status_code == 200
    assert [(r.name, r.sex, r.beds) for r in response.context["rows"]] == [
        ("Ashby House", "Men", 3),
        ("Beacon Lodge", "Women", 2),
    ]
    assert "2 premises with 5 beds" in response.content.decode()


def test_the_estate_list_takes_the_same_queries_whatever_its_size(client, django_assert_num_queries):
    client.force_login(UserFactory(role=Role.AP_CRU, staff=None))
    premises_with_beds(2)
    client.get(reverse("approved_premises:premises-list"))  # warm the session
    with django_assert_num_queries(3) as few:
        client.get(reverse("approved_premises:premises-list"))
    for _ in range(5):
        premises_with_beds(2)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("approved_premises:premises-list"))


def test_ap_staff_mark_a_bed_of_their_premises_out_of_service(client):
    premises = premises_with_beds(2)
    bed = premises.beds.first()
    client.force_login(ap_staff_at(premises))
    later = TODAY + dt.timedelta(days=3)

    response = client.post(
        reverse("approved_premises:out-of-service-create", args=[premises.pk]),
        {
            "bed": bed.pk,
            "reason": "flood_fire",
            "starts_on_0": TODAY.day, "starts_on_1": TODAY.month, "starts_on_2": TODAY.year,
            "ends_on_0": later.day, "ends_on_1": later.month, "ends_on_2": later.year,
        },
    )  # fmt: skip

    assert response.status_code == 302
    record = OutOfServiceBed.objects.get()
    assert (record.bed, record.reason, record.starts_on, record.ends_on) == (bed, "flood_fire", TODAY, later)
    page = client.get(reverse("approved_premises:premises-detail", args=[premises.pk])).content.decode()
    assert "Flood or fire" in page


def test_an_end_before_the_start_is_refused_and_nothing_is_saved(client):
    premises = premises_with_beds(1)
    client.force_login(ap_staff_at(premises))
    response = client.post(
        reverse("approved_premises:out-of-service-create", args=[premises.pk]),
        {
            "bed": premises.beds.first().pk, "reason": "incident",
            "starts_on_0": "10", "starts_on_1": "12", "starts_on_2": "2030",
            "ends_on_0": "9", "ends_on_1": "12", "ends_on_2": "2030",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "The end date must be the same as or after the start date" in response.content.decode()
    assert not OutOfServiceBed.objects.exists()


def test_ap_staff_of_another_premises_cannot_change_these_beds(client):
    premises = premises_with_beds(1)
    client.force_login(ap_staff_at(premises_with_beds(1)))
    url = reverse("approved_premises:out-of-service-create", args=[premises.pk])
    assert client.get(url).status_code == 404
    client.post(url, {"bed": premises.beds.first().pk, "reason": "incident"})
    assert not OutOfServiceBed.objects.exists()


def test_a_bed_on_hold_releases_itself_after_its_start_date():
    premises = premises_with_beds(1)
    bed = premises.beds.get()
    yesterday = TODAY - dt.timedelta(days=1)
    out_of_service(bed, yesterday, TODAY + dt.timedelta(days=10), reason="bed_on_hold")

    capacity = capacity_for([premises], arrival=TODAY, departure=TODAY + dt.timedelta(days=2), today=TODAY)

    assert [n.available for n in capacity[premises.pk].nights] == [1, 1]


def test_a_hold_starting_today_still_holds_the_bed():
    premises = premises_with_beds(1)
    out_of_service(premises.beds.get(), TODAY, TODAY + dt.timedelta(days=1), reason="bed_on_hold")
    capacity = capacity_for([premises], arrival=TODAY, departure=TODAY + dt.timedelta(days=3), today=TODAY)
    assert [n.available for n in capacity[premises.pk].nights] == [0, 0, 1]


def test_capacity_counts_bookings_and_beds_out_of_service_per_night():
    premises = premises_with_beds(2)
    booking(PersonFactory(), premises, TODAY, TODAY + dt.timedelta(days=2))
    out_of_service(premises.beds.first(), TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=1))

    capacity = capacity_for([premises], arrival=TODAY, departure=TODAY + dt.timedelta(days=3), today=TODAY)

    assert [n.available for n in capacity[premises.pk].nights] == [1, 0, 2]
    assert [n.day for n in capacity[premises.pk].shortfall_nights] == [TODAY + dt.timedelta(days=1)]
