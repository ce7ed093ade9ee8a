"""The DRR testing schedule and AAMR monitoring days (drug-testing.md § Legal bases, § Alcohol)."""

import datetime as dt

import pytest

from probation.rules.calendar.working_days import is_working_day
from probation.rules.drug_testing.schedule import AAMR_MAX_DAYS, aamr_monitoring, drr_schedule
from probation.rules.errors import RuleError

D = dt.date


def test_twice_a_week_for_four_weeks_then_weekly_on_working_days():
    dates = drr_schedule(start=D(2027, 3, 1), end=D(2027, 4, 25))  # Monday; Easter 26 Mar and 29 Mar 2027

    assert dates == [
        D(2027, 3, 1), D(2027, 3, 4),
        D(2027, 3, 8), D(2027, 3, 11),
        D(2027, 3, 15), D(2027, 3, 18),
        D(2027, 3, 22), D(2027, 3, 25),
        D(2027, 3, 30),  # 29 Mar is Easter Monday
        D(2027, 4, 5),
        D(2027, 4, 12),
        D(2027, 4, 19),
    ]  # fmt: skip
    assert all(is_working_day(d) for d in dates)


def test_a_weekend_start_moves_to_the_next_working_day_and_nothing_after_the_end():
    # From Saturday 5 Dec: the first working day (Mon 7th) and the first from the fourth day (Tue 8th).
    assert drr_schedule(start=D(2026, 12, 5), end=D(2026, 12, 8)) == [D(2026, 12, 7), D(2026, 12, 8)]
    assert drr_schedule(start=D(2026, 12, 5), end=D(2026, 12, 7)) == [D(2026, 12, 7)]


def test_a_second_test_that_would_fall_in_the_next_week_is_dropped():
    # Week from Tue 22 Dec 2026: the second test (Fri 25th) moves past Christmas and Boxing Day (28th
    # is the substitute) to the 29th, outside the week.
    dates = drr_schedule(start=D(2026, 12, 1), end=D(2026, 12, 28))
    assert dates == [D(2026, 12, 1), D(2026, 12, 4), D(2026, 12, 8), D(2026, 12, 11), D(2026, 12, 15), D(2026, 12, 18), D(2026, 12, 22)]  # fmt: skip


def test_an_end_before_the_start_is_refused():
    with pytest.raises(RuleError, match="ends before it starts"):
        drr_schedule(start=D(2026, 12, 5), end=D(2026, 12, 4))


def test_monitoring_days_before_during_and_after():
    start = D(2026, 11, 1)
    before = aamr_monitoring(start=start, ordered_days=120, today=D(2026, 10, 31))
    first = aamr_monitoring(start=start, ordered_days=120, today=start)
    last = aamr_monitoring(start=start, ordered_days=120, today=D(2027, 2, 28))
    after = aamr_monitoring(start=start, ordered_days=120, today=D(2027, 6, 1))

    assert (before.elapsed, before.remaining, before.end) == (0, 120, D(2027, 2, 28))
    assert (first.elapsed, first.remaining) == (1, 119)
    assert (last.elapsed, last.remaining, last.complete) == (120, 0, True)
    assert (after.elapsed, after.remaining) == (120, 0)


@pytest.mark.parametrize("days", [0, AAMR_MAX_DAYS + 1])
def test_an_abstinence_requirement_outside_1_to_120_days_is_refused(days):
    with pytest.raises(RuleError, match="1 to 120 days"):
        aamr_monitoring(start=D(2026, 1, 1), ordered_days=days, today=D(2026, 1, 1))
