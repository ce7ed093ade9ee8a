"""What the generator carries from one person to the next: the date, the next free ids, the rows of
the current chunk, and which workflow states have been produced so far."""

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from random import Random
from zoneinfo import ZoneInfo

from probation.demo.case_history import reference as ref
from probation.rules.calendar.working_days import add_working_days

LONDON = ZoneInfo("Europe/London")


@cache
def working_days_after(day: dt.date, n: int) -> dt.date:
    return add_working_days(day, n)


@cache
def _utc_offset(day: dt.date) -> dt.timedelta:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=LONDON).utcoffset() or dt.timedelta(0)


@cache
def day_start(day: dt.date) -> dt.datetime:
    """London midnight at the start of ``day``, in UTC (add a slot to it for a wall-clock time)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) - _utc_offset(day)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A London wall-clock time on ``day`` as an aware UTC datetime (stored UTC, shown Europe/London)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC) - _utc_offset(day)


# States only a recent failure can be in; see RunState.seen.
OPEN_ENFORCEMENT = ("awaiting_action", "referred_to_offender_manager", "pending_response")
OPEN_BREACH = ("initiated", "pack_sent_to_court")
OPEN_RECALL = ("considering", "awaiting_decision", "recall_decided", "returned_to_custody")


@dataclass
class RunState:
    today: dt.date
    moment: dt.datetime
    ids: dict[str, int]
    rows: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    # Workflow states produced so far ("enforcement:awaiting_action", ...). While one is missing, an
    # open choice picks it, so even a small demo shows every state; after that choices are weighted.
    seen: set[str] = field(default_factory=set)

    def take(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value

    def prefer(self, rng: Random, workflow: str, options: Mapping[str, float]) -> str:
        for option in options:
            if options[option] > 0 and f"{workflow}:{option}" not in self.seen:
                return option
        return ref.Weighted(options).pick(rng)

    def missing(self, workflow: str, statuses: tuple[str, ...]) -> bool:
        return any(f"{workflow}:{status}" not in self.seen for status in statuses)

    def saw(self, workflow: str, status: str) -> None:
        self.seen.add(f"{workflow}:{status}")
