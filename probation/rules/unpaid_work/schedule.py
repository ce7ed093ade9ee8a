"""The dates of an allocation's sessions (unpaid-work.md § Assessment and allocation).

Allocation = project + weekday + start/end time + frequency ONCE / WEEKLY / FORTNIGHTLY from a start
date to an end date. Appointments are generated forward to cover the minutes still required (the
service caps scheduling at 5 years), only on days the project runs and before its end date.
"""

import datetime as dt
from enum import StrEnum

from probation.rules.errors import RuleError

SCHEDULE_CAP_DAYS = 5 * 366


class Frequency(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"


class ScheduleError(RuleError):
    pass


def session_dates(
    *,
    weekday: int,
    frequency: Frequency,
    start: dt.date,
    end: dt.date | None,
    project_end: dt.date | None,
    session_minutes: int,
    minutes_required: int,
) -> list[dt.date]:
    """The dates, on ``weekday`` (Monday 0), from ``start``: enough sessions of ``session_minutes`` to
    cover ``minutes_required``, none after ``end``, the project's end or 5 years ahead."""
    if session_minutes <= 0:
        raise ScheduleError("The session must end after it starts.", field="session")
    if end is not None and end < start:
        raise ScheduleError("The end date must be on or after the start date.", field="end_date")
    first = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    limits = [d for d in (end, project_end, start + dt.timedelta(days=SCHEDULE_CAP_DAYS)) if d is not None]
    last = min(limits)
    needed = -(-max(minutes_required, 0) // session_minutes)
    if frequency is Frequency.ONCE:
        needed = min(needed, 1)
    step = dt.timedelta(days=14 if frequency is Frequency.FORTNIGHTLY else 7)
    dates: list[dt.date] = []
    day = first
    while len(dates) < needed and day <= last:
        dates.append(day)
        day += step
    return dates
