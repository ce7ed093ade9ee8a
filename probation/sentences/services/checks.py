"""Checks of a date or a length the sentence services share; each refuses a value with a
``ServiceError`` naming the field, so the form shows the message beside it."""

import datetime as dt

from probation.core.errors import ServiceError
from probation.frontend.forms.messages import enter


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def date_not_before(value: dt.date, earliest: dt.date, *, field: str, label: str, what: str) -> None:
    if value < earliest:
        raise ServiceError(f"{label} must be on or after {what} ({day(earliest)})", field=field)


def months_between(value: int | None, low: int, high: int, *, field: str, label: str) -> int:
    if value is None:
        raise ServiceError(enter(label), field=field)
    if not low <= value <= high:
        raise ServiceError(f"{label} must be between {low} and {high} months; {value} was given", field=field)
    return value


def months_at_least(value: int | None, low: int, *, field: str, label: str) -> int:
    """A length that must be given and be at least ``low`` months; its upper limit is the law's in force
    on the date (probation.rules.sentences.limits), checked separately."""
    if value is None:
        raise ServiceError(enter(label), field=field)
    if value < low:
        unit = "month" if low == 1 else "months"
        raise ServiceError(f"{label} must be at least {low} {unit}; {value} was given", field=field)
    return value
