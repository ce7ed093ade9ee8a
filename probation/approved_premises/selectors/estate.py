"""Reads of the estate: premises, beds, beds out of service, and capacity per night.

Capacity is counted by the pure rule (probation.rules.approved_premises.capacity) from three queries
for any number of premises: the premises, their active bed counts, and the live bookings and beds out
of service overlapping the stay."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from probation.accounts.models import Role, User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import LIVE, Bed, OutOfServiceBed, Premises, SpaceBooking
from probation.approved_premises.policy import premises_managed_by
from probation.core.errors import NotFound
from probation.rules.approved_premises.capacity import Night, capacity_by_night, hold_released


def premises_list(user: User) -> QuerySet[Premises]:
    """The estate, for anyone who may read it, with each premises' active bed count."""
    if not has_permission(user, Permission.AP_ESTATE_VIEW):
        return Premises.objects.none()
    return (
        Premises.objects.select_related("region")
        .annotate(bed_count=Count("beds", filter=Q(beds__active=True)))
        .order_by("region__name", "name")
    )


def premises_get(*, user: User, premises_id: int) -> Premises:
    found = premises_list(user).filter(pk=premises_id).first()
    if found is None:
        raise NotFound(premises_id)
    return found


def may_manage_premises(user: User, premises: Premises) -> bool:
    if not has_permission(user, Permission.AP_PREMISES_MANAGE):
        return False
    if user.role == Role.AP_CRU:  # the CRU keeps every premises' beds: no query to ask
        return True
    return premises_managed_by(user).filter(pk=premises.pk).exists()


def beds_of(premises: Premises) -> list[Bed]:
    return list(premises.beds.order_by("code"))


def out_of_service_of(premises: Premises, *, today: dt.date) -> list[OutOfServiceBed]:
    """Beds out of service now or later (ended ones are history), holds included with their state."""
    return list(
        OutOfServiceBed.objects.filter(premises=premises, cancelled_at__isnull=True, ends_on__gte=today)
        .select_related("bed")
        .order_by("starts_on", "pk")
    )


@dataclass(frozen=True)
class PremisesCapacity:
    premises: Premises
    nights: list[Night]

    @property
    def shortfall_nights(self) -> list[Night]:
        return [night for night in self.nights if night.available < 1]

    @property
    def fits(self) -> bool:
        return not self.shortfall_nights


def capacity_for(
    premises: list[Premises], *, arrival: dt.date, departure: dt.date, today: dt.date
) -> dict[int, PremisesCapacity]:
    """Capacity per night of each premises for the stay, in three queries whatever the count."""
    ids = [p.pk for p in premises]
    beds: dict[int, int] = dict(
        Bed.objects.filter(premises_id__in=ids, active=True)
        .values("premises_id")
        .annotate(n=Count("pk"))
        .values_list("premises_id", "n")
    )
    bookings: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for premises_id, arrives, departs in SpaceBooking.objects.filter(
        premises_id__in=ids, status__in=LIVE, arrival_on__lt=departure, departure_on__gt=arrival
    ).values_list("premises_id", "arrival_on", "departure_on"):
        bookings[premises_id].append((arrives, departs))
    out: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for premises_id, reason, starts, ends in OutOfServiceBed.objects.filter(
        premises_id__in=ids, cancelled_at__isnull=True, starts_on__lt=departure, ends_on__gte=arrival
    ).values_list("premises_id", "reason", "starts_on", "ends_on"):
        if not hold_released(reason=reason, starts_on=starts, today=today):
            out[premises_id].append((starts, ends))
    return {
        p.pk: PremisesCapacity(
            p,
            capacity_by_night(
                arrival=arrival,
                departure=departure,
                beds=beds.get(p.pk, 0),
                bookings=bookings[p.pk],
                out_of_service=out[p.pk],
            ),
        )
        for p in premises
    }
