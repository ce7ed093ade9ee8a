"""Enforcement actions: which action an officer may record for a failure, respond-by dates and the
statements a warning letter makes.

Source: enforcement.md, "Failures to comply (FTC) and the warning/breach rule" and "Enforcement actions".
The one-warning-in-12-months rule that makes breach mandatory is in probation.rules.enforcement.breach.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from probation.rules.calendar.working_days import add_working_days
from probation.rules.enforcement.breach import (
    OrderKind,
    WarningGiven,
    breach_is_mandatory,
    warning_expires_on,
    warning_in_force,
)
from probation.rules.enforcement.transitions import EnforcementStatus, check_transition
from probation.rules.errors import SentenceRuleError

# "enforcement action (warning letter or breach) within 10 working days of the failure".
ENFORCEMENT_WORKING_DAYS = 10

_ORDER_NAMES: Mapping[OrderKind, str] = MappingProxyType(
    {
        OrderKind.COMMUNITY_ORDER: "a community order",
        OrderKind.SUSPENDED_SENTENCE_ORDER: "a suspended sentence order",
        OrderKind.LICENCE: "a licence",
    }
)


class EnforcementAction(StrEnum):
    FIRST_WARNING_LETTER = "first_warning_letter"
    SECOND_WARNING_LETTER = "second_warning_letter"  # licences only: a licence compliance letter
    BREACH_OR_RECALL_INITIATED = "breach_or_recall_initiated"
    REFER_TO_OFFENDER_MANAGER = "refer_to_offender_manager"
    DECISION_PENDING_RESPONSE = "decision_pending_response"
    NO_FURTHER_ACTION = "no_further_action"
    WITHDRAW_WARNING = "withdraw_warning"


_A = EnforcementAction

ACTION_LABELS: Mapping[EnforcementAction, str] = MappingProxyType(
    {
        _A.FIRST_WARNING_LETTER: "First warning letter sent",
        _A.SECOND_WARNING_LETTER: "Second warning letter sent (licence compliance letter)",
        _A.BREACH_OR_RECALL_INITIATED: "Breach or recall initiated",
        _A.REFER_TO_OFFENDER_MANAGER: "Refer to offender manager",
        _A.DECISION_PENDING_RESPONSE: "Decision pending response from the person",
        _A.NO_FURTHER_ACTION: "No further action",
        _A.WITHDRAW_WARNING: "Withdraw warning",
    }
)

# The status of the failure's enforcement workflow once an action is recorded (see transitions.py).
ACTION_RESULT: Mapping[EnforcementAction, EnforcementStatus] = MappingProxyType(
    {
        _A.FIRST_WARNING_LETTER: EnforcementStatus.FIRST_WARNING_SENT,
        _A.SECOND_WARNING_LETTER: EnforcementStatus.SECOND_WARNING_SENT,
        _A.BREACH_OR_RECALL_INITIATED: EnforcementStatus.BREACH_OR_RECALL_INITIATED,
        _A.REFER_TO_OFFENDER_MANAGER: EnforcementStatus.REFERRED_TO_OFFENDER_MANAGER,
        _A.DECISION_PENDING_RESPONSE: EnforcementStatus.PENDING_RESPONSE,
        _A.NO_FURTHER_ACTION: EnforcementStatus.NO_FURTHER_ACTION,
        _A.WITHDRAW_WARNING: EnforcementStatus.WARNING_WITHDRAWN,
    }
)

# Steps that do not decide the failure, so the warning/breach rule does not constrain them.
INTERIM_ACTIONS = frozenset({_A.REFER_TO_OFFENDER_MANAGER, _A.DECISION_PENDING_RESPONSE})


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def allowed_enforcement_actions(
    order_kind: OrderKind, *, warnings: Iterable[WarningGiven], considered_on: dt.date
) -> frozenset[EnforcementAction]:
    """The actions an officer may record for a new unacceptable failure.

    Source: enforcement.md, "Failures to comply" and "Enforcement actions":
    - community and suspended sentence orders: with a warning in force, breach is the only decision;
      otherwise one warning or breach. No further action is not a lawful decision on these orders.
    - licences: warning letters (the second is a licence compliance letter), recall, or no further action.
    Referral to the offender manager and a decision pending the person's response are always allowed:
    they do not decide the failure. Withdrawing a warning acts on a warning already sent, not on a
    new failure, so it is never in this set (see :func:`check_enforcement_action`).
    """
    warnings = tuple(warnings)
    if order_kind is OrderKind.LICENCE:
        decisions = {_A.FIRST_WARNING_LETTER, _A.BREACH_OR_RECALL_INITIATED, _A.NO_FURTHER_ACTION}
        if any(not w.withdrawn and w.given_on <= considered_on for w in warnings):
            decisions.add(_A.SECOND_WARNING_LETTER)
    elif breach_is_mandatory(order_kind, warnings, considered_on=considered_on):
        decisions = {_A.BREACH_OR_RECALL_INITIATED}
    else:
        decisions = {_A.FIRST_WARNING_LETTER, _A.BREACH_OR_RECALL_INITIATED}
    return frozenset(decisions) | INTERIM_ACTIONS


def _refusal(
    action: EnforcementAction,
    order_kind: OrderKind,
    warnings: tuple[WarningGiven, ...],
    considered_on: dt.date,
) -> str:
    name = f"'{ACTION_LABELS[action]}'"
    order = _ORDER_NAMES[order_kind]
    if action is _A.SECOND_WARNING_LETTER and order_kind is not OrderKind.LICENCE:
        return f"{name} is for licences only; {order} allows one warning within 12 months."
    if action is _A.SECOND_WARNING_LETTER:
        return f"{name} needs an earlier warning that has not been withdrawn."
    in_force = warning_in_force(warnings, considered_on=considered_on)
    if in_force is not None:
        return (
            f"A warning was given on {_day(in_force.given_on)}, within the previous 12 months (it applies "
            f"until {_day(warning_expires_on(in_force.given_on))}): breach proceedings must be started, "
            f"so {name} is not allowed on {order}."
        )
    return f"{name} is not allowed on {order}: the officer must give one warning or start breach proceedings."


def check_enforcement_action(
    action: EnforcementAction,
    *,
    order_kind: OrderKind,
    current_status: EnforcementStatus,
    warnings: Iterable[WarningGiven],
    considered_on: dt.date,
    reason: str = "",
) -> EnforcementStatus:
    """Refuse an action the workflow or the warning/breach rule does not allow; return the new status.

    Source: enforcement.md, "Enforcement actions" ("no further action (with reason)") and "Failures to
    comply". The workflow order (e.g. a warning can be withdrawn only once sent) is in transitions.py.
    """
    new_status = ACTION_RESULT[action]
    check_transition(current_status, new_status)
    warnings = tuple(warnings)
    if action is not _A.WITHDRAW_WARNING and action not in allowed_enforcement_actions(
        order_kind, warnings=warnings, considered_on=considered_on
    ):
        raise SentenceRuleError(_refusal(action, order_kind, warnings, considered_on), field="action")
    if action is _A.NO_FURTHER_ACTION and not reason.strip():
        raise SentenceRuleError("Give a reason for taking no further action.", field="reason")
    return new_status


def enforcement_respond_by(failure_date: dt.date) -> dt.date:
    """The respond-by date of an enforcement action: 10 England and Wales working days after the failure.

    Source: enforcement.md, "Failures to comply" (national standard: enforcement action within 10 working
    days of the failure) and "Enforcement actions" (each action has a respond-by date). The failure day
    itself does not count: a failure on Friday 3 January 2025 must be acted on by Friday 17 January.
    """
    return add_working_days(failure_date, ENFORCEMENT_WORKING_DAYS)


def is_overdue(respond_by: dt.date, *, today: dt.date) -> bool:
    """True once the respond-by date has passed; on the date itself the action is still in time."""
    return today > respond_by


def warning_letter_statements(
    circumstances: str, *, given_on: dt.date, licence: bool = False
) -> tuple[str, str, str]:
    """The three statements every warning must make.

    Source: enforcement.md, "Failures to comply": a warning states the circumstances, that the failure is
    unacceptable, and that another failure within 12 months makes the person liable to be brought back
    to court. On a licence the consequence is recall to custody, not a return to court ("Licences and
    recall"), so a licence compliance letter says that instead.
    """
    if not circumstances.strip():
        raise SentenceRuleError("Describe the circumstances of the failure to comply.", field="circumstances")
    return (
        circumstances.strip(),
        "This failure to comply is unacceptable.",
        "If you fail to comply again on or before "
        f"{_day(warning_expires_on(given_on))}, "
        + (
            "you may be recalled to custody."
            if licence
            else "you will be liable to be brought back before the court."
        ),
    )
