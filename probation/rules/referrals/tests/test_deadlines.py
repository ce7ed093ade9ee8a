"""Worked examples for the referral deadlines (interventions.md § Provider timeline)."""

import datetime as dt

import pytest

from probation.rules.calendar.working_days import is_working_day, working_days_between
from probation.rules.errors import RuleError
from probation.rules.referrals.deadlines import (
    action_plan_due,
    assessment_due,
    check_completion_deadline,
    is_overdue,
    report_due,
)

D = dt.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 16)),  # Monday: two weeks later
        (D(2026, 3, 6), D(2026, 3, 20)),  # Friday
        (D(2026, 3, 7), D(2026, 3, 20)),  # Saturday: counting starts on Monday
        (D(2026, 3, 8), D(2026, 3, 20)),  # Sunday
        (D(2026, 3, 27), D(2026, 4, 14)),  # over Good Friday (3 April) and Easter Monday (6 April)
        (D(2026, 12, 21), D(2027, 1, 7)),  # over Christmas, Boxing Day (substitute 28th) and New Year
        (D(2026, 5, 22), D(2026, 6, 8)),  # over the spring bank holiday (25 May)
        (D(2026, 8, 24), D(2026, 9, 8)),  # from a Monday to over the summer bank holiday (31 August)
    ],
)
def test_the_initial_assessment_is_due_10_working_days_after_the_referral(received, due):
    assert assessment_due(received) == due


@pytest.mark.parametrize(
    ("assessed", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 9)),
        (D(2026, 3, 5), D(2026, 3, 12)),
        (D(2026, 3, 6), D(2026, 3, 13)),
        (D(2026, 4, 1), D(2026, 4, 10)),  # over Good Friday and Easter Monday
        (D(2026, 12, 23), D(2027, 1, 4)),  # over Christmas and New Year's Day
    ],
)
def test_the_action_plan_is_due_5_working_days_after_the_assessment(assessed, due):
    assert action_plan_due(assessed) == due


def test_the_end_of_service_report_is_due_5_working_days_after_the_last_session():
    assert report_due(D(2026, 5, 1)) == D(2026, 5, 11)  # early May bank holiday (4 May) skipped


@pytest.mark.parametrize("start", [D(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 366, 3)])
def test_every_deadline_is_a_working_day_the_right_number_of_working_days_later(start):
    for due, days in ((assessment_due(start), 10), (action_plan_due(start), 5), (report_due(start), 5)):
        assert is_working_day(due)
        assert working_days_between(start, due) == days


@pytest.mark.parametrize(
    ("done", "today", "overdue"),
    [
        (None, D(2026, 3, 16), False),  # due today, not done: not yet late
        (None, D(2026, 3, 17), True),
        (D(2026, 3, 16), D(2026, 4, 1), False),  # done on the day
        (D(2026, 3, 17), D(2026, 4, 1), True),  # done a day late stays late
        (D(2026, 3, 1), D(2026, 3, 20), False),
    ],
)
def test_a_deadline_is_met_on_its_day_and_overdue_from_the_next(done, today, overdue):
    assert is_overdue(D(2026, 3, 16), done_on=done, today=today) is overdue


def test_the_completion_deadline_must_be_in_the_future_and_within_the_sentence():
    check_completion_deadline(D(2026, 6, 1), today=D(2026, 3, 1), sentence_ends_on=D(2026, 6, 1))
    check_completion_deadline(D(2026, 6, 1), today=D(2026, 3, 1), sentence_ends_on=None)
    with pytest.raises(RuleError, match="in the future") as error:
        check_completion_deadline(D(2026, 3, 1), today=D(2026, 3, 1), sentence_ends_on=None)
    assert error.value.field == "complete_by"
    with pytest.raises(RuleError, match="on or before the end of the sentence, 31 May 2026"):
        check_completion_deadline(D(2026, 6, 1), today=D(2026, 3, 1), sentence_ends_on=D(2026, 5, 31))
