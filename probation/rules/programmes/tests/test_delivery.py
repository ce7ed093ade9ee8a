import datetime as dt

import pytest

from probation.rules.errors import RuleError
from probation.rules.programmes.delivery import (
    MAX_PARTICIPANTS,
    Status,
    check_completion,
    check_facilitators,
    check_places,
    check_register_date,
    check_suitability,
    check_transition,
    register_outcome,
    sessions_attended,
    weekly_schedule,
)

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (Status.AWAITING_ASSESSMENT, Status.AWAITING_ALLOCATION),
        (Status.AWAITING_ASSESSMENT, Status.NOT_SUITABLE),
        (Status.AWAITING_ALLOCATION, Status.SCHEDULED),
        (Status.SCHEDULED, Status.ON_PROGRAMME),
        (Status.ON_PROGRAMME, Status.COMPLETE),
        (Status.ON_PROGRAMME, Status.WITHDRAWN),
    ],
)
def test_allowed_transitions(current, new):
    assert check_transition(current, new) is new


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (Status.AWAITING_ASSESSMENT, Status.SCHEDULED),
        (Status.NOT_SUITABLE, Status.AWAITING_ALLOCATION),
        (Status.COMPLETE, Status.ON_PROGRAMME),
        (Status.AWAITING_ALLOCATION, Status.COMPLETE),
    ],
)
def test_refused_transitions_say_why(current, new):
    with pytest.raises(RuleError, match="cannot become"):
        check_transition(current, new)


def test_register_outcomes_are_attc_aftc_uaab_only():
    assert [register_outcome(c).value for c in ("ATTC", "AFTC", "UAAB")] == ["ATTC", "AFTC", "UAAB"]
    for bad in ("ATSH", "", "xyz"):
        with pytest.raises(RuleError, match="Select ATTC, AFTC or UAAB"):
            register_outcome(bad)


def test_a_future_session_refuses_outcomes_and_today_is_allowed():
    check_register_date(TODAY, TODAY)
    with pytest.raises(RuleError, match="record attendance on or after the day"):
        check_register_date(TODAY + dt.timedelta(days=1), TODAY)


def test_not_suitable_needs_reasons():
    check_suitability(suitable=True, reasons="")
    with pytest.raises(RuleError, match="Give the reasons"):
        check_suitability(suitable=False, reasons="  ")


def test_facilitators_normally_two_at_least_one():
    assert check_facilitators(2) == ""
    assert check_facilitators(1) == "Sessions are normally run by two facilitators"
    with pytest.raises(RuleError):
        check_facilitators(0)


def test_at_most_twelve_participants():
    check_places(MAX_PARTICIPANTS - 1)
    with pytest.raises(RuleError, match="at most 12"):
        check_places(MAX_PARTICIPANTS)


def test_sessions_attended_counts_attended_outcomes_catch_ups_included():
    assert sessions_attended(["ATTC", "AFTC", "UAAB", "", "ATTC"]) == 3


def test_completion_needs_every_session_and_a_past_review():
    check_completion(attended=21, required=21, review_on=TODAY, today=TODAY)
    with pytest.raises(RuleError) as refused:
        check_completion(attended=19, required=21, review_on=None, today=TODAY)
    assert [e.message for e in refused.value.errors] == [
        "19 of 21 sessions attended: book catch-up sessions for the rest",
        "Enter the date of the post-programme review",
    ]
    with pytest.raises(RuleError, match="cannot be in the future"):
        check_completion(attended=21, required=21, review_on=TODAY + dt.timedelta(days=1), today=TODAY)


def test_weekly_schedule_skips_a_bank_holiday_to_the_next_week():
    dates = weekly_schedule(dt.date(2026, 12, 18), 3)  # Fridays: 25 December is a bank holiday
    assert dates == [dt.date(2026, 12, 18), dt.date(2027, 1, 1) + dt.timedelta(days=7), dt.date(2027, 1, 15)]
