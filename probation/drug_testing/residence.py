"""Approved-premises stays as a basis for testing, without importing the approved-premises app (it
sits above this one). That app registers a lookup in its ``AppConfig.ready``: person id -> its stays as
``BasisSource`` rows (arrival to departure; the booking id as ``source_id``)."""

from collections.abc import Callable

from probation.rules.drug_testing.bases import BasisSource

StayLookup = Callable[[int], list[BasisSource]]
_lookups: list[StayLookup] = []


def register_stay_lookup(lookup: StayLookup) -> StayLookup:
    if lookup not in _lookups:
        _lookups.append(lookup)
    return lookup


def approved_premises_stays(person_id: int) -> list[BasisSource]:
    return [source for lookup in _lookups for source in lookup(person_id)]
