import datetime as dt

import pytest

from probation.rules.approved_premises.capacity import (
    capacity_by_night,
    fits,
    hold_released,
    nights,
    shortfalls,
)
from probation.rules.approved_premises.postcodes import district_distance, postcode_district
from probation.rules.errors import RuleError

D = dt.date


def test_a_stay_uses_the_nights_from_arrival_to_the_night_before_departure():
    assert nights(D(2026, 12, 3), D(2026, 12, 5)) == [D(2026, 12, 3), D(2026, 12, 4)]
    with pytest.raises(RuleError):
        nights(D(2026, 12, 3), D(2026, 12, 3))


def test_capacity_is_beds_minus_bookings_minus_out_of_service_per_night():
    result = capacity_by_night(
        arrival=D(2026, 12, 1),
        departure=D(2026, 12, 6),
        beds=2,
        bookings=[(D(2026, 11, 20), D(2026, 12, 3)), (D(2026, 12, 2), D(2026, 12, 10))],
        out_of_service=[(D(2026, 12, 4), D(2026, 12, 4)), (D(2027, 1, 1), D(2027, 1, 5))],
    )
    assert [(n.day.day, n.available) for n in result] == [(1, 1), (2, 0), (3, 1), (4, 0), (5, 1)]
    assert [n.day.day for n in shortfalls(result)] == [2, 4]
    assert not fits(result)


def test_an_overbooked_night_shows_a_shortfall():
    result = capacity_by_night(
        arrival=D(2026, 12, 1),
        departure=D(2026, 12, 2),
        beds=1,
        bookings=[(D(2026, 12, 1), D(2026, 12, 5))] * 2,
        out_of_service=[(D(2026, 11, 1), D(2026, 12, 1))],
    )
    assert [n.available for n in result] == [-2]


def test_a_booking_leaving_on_arrival_day_frees_that_night():
    result = capacity_by_night(
        arrival=D(2026, 12, 3), departure=D(2026, 12, 4), beds=1,
        bookings=[(D(2026, 11, 3), D(2026, 12, 3))], out_of_service=[],
    )  # fmt: skip
    assert fits(result)


@pytest.mark.parametrize(
    ("today", "released"), [(D(2026, 12, 2), False), (D(2026, 12, 3), False), (D(2026, 12, 4), True)]
)
def test_a_bed_on_hold_releases_itself_once_its_start_date_passes(today, released):
    assert hold_released(reason="bed_on_hold", starts_on=D(2026, 12, 3), today=today) is released
    assert hold_released(reason="refurbishment", starts_on=D(2026, 12, 3), today=today) is False


def test_distance_between_postcode_districts():
    assert district_distance("M14", "M1") == 0
    assert 30 < district_distance("M14", "LS6") < 45
    assert postcode_district("m14 5ab") == "M14"
    with pytest.raises(RuleError):
        district_distance("ZZ1", "M1")


@pytest.mark.parametrize(
    ("signed", "late"),
    [
        (dt.datetime(2026, 12, 3, 22, 59), False),
        (dt.datetime(2026, 12, 3, 23, 0), False),
        (dt.datetime(2026, 12, 3, 23, 1), True),
        (dt.datetime(2026, 12, 4, 0, 30), True),
    ],
)
def test_a_sign_in_after_the_curfew_starts_is_late(signed, late):
    from zoneinfo import ZoneInfo

    from probation.rules.approved_premises.curfew import is_late

    when = signed.replace(tzinfo=ZoneInfo("Europe/London"))
    assert is_late(night=D(2026, 12, 3), start=dt.time(23), signed_in_at=when) is late
