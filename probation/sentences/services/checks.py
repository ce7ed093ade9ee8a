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
