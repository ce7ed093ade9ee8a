"""England and Wales working days (enforcement.md, "Failures to comply": 10 working days, bank holidays
excluded). Expected dates were checked against the gov.uk bank holiday list."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.calendar.working_days import (
    add_working_days,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)
from probation.rules.errors import RuleError

D = dt.date
dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


# --- bank holidays -----------------------------------------------------------------------------------


def test_england_and_wales_bank_holidays_2025_are_exactly_the_eight_gov_uk_dates():
    # given every day of 2025
    days = [D(2025, 1, 1) + dt.timedelta(days=i) for i in range(365)]

    # when the bank holidays are picked out
    holidays_2025 = [day for day in days if is_bank_holiday(day)]

    # then they are the gov.uk England and Wales list
    assert holidays_2025 == [
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 5, 5),
        D(2025, 5, 26),
        D(2025, 8, 25),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ]


@pytest.mark.parametrize(
    "day",
    [
        D(2022, 9, 19),  # State funeral of Queen Elizabeth II
        D(2023, 5, 8),  # Coronation of King Charles III
        D(2022, 6, 2),  # Spring bank holiday moved for the Platinum Jubilee
        D(2022, 6, 3),  # Platinum Jubilee
        D(2020, 5, 8),  # Early May bank holiday moved to VE Day
        D(2020, 12, 28),  # Boxing Day (Saturday) substitute
        D(2021, 12, 27),  # Christmas Day (Saturday) substitute
        D(2021, 12, 28),  # Boxing Day (Sunday) substitute
        D(2022, 1, 3),  # New Year's Day (Saturday) substitute
        D(2022, 12, 27),  # Christmas Day (Sunday) substitute
        D(2023, 1, 2),  # New Year's Day (Sunday) substitute
        D(2026, 12, 28),  # Boxing Day (Saturday) substitute
        D(2024, 3, 29),  # Good Friday
        D(2024, 4, 1),  # Easter Monday
    ],
)
def test_special_and_substitute_bank_holidays_are_not_working_days(day):
    assert is_bank_holiday(day) is True
    assert is_working_day(day) is False


@pytest.mark.parametrize(
    "day",
    [
        D(2025, 1, 2),  # Scotland only
        D(2025, 8, 4),  # Scotland only (summer bank holiday)
        D(2025, 12, 1),  # Scotland only (St Andrew's Day substitute)
        D(2025, 3, 17),  # Northern Ireland only (St Patrick's Day)
        D(2025, 7, 14),  # Northern Ireland only (Battle of the Boyne substitute)
        D(2020, 5, 4),  # the usual early May Monday, moved in 2020
        D(2022, 5, 30),  # the usual spring Monday, moved in 2022
    ],
)
def test_holidays_of_other_nations_and_moved_holidays_are_working_days_in_england_and_wales(day):
    assert is_bank_holiday(day) is False
    assert is_working_day(day) is True


def test_saturday_and_sunday_are_not_working_days():
    assert is_working_day(D(2025, 1, 4)) is False
    assert is_working_day(D(2025, 1, 5)) is False
    assert is_working_day(D(2025, 1, 6)) is True


# --- add_working_days --------------------------------------------------------------------------------


def test_ten_working_days_from_a_friday_failure_is_the_friday_two_weeks_later():
    # given a failure on Friday 3 January 2025; the failure day itself does not count
    assert add_working_days(D(2025, 1, 3), 10) == D(2025, 1, 17)


def test_ten_working_days_across_christmas_and_new_year_skip_three_bank_holidays():
    # given Monday 16 December 2024: 25 Dec, 26 Dec and 1 Jan are bank holidays
    assert add_working_days(D(2024, 12, 16), 10) == D(2025, 1, 2)


def test_one_working_day_after_christmas_eve_2020_skips_the_boxing_day_substitute():
    # 25 Dec Friday, 26 Dec Saturday, 28 Dec Monday substitute
    assert add_working_days(D(2020, 12, 24), 1) == D(2020, 12, 29)


def test_one_working_day_after_christmas_eve_2021_skips_two_substitute_days():
    # 25 and 26 Dec fell at the weekend; 27 and 28 Dec were the substitutes
    assert add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)


def test_one_working_day_after_new_years_eve_2021_skips_the_new_year_substitute():
    assert add_working_days(D(2021, 12, 31), 1) == D(2022, 1, 4)


def test_one_working_day_after_the_thursday_before_easter_is_the_tuesday_after():
    assert add_working_days(D(2025, 4, 17), 1) == D(2025, 4, 22)


def test_one_working_day_after_the_friday_before_the_queens_funeral_is_tuesday():
    assert add_working_days(D(2022, 9, 16), 1) == D(2022, 9, 20)


def test_one_working_day_after_the_friday_before_the_coronation_is_tuesday():
    assert add_working_days(D(2023, 5, 5), 1) == D(2023, 5, 9)


def test_five_working_days_over_the_2022_jubilee_weekend_skip_thursday_and_friday():
    # Wednesday 1 June 2022; Thursday 2 and Friday 3 June were bank holidays
    assert add_working_days(D(2022, 6, 1), 5) == D(2022, 6, 10)


def test_one_working_day_from_a_saturday_is_the_monday():
    assert add_working_days(D(2025, 1, 4), 1) == D(2025, 1, 6)


def test_zero_working_days_returns_the_start_unchanged_even_at_a_weekend():
    assert add_working_days(D(2025, 1, 4), 0) == D(2025, 1, 4)
    assert add_working_days(D(2025, 1, 6), 0) == D(2025, 1, 6)


def test_negative_working_days_are_refused_naming_the_input():
    # when
    with pytest.raises(RuleError) as refused:
        add_working_days(D(2025, 1, 6), -1)

    # then
    assert refused.value.message == "The number of working days must be zero or more, not -1."
    assert refused.value.field == "n"


# --- working_days_between ----------------------------------------------------------------------------


def test_working_days_between_counts_after_the_start_up_to_and_including_the_end():
    assert working_days_between(D(2025, 1, 3), D(2025, 1, 17)) == 10
    assert working_days_between(D(2025, 1, 3), D(2025, 1, 6)) == 1


def test_working_days_between_the_same_day_is_zero():
    assert working_days_between(D(2025, 1, 6), D(2025, 1, 6)) == 0


def test_working_days_between_friday_and_the_weekend_is_zero():
    assert working_days_between(D(2025, 1, 3), D(2025, 1, 5)) == 0


def test_working_days_between_is_negative_when_the_end_is_earlier():
    assert working_days_between(D(2025, 1, 17), D(2025, 1, 3)) == -10


def test_working_days_between_over_christmas_2022_excludes_both_holidays():
    # Friday 23 Dec 2022 to Friday 30 Dec 2022: Mon 26 and Tue 27 are holidays
    assert working_days_between(D(2022, 12, 23), D(2022, 12, 30)) == 3


def test_the_whole_of_2025_has_253_working_days():
    # 2025 has 261 weekdays and all eight bank holidays fall on weekdays: 261 - 8 = 253.
    assert working_days_between(D(2024, 12, 31), D(2025, 12, 31)) == 253


# --- properties --------------------------------------------------------------------------------------


@given(start=dates, n=st.integers(min_value=1, max_value=60))
def test_adding_one_or_more_working_days_always_lands_on_a_later_working_day(start, n):
    result = add_working_days(start, n)

    assert is_working_day(result)
    assert result > start
    assert (result - start).days >= n


@given(start=dates, n=st.integers(min_value=0, max_value=60))
def test_working_days_between_undoes_add_working_days(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(start=dates, n=st.integers(min_value=0, max_value=60))
def test_each_extra_working_day_moves_the_result_later(start, n):
    assert add_working_days(start, n + 1) > add_working_days(start, n)


@given(a=dates, b=dates)
def test_working_days_between_is_antisymmetric(a, b):
    assert working_days_between(a, b) == -working_days_between(b, a)


@given(a=dates, days_1=st.integers(0, 400), days_2=st.integers(0, 400))
def test_working_days_between_adds_up_over_consecutive_spans(a, days_1, days_2):
    b = a + dt.timedelta(days=days_1)
    c = b + dt.timedelta(days=days_2)

    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


@given(day=dates)
def test_weekends_are_never_working_days(day):
    if day.weekday() >= 5:
        assert not is_working_day(day)
