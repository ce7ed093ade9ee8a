"""Date checks the services share: each refuses a value with a ``ServiceError`` naming the field, so
the form shows the message beside it."""

import datetime as dt

from probation.core.clock import today_uk
from probation.core.errors import ServiceError


def date_not_future(value: dt.date, *, field: str, label: str) -> None:
    """A date of something that has happened (a sentence, a response, a return to custody) is today or
    earlier in the UK."""
    if value > today_uk():
        raise ServiceError(f"{label} must be today or in the past", field=field)
