import datetime as dt
from random import Random

import pytest
from django.db.models import Count

from probation.accounts.models import Region, Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import (
    Application,
    AssessorQualification,
    Bed,
    OutOfServiceBed,
    Premises,
    SpaceBooking,
)
from probation.demo.approved_premises.generate import STATES, generate_estate, generate_stays
from probation.demo.people.places import REGIONS
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def test_the_national_estate_is_about_a_hundred_premises_and_2300_beds():
    Region.objects.bulk_create(Region(code=r.code, name=r.name) for r in REGIONS)
    UserFactory(role=Role.SYSTEM_ADMIN, staff=None)

    result = generate_estate(rng=Random(42), today=TODAY, log=lambda _: None)

    assert 90 <= result.premises <= 110
    assert 2000 <= Bed.objects.count() <= 2700
    assert set(Premises.objects.values_list("region__code", flat=True)) == {r.code for r in REGIONS}
    assert set(Premises.objects.values_list("sex", flat=True)) == {"M", "F"}
    assert Premises.objects.values("ap_type").distinct().count() == 5
    assert OutOfServiceBed.objects.filter(reason="bed_on_hold").count() == 6
    assert AssessorQualification.objects.filter(user__username="ap-assessor").count() == 6
    assert generate_estate(rng=Random(42), today=TODAY, log=lambda _: None).premises == 0


def test_applications_and_stays_in_every_state():
    Region.objects.bulk_create(Region(code=r.code, name=r.name) for r in REGIONS)
    UserFactory(role=Role.SYSTEM_ADMIN, staff=None)
    generate_estate(rng=Random(1), today=TODAY, log=lambda _: None)
    UserFactory(username="po")
    for _ in range(len(STATES)):
        PersonFactory(rosh_level="high", tier="B2")

    made = generate_stays(rng=Random(1), today=TODAY, log=lambda _: None)

    assert made == len(STATES)
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {"draft", "expired", "submitted", "info_requested", "rejected", "accepted"}
    bookings = dict(SpaceBooking.objects.values_list("status").annotate(n=Count("pk")))
    assert set(bookings) == {"upcoming", "arrived", "departed", "not_arrived", "cancelled"}


def test_booking_changes_and_information_requests():
    from probation.approved_premises.models import BookingChange, InformationRequest
    from probation.demo.approved_premises.generate import generate_changes

    Region.objects.bulk_create(Region(code=r.code, name=r.name) for r in REGIONS)
    UserFactory(role=Role.SYSTEM_ADMIN, staff=None)
    generate_estate(rng=Random(1), today=TODAY, log=lambda _: None)
    UserFactory(username="po")
    for _ in range(3 * len(STATES)):
        PersonFactory(rosh_level="high", tier="B2")
    generate_stays(rng=Random(1), today=TODAY, log=lambda _: None)

    made = generate_changes(rng=Random(1), today=TODAY, log=lambda _: None)

    assert made > 0
    kinds = set(BookingChange.objects.values_list("kind", flat=True))
    assert {"cancelled", "extension", "transfer_out", "transfer_in", "dates"} <= kinds
    assert InformationRequest.objects.filter(answered_at__isnull=True).exists()
    assert InformationRequest.objects.filter(answered_at__isnull=False).exists()
    assert generate_changes(rng=Random(1), today=TODAY, log=lambda _: None) == 0
