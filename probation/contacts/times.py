"""Contact times in Europe/London: stored in UTC, entered and shown as wall-clock time in England,
written the GOV.UK way."""

import datetime as dt

from probation.core.clock import LONDON


def london_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """A wall-clock time in England as an aware datetime (stored as UTC by Django)."""
    return dt.datetime.combine(day, time).replace(tzinfo=LONDON)


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(LONDON)


def clock(value: dt.datetime) -> str:
    """2:15pm, in UK time: how GOV.UK writes a time."""
    at = local(value)
    return f"{at.hour % 12 or 12}:{at:%M}{'am' if at.hour < 12 else 'pm'}"


def long_date(value: dt.datetime | dt.date) -> str:
    day = local(value).date() if isinstance(value, dt.datetime) else value
    return f"{day:%A} {day.day} {day:%B %Y}"
