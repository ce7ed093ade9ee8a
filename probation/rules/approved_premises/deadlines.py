"""The assessment deadline (approved-premises.md § Application, 3. Assessment).

Counted in Europe/London time from when the assessment is created:
- the *effective start* is the creation time if it falls on a working day before 13:00, otherwise
  09:00 on the next working day (England and Wales bank holidays excluded);
- emergency: the effective start + 2 hours;
- short notice: the same time of day 5 working days later; standard: 10 working days later
  (counting forward one working day at a time, weekends and bank holidays skipped).
A placement request's 5-working-day deadline is counted the same way from its submission.

Times of day are wall-clock times in London, so a deadline across a clock change keeps its time of
day ("09:30 ten working days later") rather than its number of elapsed hours.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from probation.rules.approved_premises.notice import NoticeType
from probation.rules.calendar.working_days import add_working_days, is_working_day
from probation.rules.errors import RuleError

LONDON = ZoneInfo("Europe/London")
CUT_OFF = dt.time(13, 0)
DAY_STARTS = dt.time(9, 0)
EMERGENCY_HOURS = dt.timedelta(hours=2)
WORKING_DAYS = {NoticeType.SHORT_NOTICE: 5, NoticeType.STANDARD: 10}
PLACEMENT_REQUEST_WORKING_DAYS = 5


def _london(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise RuleError("The time must carry its time zone.", field="created_at")
    return moment.astimezone(LONDON)


def effective_start(created_at: dt.datetime) -> dt.datetime:
    """When the clock starts, in London time: the creation time on a working day before 13:00,
    otherwise 09:00 on the next working day."""
    local = _london(created_at)
    if is_working_day(local.date()) and local.time() < CUT_OFF:
        return local
    return dt.datetime.combine(add_working_days(local.date(), 1), DAY_STARTS, tzinfo=LONDON)


def _same_time_later(start: dt.datetime, working_days: int) -> dt.datetime:
    day = add_working_days(start.date(), working_days)
    # Re-attach the zone so the UTC offset is the one in force on that day (a clock change between).
    return dt.datetime.combine(day, start.timetz().replace(tzinfo=None), tzinfo=LONDON)


def assessment_due(*, created_at: dt.datetime, notice: NoticeType) -> dt.datetime:
    """The deadline, in London time, for an assessment of this notice type created at ``created_at``."""
    start = effective_start(created_at)
    if notice == NoticeType.EMERGENCY:
        # Two elapsed hours from a working-day time before 13:00 never crosses a clock change
        # (changes happen at 01:00 UTC on a Sunday).
        return (start.astimezone(dt.UTC) + EMERGENCY_HOURS).astimezone(LONDON)
    return _same_time_later(start, WORKING_DAYS[notice])


def placement_request_due(*, submitted_at: dt.datetime) -> dt.datetime:
    """A further placement request's deadline: 5 working days, counted like an assessment's."""
    return _same_time_later(effective_start(submitted_at), PLACEMENT_REQUEST_WORKING_DAYS)
