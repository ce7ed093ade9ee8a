import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from probation.accounts.models import Role
from probation.accounts.tests.factories import RegionFactory, StaffFactory, UserFactory
from probation.approved_premises.models import (
    AssessorQualification,
    Bed,
    OutOfServiceBed,
    Premises,
    PremisesStaffMember,
    SpaceBooking,
)


def _user(**kwargs: Any) -> Any:
    return UserFactory(**kwargs)


class PremisesFactory(DjangoModelFactory):
    class Meta:
        model = Premises

    code = factory.Sequence(lambda n: f"AP{n:04d}")
    name = factory.Sequence(lambda n: f"Test House {n}")
    ap_type = "standard"
    sex = "M"
    region = factory.SubFactory(RegionFactory)
    address = "1 High Street"
    postcode = "M14 5AB"
    postcode_district = "M14"
    characteristics = factory.LazyFunction(list)


class BedFactory(DjangoModelFactory):
    class Meta:
        model = Bed

    premises = factory.SubFactory(PremisesFactory)
    code = factory.Sequence(lambda n: f"B{n:03d}")
    room = factory.Sequence(lambda n: f"Room {n}")
    characteristics = factory.LazyFunction(lambda: ["single"])


def premises_with_beds(n: int, **kwargs: object) -> Any:
    premises: Any = PremisesFactory(**kwargs)
    for _ in range(n):
        BedFactory(premises=premises)
    return premises


def out_of_service(
    bed: Bed, starts_on: dt.date, ends_on: dt.date, reason: str = "refurbishment"
) -> OutOfServiceBed:
    return OutOfServiceBed.objects.create(
        bed=bed,
        premises=bed.premises,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=_user(role=Role.AP_CRU),
        created_at=timezone.now(),
    )


def ap_staff_at(premises: Premises, username: str = "") -> Any:
    staff: Any = StaffFactory(grade="AP")
    PremisesStaffMember.objects.create(staff=staff, premises=premises)
    kwargs = {"username": username} if username else {}
    return UserFactory(role=Role.AP_STAFF, staff=staff, **kwargs)


def assessor(*qualifications: str, username: str = "") -> Any:
    kwargs = {"username": username} if username else {}
    user: Any = UserFactory(role=Role.AP_ASSESSOR, staff=None, **kwargs)
    for q in qualifications:
        AssessorQualification.objects.create(user=user, qualification=q)
    return user


def booking(
    person: Any, premises: Premises, arrival_on: dt.date, departure_on: dt.date, **kw: Any
) -> SpaceBooking:
    return SpaceBooking.objects.create(
        person=person,
        premises=premises,
        arrival_on=arrival_on,
        departure_on=departure_on,
        created_by=kw.pop("created_by", None) or _user(role=Role.AP_CRU),
        **kw,
    )
