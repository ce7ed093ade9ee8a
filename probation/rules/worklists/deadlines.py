"""Pure rules for the lists that drive the day (issue 3 items 9 and 10): no Django here, so they are
quick to test exhaustively.

Sources: enforcement.md "Outcomes" (an appointment past its time without an outcome is outstanding),
"Community order requirements" (unpaid work to be completed within 12 months) and issue 3 item 9
("requirements at risk (e.g. unpaid work hours unlikely to be finished by the deadline at the current
rate)", "orders ending soon").
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.working_days import add_working_days
from probation.rules.sentences.requirements import unpaid_work_deadline

# An outcome should be recorded within two working days of the appointment; older outstanding
# appointments are raised overnight for the officer (our practice standard; enforcement.md only says
# they must appear on the "needs an outcome" list).
OUTCOME_WORKING_DAYS = 2
# "Orders ending soon": the next four weeks, long enough to plan the termination or an extension.
ENDING_SOON_DAYS = 28
# A rate measured over less than four weeks says nothing (induction, first placement being booked),
# so a new unpaid work requirement is not projected until it has run this long.
RATE_SETTLING_DAYS = 28


def outcome_due_on(appointment_on: dt.date) -> dt.date:
    """The last day to record an appointment's outcome: two working days after it."""
    return add_working_days(appointment_on, OUTCOME_WORKING_DAYS)


def last_appointment_day_overdue(today: dt.date) -> dt.date:
    """The latest appointment date whose outcome is overdue on ``today`` (``outcome_due_on(d) < today``).

    ``outcome_due_on`` never decreases as the date moves on, so every earlier date is overdue too: the
    nightly sweep turns this into one date comparison for the whole country.
    """
    day = today - dt.timedelta(days=1)
    while outcome_due_on(day) >= today:
        day -= dt.timedelta(days=1)
    return day


class UnpaidWorkStatus(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DEADLINE_PASSED = "deadline_passed"


@dataclass(frozen=True)
class UnpaidWorkOutlook:
    status: UnpaidWorkStatus
    deadline: dt.date
    remaining: int
    projected: int  # hours expected to be credited by the deadline at the current rate

    @property
    def needs_attention(self) -> bool:
        return self.status is not UnpaidWorkStatus.ON_TRACK


def unpaid_work_outlook(
    *,
    start: dt.date,
    ordered: int,
    done: int,
    today: dt.date,
    booked: int = 0,
    deadline: dt.date | None = None,
) -> UnpaidWorkOutlook:
    """Will the hours be finished by the 12-month deadline at the rate achieved since the start?

    At risk when the hours remaining exceed the hours projected from now to the deadline at the rate
    credited so far (``done`` over the days since ``start``). A requirement younger than
    RATE_SETTLING_DAYS is not projected; a finished one is on track; once the deadline has passed with
    hours remaining it is ``DEADLINE_PASSED`` (domain rule ``is_unpaid_work_overdue``).

    ``booked``: hours of unpaid-work sessions already booked from today to the deadline (issue 13
    item 6, the real session schedule). Sessions booked to cover what remains make the order on track
    whatever the past rate; otherwise the projection is the better of the booked hours and the rate.

    ``deadline``: the deadline in force when the court extended the 12 months (issue 13 item 6).
    """
    deadline = deadline or unpaid_work_deadline(start)  # a court's extension replaces the 12 months
    remaining = max(ordered - done, 0)
    if remaining == 0:
        return UnpaidWorkOutlook(UnpaidWorkStatus.ON_TRACK, deadline, 0, 0)
    if today > deadline:
        return UnpaidWorkOutlook(UnpaidWorkStatus.DEADLINE_PASSED, deadline, remaining, 0)
    if booked >= remaining:
        return UnpaidWorkOutlook(UnpaidWorkStatus.ON_TRACK, deadline, remaining, booked)
    elapsed = (today - start).days
    if elapsed < RATE_SETTLING_DAYS:
        return UnpaidWorkOutlook(UnpaidWorkStatus.ON_TRACK, deadline, remaining, remaining)
    days_left = (deadline - today).days
    # Integer arithmetic: remaining > done * days_left / elapsed, without rounding at the boundary.
    at_risk = remaining * elapsed > done * days_left
    projected = max(done * days_left // elapsed, booked)
    status = UnpaidWorkStatus.AT_RISK if at_risk else UnpaidWorkStatus.ON_TRACK
    return UnpaidWorkOutlook(status, deadline, remaining, projected)
