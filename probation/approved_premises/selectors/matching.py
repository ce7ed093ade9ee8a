"""Matching (approved-premises.md § 6): premises for a placement by sex, type, required premises and
room characteristics and distance from a postcode district, each with its capacity for every night
of the stay (beds − bookings − out of service), shortfalls shown night by night.

The estate is small (about 100 premises, 2,300 beds), so characteristics held as JSON lists are
matched here in Python after two narrow queries; capacity takes three more whatever the estate's
size (probation.approved_premises.selectors.estate.capacity_for)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import (
    Bed,
    PlacementRequest,
    PlacementStatus,
    Premises,
    PremisesCharacteristic,
    RoomCharacteristic,
)
from probation.approved_premises.selectors.estate import PremisesCapacity, capacity_for
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.rules.approved_premises.postcodes import district_distance

ROOM = set(RoomCharacteristic.values)
PREMISES = set(PremisesCharacteristic.values)


@dataclass(frozen=True)
class Search:
    sex: str
    ap_type: str
    district: str
    criteria: tuple[str, ...]
    arrival: dt.date
    departure: dt.date


@dataclass(frozen=True)
class Match:
    capacity: PremisesCapacity
    miles: float

    @property
    def premises(self) -> Premises:
        return self.capacity.premises


def _rooms_fit(beds: list[str], wanted: set[str]) -> bool:
    """Some bed has every wanted characteristic. ``beds`` hold each bed's characteristics as the
    database's JSON text: the values are fixed words, so a quoted word in the text is in the list
    (read as text to skip decoding 2,300 JSON lists on every search)."""
    quoted = [f'"{c}"' for c in wanted]
    return not wanted or any(all(q in text for q in quoted) for text in beds)


def premises_matching(search: Search, *, today: dt.date) -> list[Match]:
    """Every premises of the sex and type with the premises criteria and a bed with the room
    criteria, nearest first; those with a bed every night before those short on some nights."""
    wanted_premises = {c for c in search.criteria if c in PREMISES}
    wanted_room = {c for c in search.criteria if c in ROOM}
    candidates = [
        p
        for p in Premises.objects.filter(sex=search.sex, ap_type=search.ap_type).select_related("region")
        if wanted_premises <= set(p.characteristics)
    ]
    rooms: dict[int, list[str]] = defaultdict(list)
    if wanted_room:
        for premises_id, characteristics in (
            Bed.objects.filter(premises__in=[p.pk for p in candidates], active=True)
            .annotate(text=Cast("characteristics", TextField()))
            .values_list("premises_id", "text")
        ):
            rooms[premises_id].append(characteristics)
        candidates = [p for p in candidates if _rooms_fit(rooms[p.pk], wanted_room)]
    capacity = capacity_for(candidates, arrival=search.arrival, departure=search.departure, today=today)
    matches = [
        Match(
            capacity[p.pk],
            district_distance(search.district, p.postcode_district) if search.district else 0.0,
        )
        for p in candidates
    ]
    return sorted(matches, key=lambda m: (not m.capacity.fits, m.miles, m.premises.name))


def placement_requests_waiting(user: User) -> QuerySet[PlacementRequest]:
    if not has_permission(user, Permission.AP_MATCH):
        return PlacementRequest.objects.none()
    return (
        PlacementRequest.objects.filter(
            status=PlacementStatus.AWAITING_MATCH, person__in=people_visible_to(user)
        )
        .select_related("person", "application")
        .order_by("due_at", "pk")
    )


def placement_request_get(*, user: User, person: Person, placement_id: int) -> PlacementRequest:
    if not has_permission(user, Permission.AP_MATCH):
        raise NotFound(placement_id)
    found = (
        PlacementRequest.objects.filter(pk=placement_id, person=person)
        .select_related("application", "person")
        .prefetch_related("bookings__premises")
        .first()
    )
    if found is None:
        raise NotFound(placement_id)
    return found
