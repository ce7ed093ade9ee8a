"""Periods of months as the law counts them (enforcement.md: a warning covers "12 months"; unpaid work is
"to be completed within 12 months"). A period beginning with a date includes that date."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from probation.rules.calendar.periods import add_months, is_within_months, period_end

D = dt.date
days = st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31))


def test_add_months_keeps_the_day_of_the_month():
    assert add_months(D(2024, 3, 15), 12) == D(2025, 3, 15)


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_add_months_goes_backwards_across_a_year_end():
    assert add_months(D(2025, 1, 31), -2) == D(2024, 11, 30)


def test_twelve_months_beginning_15_march_2024_end_on_14_march_2025():
    assert period_end(D(2024, 3, 15), 12) == D(2025, 3, 14)


def test_twelve_months_beginning_1_january_end_on_31_december():
    assert period_end(D(2025, 1, 1), 12) == D(2025, 12, 31)


def test_twelve_months_beginning_29_february_end_on_28_february():
    assert period_end(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_one_month_beginning_31_january_ends_on_the_last_day_of_february():
    assert period_end(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert period_end(D(2025, 1, 31), 1) == D(2025, 2, 28)


def test_one_month_beginning_29_january_in_a_leap_year_ends_on_28_february():
    assert period_end(D(2024, 1, 29), 1) == D(2024, 2, 28)


def test_the_first_and_last_days_are_within_and_the_days_either_side_are_not():
    start = D(2024, 3, 15)

    assert is_within_months(start, start, 12) is True
    assert is_within_months(start, D(2025, 3, 14), 12) is True
    assert is_within_months(start, D(2025, 3, 15), 12) is False
    assert is_within_months(start, D(2024, 3, 14), 12) is False


@given(start=days, months=st.integers(min_value=1, max_value=36))
def test_a_period_ends_before_the_same_date_that_many_months_later(start, months):
    end = period_end(start, months)

    assert start <= end < add_months(start, months) or (
        # only when the start day does not exist in the final month does the period run to its end
        end == add_months(start, months) and add_months(start, months).day < start.day
    )
    assert is_within_months(start, end, months)
    assert not is_within_months(start, end + dt.timedelta(days=1), months)


@given(start=days)
def test_consecutive_twelve_month_periods_from_1st_of_month_tile_without_gaps(start):
    first = start.replace(day=1)

    assert period_end(first, 12) + dt.timedelta(days=1) == add_months(first, 12)
