"""Periods of months, counted the way the law counts them.

Source: enforcement.md, "Failures to comply (FTC) and the warning/breach rule" (a warning covers a failure
"within 12 months") and "Community order requirements" (unpaid work "to be completed within 12 months").
The Sentencing Act 2020 (Schedule 10) speaks of "the period of 12 months beginning with the date on
which the warning was given": the period includes its first day and ends the day before the same
date 12 months later. A warning given on 15 March 2024 covers 15 March 2024 to 14 March 2025.
"""

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later (or earlier), clamped to the end of a short month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of the period of ``months`` months beginning with ``start``.

    That is the day before the corresponding date ``months`` later. When that month has no such date
    (29 February in a common year, 31 April) the period runs to the end of that month, so a period of
    12 months beginning with 29 February 2024 ends on 28 February 2025.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    if start.day > last_day:
        return dt.date(year, month + 1, last_day)
    return dt.date(year, month + 1, start.day) - dt.timedelta(days=1)


def is_within_months(start: dt.date, day: dt.date, months: int) -> bool:
    """True if ``day`` falls in the period of ``months`` months beginning with ``start``."""
    return start <= day <= period_end(start, months)
