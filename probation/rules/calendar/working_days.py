"""England and Wales working days: Monday to Friday, bank holidays excluded.

Source: enforcement.md, "Failures to comply (FTC) and the warning/breach rule" — national standard
timescales such as "enforcement action within 10 working days of the failure" count England and Wales
working days, bank holidays excluded.

Counting convention (used by every function here): a period of *n working days from* a date starts the
day **after** that date, so the date itself never counts. "Within 10 working days of the failure" on
Friday 3 January 2025 means the tenth working day after it: Friday 17 January 2025.
"""

import datetime as dt
from functools import cache

import holidays

from probation.rules.errors import RuleError

_ONE_DAY = dt.timedelta(days=1)
_SATURDAY = 5


@cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    # Wales shares England's bank holidays, so the "ENG" subdivision is the England and Wales set. It
    # includes substitute ("observed") days and one-off holidays such as the Queen's state funeral
    # (19 September 2022) and the coronation (8 May 2023).
    return frozenset(holidays.UK(subdiv="ENG", years=year))


def is_bank_holiday(day: dt.date) -> bool:
    """True if ``day`` is an England and Wales bank holiday, substitute days included."""
    return day in _bank_holidays(day.year)


def bank_holiday_name(day: dt.date) -> str | None:
    """The name of the England and Wales bank holiday on ``day`` ("Christmas Day"), or None."""
    if not is_bank_holiday(day):
        return None
    return str(holidays.UK(subdiv="ENG", years=day.year).get(day))


def is_working_day(day: dt.date) -> bool:
    """True if ``day`` is a Monday to Friday that is not an England and Wales bank holiday."""
    return day.weekday() < _SATURDAY and not is_bank_holiday(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The ``n``th working day after ``start``; ``start`` itself never counts.

    ``add_working_days(d, 0)`` is ``d`` unchanged (even on a weekend). For ``n >= 1`` the result is always
    a working day, whatever ``start`` is: from Saturday, one working day is the following Monday.
    """
    if n < 0:
        raise RuleError(f"The number of working days must be zero or more, not {n}.", field="n")
    day = start
    remaining = n
    while remaining:
        day += _ONE_DAY
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``; negative if ``end`` is before ``start``.

    The inverse of :func:`add_working_days`: ``working_days_between(d, add_working_days(d, n)) == n``.
    """
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += _ONE_DAY
        if is_working_day(day):
            count += 1
    return count
