"""The premises' day: who is expected, who is due to leave, who is resident (AP staff of the premises
or the CRU), each person through the case policy (limited access applies)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from probation.accounts.models import Staff, User
from probation.approved_premises.models import BookingStatus, Premises, SpaceBooking
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
