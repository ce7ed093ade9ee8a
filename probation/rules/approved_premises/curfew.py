"""The night's curfew (approved-premises.md § Regime): 23:00 to 06:00 or 07:00 depending on the
premises. A night is named by the date it starts; a sign-in after the curfew's start is a late return."""

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def curfew_starts(night: dt.date, start: dt.time) -> dt.datetime:
    """When the curfew of ``night`` begins, in London time."""
    return dt.datetime.combine(night, start, tzinfo=LONDON)


def curfew_ends(night: dt.date, end: dt.time) -> dt.datetime:
    """When it ends: the next morning."""
    return dt.datetime.combine(night + dt.timedelta(days=1), end, tzinfo=LONDON)


def is_late(*, night: dt.date, start: dt.time, signed_in_at: dt.datetime) -> bool:
    return signed_in_at > curfew_starts(night, start)
