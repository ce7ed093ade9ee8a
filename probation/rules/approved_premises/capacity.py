"""Capacity per night (approved-premises.md § Beds and capacity): beds minus bookings minus beds out
of service, counted per night per premises. A shortfall (a negative number) is shown, never hidden.

Nights: a stay arriving on day A and leaving on day D uses the nights of A to D − 1. A bed out of
service from S to E (both inclusive) is out for the nights of S to E. A "bed on hold" is cancelled
automatically once its start date passes, so from the day after its start it no longer counts.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from probation.rules.errors import RuleError

ON_HOLD = "bed_on_hold"
_ONE_DAY = dt.timedelta(days=1)


class Night(NamedTuple):
    # A named tuple, not a dataclass: a search makes one per night per premises (7,000 for a 12-week
    # stay across the estate), and tuples are several times quicker to make.
    day: dt.date
    beds: int
    booked: int
    out_of_service: int

    @property
    def available(self) -> int:
        """Beds free that night; negative when the premises is overbooked (a shortfall)."""
        return self.beds - self.booked - self.out_of_service


def nights(arrival: dt.date, departure: dt.date) -> list[dt.date]:
    """The nights a stay from ``arrival`` to ``departure`` uses."""
    return list(_nights(arrival, departure))


@lru_cache(maxsize=64)
def _nights(arrival: dt.date, departure: dt.date) -> tuple[dt.date, ...]:
    # Cached: a search counts the same stay at every premises of the estate.
    if departure <= arrival:
        raise RuleError("The departure date must be after the arrival date.", field="departure")
    return tuple(arrival + dt.timedelta(days=i) for i in range((departure - arrival).days))


def hold_released(*, reason: str, starts_on: dt.date, today: dt.date) -> bool:
    """A bed on hold releases itself once its start date has passed."""
    return reason == ON_HOLD and today > starts_on


def capacity_by_night(
    *,
    arrival: dt.date,
    departure: dt.date,
    beds: int,
    bookings: Iterable[tuple[dt.date, dt.date]],
    out_of_service: Iterable[tuple[dt.date, dt.date]],
) -> list[Night]:
    """Each night of the stay with the beds, the bookings and the beds out of service that night.

    ``bookings``: (arrival, departure) of every live booking; ``out_of_service``: (first, last night)
    of every bed out of service still in force (released holds already left out by the caller, see
    ``hold_released``). Counting uses a difference array, so it is linear in rows plus nights."""
    days = _nights(arrival, departure)
    span = len(days)
    booked = [0] * (span + 1)
    out = [0] * (span + 1)
    _add(booked, arrival, span, ((a, d - _ONE_DAY) for a, d in bookings))
    _add(out, arrival, span, out_of_service)
    result = []
    running_booked = running_out = 0
    for i, day in enumerate(days):
        running_booked += booked[i]
        running_out += out[i]
        result.append(Night(day, beds, running_booked, running_out))
    return result


def _add(counts: list[int], first: dt.date, span: int, ranges: Iterable[tuple[dt.date, dt.date]]) -> None:
    for start, end in ranges:
        lo = max((start - first).days, 0)
        hi = min((end - first).days, span - 1)
        if lo <= hi:
            counts[lo] += 1
            counts[hi + 1] -= 1


def shortfalls(night_list: Sequence[Night], *, wanted: int = 1) -> list[Night]:
    """The nights without ``wanted`` beds free."""
    return [night for night in night_list if night.available < wanted]


def fits(night_list: Sequence[Night], *, wanted: int = 1) -> bool:
    return not shortfalls(night_list, wanted=wanted)
