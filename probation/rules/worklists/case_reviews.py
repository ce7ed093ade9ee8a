"""Periodic case reviews (issue 17 item 5): when a supervision review of a case is due.

A case under supervision is reviewed by its officer, and the review gets a manager's oversight note
(inspectors report weak management oversight as a common failing). A review falls due:

- **first**, a set number of weeks after the supervision began (the earliest current order or licence);
- **then at intervals** after the last completed review, shorter for the higher tiers (A and B) than
  for the others — the case's risk drives how often it is looked at;
- **on a significant event** (a new sentence, a recall, a transfer, release, being unlawfully at
  large): within a set number of working days of the event, unless a review is already due sooner.

The numbers are local practice, not statute: the domain references name no national figure, so they
are reference data (``ReviewTimings``, settings ``CASE_REVIEW_TIMINGS``) marked *verify*, with
defaults a probation delivery unit would recognise. Pure: no Django, no clock.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from probation.rules.calendar.working_days import add_working_days


class ReviewReason(StrEnum):
    FIRST = "first"
    INTERVAL = "interval"
    EVENT = "event"


# The key events (probation.core.key_events.KeyEventKind values) that call for a review of the case.
SIGNIFICANT_EVENTS: dict[str, str] = {
    "sentenced": "a new sentence",
    "recalled": "a recall",
    "transferred": "a transfer",
    "release_date_set": "a release date set",
    "unlawfully_at_large": "being unlawfully at large",
    "parole_decision": "a parole decision",
    "licence_varied": "the licence varied",
}

REASON_TEXT = {
    ReviewReason.FIRST: "First review since supervision began",
    ReviewReason.INTERVAL: "Regular review",
    ReviewReason.EVENT: "Review after a significant event",
}


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    # The same day of the month, or the month's last day (31 January + 1 month = 28/29 February).
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


@dataclass(frozen=True)
class ReviewTimings:
    """*verify*: local practice, configurable (settings ``CASE_REVIEW_TIMINGS``)."""

    first_after_weeks: int = 12
    # Months between reviews by tier letter; a case with no tier uses ``default_months``.
    months_by_tier: dict[str, int] = field(default_factory=lambda: {"A": 3, "B": 3, "C": 6, "D": 6})
    default_months: int = 6
    event_working_days: int = 10
    # A review shows on the officer's list this many days before it is due.
    show_days_before: int = 14

    def __post_init__(self) -> None:
        if self.first_after_weeks < 1 or self.default_months < 1 or self.event_working_days < 1:
            raise ValueError("Review timings must be positive")
        if any(months < 1 for months in self.months_by_tier.values()):
            raise ValueError("Review intervals must be at least a month")


@dataclass(frozen=True)
class ReviewDue:
    due_on: dt.date
    reason: ReviewReason
    event: str = ""  # for EVENT: the key event's kind

    @property
    def text(self) -> str:
        if self.reason is ReviewReason.EVENT and self.event in SIGNIFICANT_EVENTS:
            return f"Review after {SIGNIFICANT_EVENTS[self.event]}"
        return REASON_TEXT[self.reason]


def scheduled_review(
    *,
    supervision_start: dt.date,
    last_reviewed_on: dt.date | None,
    tier: str | None,
    timings: ReviewTimings,
) -> ReviewDue:
    """The next scheduled review: the first after the start, then at the tier's interval after the
    last completed review. ``tier`` is the stored tier (e.g. "B2"); its letter sets the interval."""
    if last_reviewed_on is None or last_reviewed_on < supervision_start:
        return ReviewDue(
            supervision_start + dt.timedelta(weeks=timings.first_after_weeks), ReviewReason.FIRST
        )
    letter = (tier or "")[:1].upper()
    months = timings.months_by_tier.get(letter, timings.default_months)
    return ReviewDue(_add_months(last_reviewed_on, months), ReviewReason.INTERVAL)


def event_review(*, event: str, occurred_on: dt.date, timings: ReviewTimings) -> ReviewDue | None:
    """The review a key event calls for, or None if the event is not a significant one."""
    if event not in SIGNIFICANT_EVENTS:
        return None
    return ReviewDue(add_working_days(occurred_on, timings.event_working_days), ReviewReason.EVENT, event)


def should_raise(due: ReviewDue, *, today: dt.date, timings: ReviewTimings) -> bool:
    """Whether the sweep raises the review today: once it is within the showing window (or overdue)."""
    return due.due_on <= today + dt.timedelta(days=timings.show_days_before)


def earlier(current: ReviewDue, new: ReviewDue) -> ReviewDue:
    """An open review keeps the earlier of its own date and a new reason's (an event brings a review
    forward; it never pushes one back)."""
    return new if new.due_on < current.due_on else current


def timings_from(value: dict[str, object] | None) -> ReviewTimings:
    """``ReviewTimings`` from the settings' dict (missing keys keep their defaults)."""
    if not value:
        return ReviewTimings()
    return ReviewTimings(**value)  # type: ignore[arg-type]
