"""Deadlines of a commissioned-service referral (interventions.md § Provider timeline).

- The initial (supplier) assessment: within **10 working days** of the provider receiving the
  referral.
- The action plan: within **5 working days** of the initial assessment.
- The end-of-service report: within **5 working days** of the last session.
Working days are Monday to Friday less England and Wales bank holidays; the day the clock starts never
counts (``add_working_days``). A deadline is met on its own day and overdue from the next.
"""

import datetime as dt

from probation.rules.calendar.working_days import add_working_days
from probation.rules.errors import RuleError

ASSESSMENT_WORKING_DAYS = 10
ACTION_PLAN_WORKING_DAYS = 5
REPORT_WORKING_DAYS = 5


def assessment_due(received_on: dt.date) -> dt.date:
    """The last day for the initial assessment appointment of a referral received on ``received_on``."""
    return add_working_days(received_on, ASSESSMENT_WORKING_DAYS)


def action_plan_due(assessed_on: dt.date) -> dt.date:
    """The last day to submit the action plan after the initial assessment on ``assessed_on``."""
    return add_working_days(assessed_on, ACTION_PLAN_WORKING_DAYS)


def report_due(last_session_on: dt.date) -> dt.date:
    """The last day for the end-of-service report after the last session on ``last_session_on``."""
    return add_working_days(last_session_on, REPORT_WORKING_DAYS)


def is_overdue(due_on: dt.date, *, done_on: dt.date | None, today: dt.date) -> bool:
    """Late if done after the due day, or not done and the due day has passed."""
    return (done_on if done_on is not None else today) > due_on


def check_completion_deadline(deadline: dt.date, *, today: dt.date, sentence_ends_on: dt.date | None) -> None:
    """The date the service must be completed by: after today, and not after the sentence ends (the
    provider's work is enforceable only while the order runs)."""
    if deadline <= today:
        raise RuleError("The completion deadline must be in the future", field="complete_by")
    if sentence_ends_on is not None and deadline > sentence_ends_on:
        raise RuleError(
            f"The completion deadline must be on or before the end of the sentence, "
            f"{sentence_ends_on.day} {sentence_ends_on:%B %Y}",
            field="complete_by",
        )
