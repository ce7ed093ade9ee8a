"""Time: stored in UTC, shown in Europe/London. One place to ask for 'today' in the UK."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

LONDON = ZoneInfo("Europe/London")


def now() -> dt.datetime:
    return timezone.now()


def today_uk() -> dt.date:
    return timezone.now().astimezone(LONDON).date()


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
