"""Worked examples for a referral's statuses, ending, attendance outcomes and RAR days."""

import datetime as dt
import itertools

import pytest

from probation.rules.errors import RuleError, RuleErrors
from probation.rules.referrals.progress import (
    OPEN,
    TRANSITIONS,
    AbsenceReason,
    Attended,
    EndReason,
    Status,
    check_report,
    check_transition,
    contact_outcome,
    ending,
    enforceable_days_used,
    session_uses_day,
)

D = dt.date
ALLOWED = {
    ("assess", Status.SENT),
    ("submit_plan", Status.ASSESSED),
    ("submit_plan", Status.PLAN_SUBMITTED),
    ("submit_plan", Status.IN_PROGRESS),
    ("approve_plan", Status.PLAN_SUBMITTED),
    ("record_session", Status.IN_PROGRESS),
    ("report", Status.IN_PROGRESS),
    *(("end", s) for s in OPEN),
}


@pytest.mark.parametrize(("step", "status"), list(itertools.product(TRANSITIONS, Status)))
def test_every_step_from_every_status(step, status):
    if (step, status) in ALLOWED:
        check_transition(step, status)
    else:
        with pytest.raises(RuleError):
            check_transition(step, status)


def test_the_open_statuses():
    assert {Status.SENT, Status.ASSESSED, Status.PLAN_SUBMITTED, Status.IN_PROGRESS} == OPEN


@pytest.mark.parametrize("reason", list(EndReason))
@pytest.mark.parametrize("status", sorted(OPEN))
def test_ending_before_the_first_substantive_session_cancels_and_after_it_ends_early(reason, status):
    assert ending(status, reason=reason, substantive_session_held=False) is Status.CANCELLED
    assert ending(status, reason=reason, substantive_session_held=True) is Status.ENDED_EARLY


@pytest.mark.parametrize("status", [Status.COMPLETED, Status.CANCELLED, Status.ENDED_EARLY])
def test_an_ended_referral_cannot_end_again(status):
    with pytest.raises(RuleError, match="already ended"):
        ending(status, reason="NEE", substantive_session_held=True)


def test_an_unknown_reason_is_refused():
    with pytest.raises(RuleError) as error:
        ending(Status.SENT, reason="XYZ", substantive_session_held=False)
    assert error.value.field == "reason"


def test_the_thirteen_reason_codes():
    assert [r.value for r in EndReason] == [
        "INE", "MIS", "NOT", "NEE", "MOV", "WOR", "USE", "ACQ", "RET", "SER", "SEE", "EAR", "ANO",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("attended", "notified", "absence", "code"),
    [
        (Attended.YES, False, "", "ATTC"),
        (Attended.LATE, False, "", "ATTC"),
        (Attended.YES, True, "", "AFTC"),
        (Attended.LATE, True, "", "AFTC"),
        *((Attended.NO, notified, reason, "AFTA") for notified in (False, True) for reason in AbsenceReason),
    ],
)
def test_the_contact_outcome_of_each_attendance(attended, notified, absence, code):
    assert contact_outcome(attended, behaviour_notified=notified, absence=absence) == code


def test_a_missed_session_needs_a_reason_and_attendance_is_required():
    with pytest.raises(RuleError) as error:
        contact_outcome(Attended.NO, behaviour_notified=False)
    assert error.value.field == "absence"
    with pytest.raises(RuleError) as error:
        contact_outcome("", behaviour_notified=False)
    assert error.value.field == "attended"


@pytest.mark.parametrize(
    ("dates", "maximum", "used"),
    [
        ([], 5, 0),
        ([D(2026, 3, 2)], 5, 1),
        ([D(2026, 3, 2), D(2026, 3, 2)], 5, 1),  # two sessions on one day use one day
        ([D(2026, 3, d) for d in range(2, 9)], 5, 5),  # capped at the maximum
        ([D(2026, 3, d) for d in range(2, 7)], 5, 5),
        ([D(2026, 3, 2)], 0, 0),
    ],
)
def test_days_used_are_distinct_attended_dates_up_to_the_maximum(dates, maximum, used):
    assert enforceable_days_used(dates, maximum=maximum) == used


@pytest.mark.parametrize(
    ("dates", "new", "maximum", "uses"),
    [
        ([], D(2026, 3, 2), 3, True),
        ([D(2026, 3, 2)], D(2026, 3, 2), 3, False),  # the day is already used
        ([D(2026, 3, 2), D(2026, 3, 3)], D(2026, 3, 4), 3, True),  # the last day
        ([D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)], D(2026, 3, 5), 3, False),  # beyond the maximum
        ([], D(2026, 3, 2), 0, False),
    ],
)
def test_whether_a_session_uses_a_new_day(dates, new, maximum, uses):
    assert session_uses_day(dates, new, maximum=maximum) is uses


def test_the_report_answers_every_desired_outcome():
    check_report(["a", "b"], {"a": "achieved", "b": "not"})
    with pytest.raises(RuleErrors) as error:
        check_report(["a", "b", "c"], {"a": "partly", "b": "maybe"})
    assert [e.field for e in error.value.errors] == ["outcome-b", "outcome-c"]
