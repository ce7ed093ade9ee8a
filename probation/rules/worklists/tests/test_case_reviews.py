import datetime as dt

import pytest

from probation.rules.worklists.case_reviews import (
    SIGNIFICANT_EVENTS,
    ReviewDue,
    ReviewReason,
    ReviewTimings,
    earlier,
    event_review,
    scheduled_review,
    should_raise,
    timings_from,
)

T = ReviewTimings()
START = dt.date(2026, 1, 5)


def test_the_first_review_is_twelve_weeks_after_supervision_began():
    due = scheduled_review(supervision_start=START, last_reviewed_on=None, tier="A3", timings=T)
    assert due == ReviewDue(dt.date(2026, 3, 30), ReviewReason.FIRST)
    assert due.text == "First review since supervision began"


def test_a_review_before_this_supervision_began_does_not_count():
    due = scheduled_review(
        supervision_start=START, last_reviewed_on=dt.date(2025, 12, 1), tier="C1", timings=T
    )
    assert due.reason is ReviewReason.FIRST


@pytest.mark.parametrize(
    ("tier", "due_on"),
    [
        ("A3", dt.date(2026, 7, 10)),
        ("A0", dt.date(2026, 7, 10)),
        ("B2", dt.date(2026, 7, 10)),
        ("C1", dt.date(2026, 10, 10)),
        ("D0", dt.date(2026, 10, 10)),
        ("d2", dt.date(2026, 10, 10)),
        (None, dt.date(2026, 10, 10)),
        ("", dt.date(2026, 10, 10)),
    ],
)
def test_later_reviews_follow_the_tiers_interval(tier, due_on):
    due = scheduled_review(
        supervision_start=START, last_reviewed_on=dt.date(2026, 4, 10), tier=tier, timings=T
    )
    assert due == ReviewDue(due_on, ReviewReason.INTERVAL)
    assert due.text == "Regular review"


@pytest.mark.parametrize(
    ("last", "months", "due_on"),
    [
        (dt.date(2026, 8, 31), 3, dt.date(2026, 11, 30)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 12, 15), 6, dt.date(2027, 6, 15)),
        (dt.date(2026, 10, 31), 12, dt.date(2027, 10, 31)),
    ],
)
def test_months_are_calendar_months_ending_on_the_months_last_day(last, months, due_on):
    timings = ReviewTimings(months_by_tier={"A": months}, default_months=months)
    assert (
        scheduled_review(supervision_start=START, last_reviewed_on=last, tier="A1", timings=timings).due_on
        == due_on
    )


def test_a_significant_event_calls_for_a_review_within_ten_working_days():
    # Thursday 17 December 2026: 25, 28 December and 1 January are bank holidays in England and Wales.
    due = event_review(event="recalled", occurred_on=dt.date(2026, 12, 17), timings=T)
    assert due == ReviewDue(dt.date(2027, 1, 5), ReviewReason.EVENT, "recalled")
    assert due.text == "Review after a recall"


@pytest.mark.parametrize("event", sorted(SIGNIFICANT_EVENTS))
def test_every_significant_event_brings_a_review(event):
    due = event_review(event=event, occurred_on=dt.date(2026, 6, 1), timings=T)
    assert due is not None
    assert due.due_on == dt.date(2026, 6, 15)
    assert due.text.startswith("Review after ")


@pytest.mark.parametrize("event", ["order_ended", "licence_ended", "died", "deported", "anything"])
def test_other_events_bring_no_review(event):
    assert event_review(event=event, occurred_on=dt.date(2026, 6, 1), timings=T) is None


def test_a_review_is_raised_two_weeks_before_it_is_due_and_when_overdue():
    due = ReviewDue(dt.date(2026, 6, 30), ReviewReason.INTERVAL)
    assert not should_raise(due, today=dt.date(2026, 6, 15), timings=T)
    assert should_raise(due, today=dt.date(2026, 6, 16), timings=T)
    assert should_raise(due, today=dt.date(2026, 8, 1), timings=T)


def test_an_event_brings_a_review_forward_never_back():
    scheduled = ReviewDue(dt.date(2026, 6, 30), ReviewReason.INTERVAL)
    sooner = ReviewDue(dt.date(2026, 6, 10), ReviewReason.EVENT, "recalled")
    later = ReviewDue(dt.date(2026, 7, 10), ReviewReason.EVENT, "recalled")
    assert earlier(scheduled, sooner) is sooner
    assert earlier(scheduled, later) is scheduled
    assert earlier(scheduled, scheduled) is scheduled


def test_timings_come_from_settings_with_defaults():
    assert timings_from(None) == ReviewTimings()
    assert timings_from({"first_after_weeks": 8}).first_after_weeks == 8
    assert timings_from({"first_after_weeks": 8}).default_months == 6


@pytest.mark.parametrize(
    "bad",
    [
        {"first_after_weeks": 0},
        {"default_months": 0},
        {"event_working_days": 0},
        {"months_by_tier": {"A": 0}},
    ],
)
def test_impossible_timings_are_refused(bad):
    with pytest.raises(ValueError, match="must be"):
        timings_from(bad)
