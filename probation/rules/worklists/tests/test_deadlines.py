"""The pure rules behind the lists, with exact dates (bank holidays included)."""

import datetime as dt

from probation.rules.worklists.deadlines import (
    UnpaidWorkStatus,
    last_appointment_day_overdue,
    outcome_due_on,
    unpaid_work_outlook,
)

D = dt.date


def test_outcome_is_due_two_working_days_after_the_appointment():
    assert outcome_due_on(D(2025, 1, 2)) == D(2025, 1, 6)  # Thursday -> Monday


def test_outcome_window_skips_easter_bank_holidays():
    # Thursday 17 April 2025; Good Friday 18 and Easter Monday 21 April are bank holidays.
    assert outcome_due_on(D(2025, 4, 17)) == D(2025, 4, 23)


def test_last_overdue_appointment_day_on_the_tuesday_after_easter():
    # On Tuesday 22 April 2025 the outcome of Wednesday 16 April was due on the 22nd: not overdue yet.
    assert last_appointment_day_overdue(D(2025, 4, 22)) == D(2025, 4, 15)
    assert outcome_due_on(D(2025, 4, 15)) == D(2025, 4, 17)
    assert outcome_due_on(D(2025, 4, 16)) == D(2025, 4, 22)


def test_last_overdue_appointment_day_on_a_monday():
    # Monday 13 January 2025: Thursday 9th was due Monday 13th, Wednesday 8th was due Friday 10th.
    assert last_appointment_day_overdue(D(2025, 1, 13)) == D(2025, 1, 8)


def test_unpaid_work_behind_the_rate_is_at_risk():
    # 100 hours from 1 March 2025 (deadline 28 February 2026); 10 done in 92 days, 272 days left.
    outlook = unpaid_work_outlook(start=D(2025, 3, 1), ordered=100, done=10, today=D(2025, 6, 1))
    assert outlook.status is UnpaidWorkStatus.AT_RISK
    assert outlook.deadline == D(2026, 2, 28)
    assert outlook.remaining == 90
    assert outlook.projected == 29


def test_unpaid_work_at_exactly_the_needed_rate_is_on_track():
    # 100 hours from 1 March 2025; on 31 August 2025: 183 days gone, 181 left; 50 done projects 49.
    assert unpaid_work_outlook(start=D(2025, 3, 1), ordered=100, done=50, today=D(2025, 8, 31)).status is (
        UnpaidWorkStatus.AT_RISK
    )
    # With 51 done: 49 remain and 51 * 181 / 183 = 50.4 are projected.
    assert unpaid_work_outlook(start=D(2025, 3, 1), ordered=100, done=51, today=D(2025, 8, 31)).status is (
        UnpaidWorkStatus.ON_TRACK
    )


def test_new_unpaid_work_is_not_projected_for_four_weeks():
    start = D(2025, 3, 1)
    assert unpaid_work_outlook(start=start, ordered=100, done=0, today=D(2025, 3, 28)).status is (
        UnpaidWorkStatus.ON_TRACK
    )
    assert unpaid_work_outlook(start=start, ordered=100, done=0, today=D(2025, 3, 29)).status is (
        UnpaidWorkStatus.AT_RISK
    )


def test_unpaid_work_deadline_passed_the_day_after_the_deadline():
    start = D(2025, 3, 15)  # deadline 14 March 2026
    # On the deadline itself no days are left to do the last hour in: at risk, not yet passed.
    assert unpaid_work_outlook(start=start, ordered=100, done=99, today=D(2026, 3, 14)).status is (
        UnpaidWorkStatus.AT_RISK
    )
    late = unpaid_work_outlook(start=start, ordered=100, done=99, today=D(2026, 3, 15))
    assert late.status is UnpaidWorkStatus.DEADLINE_PASSED
    assert late.remaining == 1


def test_finished_unpaid_work_is_never_at_risk():
    outlook = unpaid_work_outlook(start=D(2024, 1, 1), ordered=40, done=40, today=D(2026, 1, 1))
    assert outlook.status is UnpaidWorkStatus.ON_TRACK
    assert not outlook.needs_attention


def test_sessions_booked_to_cover_the_hours_left_put_a_slow_order_on_track():
    slow = {"start": D(2025, 3, 1), "ordered": 100, "done": 10, "today": D(2025, 6, 1)}

    assert unpaid_work_outlook(**slow).status is UnpaidWorkStatus.AT_RISK
    assert unpaid_work_outlook(**slow, booked=89).status is UnpaidWorkStatus.AT_RISK
    covered = unpaid_work_outlook(**slow, booked=90)
    assert (covered.status, covered.projected) == (UnpaidWorkStatus.ON_TRACK, 90)
    assert unpaid_work_outlook(**slow, booked=60).projected == 60  # more than the rate's 27


def test_booked_sessions_do_not_rescue_an_order_past_its_deadline():
    late = unpaid_work_outlook(start=D(2024, 1, 1), ordered=100, done=10, today=D(2025, 6, 1), booked=90)
    assert late.status is UnpaidWorkStatus.DEADLINE_PASSED
