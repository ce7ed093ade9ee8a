"""The premises' day: who is expected, who is due to leave, who is resident (AP staff of the premises
or the CRU), each person through the case policy (limited access applies)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, FilteredRelation, Q

from probation.accounts.models import Staff, User
from probation.approved_premises.models import BookingChange, BookingStatus, Premises, SignIn, SpaceBooking
from probation.core.errors import NotFound
from probation.people.policy import people_visible_to


@dataclass(frozen=True)
class PremisesDay:
    arrivals: list[SpaceBooking]
    departures: list[SpaceBooking]
    residents: list[SpaceBooking]


def premises_day(*, user: User, premises: Premises, today: dt.date) -> PremisesDay:
    """One query: bookings expected to arrive by today (not yet recorded) and every resident."""
    bookings = list(
        SpaceBooking.objects.filter(premises=premises, person__in=people_visible_to(user))
        .filter(Q(status=BookingStatus.UPCOMING, arrival_on__lte=today) | Q(status=BookingStatus.ARRIVED))
        .select_related("person", "key_worker")
        .order_by("arrival_on", "person__surname", "pk")
    )
    residents = [b for b in bookings if b.status == BookingStatus.ARRIVED]
    return PremisesDay(
        arrivals=[b for b in bookings if b.status == BookingStatus.UPCOMING],
        departures=[b for b in residents if b.departure_on <= today],
        residents=residents,
    )


def booking_get(*, user: User, premises: Premises, booking_id: int) -> SpaceBooking:
    found = (
        SpaceBooking.objects.filter(pk=booking_id, premises=premises, person__in=people_visible_to(user))
        .select_related("person", "key_worker", "premises")
        .first()
    )
    if found is None:
        raise NotFound(booking_id)
    return found


def premises_staff(premises: Premises) -> list[Staff]:
    return list(
        Staff.objects.filter(ap_posting__premises=premises, active=True).order_by("surname", "forename")
    )


@dataclass(frozen=True)
class RegisterRow:
    booking: SpaceBooking
    sign_in: SignIn | None


def night_register(*, user: User, premises: Premises, night: dt.date) -> list[RegisterRow]:
    """Residents that night with their sign-in, in one query: the night's sign-in (at most one,
    a unique constraint) joined on, and only the columns the register shows read."""
    residents = (
        SpaceBooking.objects.filter(
            premises=premises,
            person__in=people_visible_to(user),
            status=BookingStatus.ARRIVED,
            arrival_on__lte=night,
        )
        .annotate(
            tonight=FilteredRelation("sign_ins", condition=Q(sign_ins__night=night)),
            signed_id=F("tonight__id"),
            signed_at=F("tonight__signed_in_at"),
            signed_late=F("tonight__late"),
        )
        .select_related("person")
        .only("pk", "premises_id", "person__id", "person__crn", "person__first_name", "person__surname")
        .order_by("person__surname", "person__first_name", "pk")
    )
    return [
        RegisterRow(
            b,
            SignIn(pk=b.signed_id, booking=b, night=night, signed_in_at=b.signed_at, late=b.signed_late)
            if b.signed_id is not None
            else None,
        )
        for b in residents
    ]


def booking_history(booking: SpaceBooking) -> list[BookingChange]:
    """The booking's changes, oldest first, with who made and decided them and a transfer's other end."""
    return list(
        BookingChange.objects.filter(booking=booking)
        .select_related("by", "decided_by", "other_booking__premises")
        .order_by("at", "pk")
    )


def transfer_destinations(premises: Premises) -> list[tuple[int, str]]:
    """Every other premises taking people of the same sex, by name (with its region)."""
    return [
        (pk, f"{name} ({region})")
        for pk, name, region in Premises.objects.filter(sex=premises.sex)
        .exclude(pk=premises.pk)
        .order_by("name")
        .values_list("pk", "name", "region__name")
    ]
