"""The allowed state transitions of the enforcement action, breach and recall workflows, declared once.

Sources (enforcement.md):
- "Enforcement actions": the actions recorded against an unacceptable outcome. Referral to the offender
  manager and a decision pending the person's response are interim steps; a warning letter, breach or
  recall, or no further action decides the failure; a warning can later be withdrawn.
- "Breach": initiated ⇒ breach pack for court ⇒ court outcome (proven: order continues / amended /
  revoked and re-sentenced / committed to custody / fine; not proven; withdrawn). A concluded breach
  sets the breach end date.
- "Licences and recall": the officer considers a recall, a senior PO decides recall / no recall; after
  a recall the person is in custody until re-released or until the licence ends.
"""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TypeAlias

from probation.rules.errors import SentenceRuleError


class EnforcementStatus(StrEnum):
    AWAITING_ACTION = "awaiting_action"
    REFERRED_TO_OFFENDER_MANAGER = "referred_to_offender_manager"
    PENDING_RESPONSE = "pending_response"
    FIRST_WARNING_SENT = "first_warning_sent"
    SECOND_WARNING_SENT = "second_warning_sent"
    BREACH_OR_RECALL_INITIATED = "breach_or_recall_initiated"
    NO_FURTHER_ACTION = "no_further_action"
    WARNING_WITHDRAWN = "warning_withdrawn"


class BreachStatus(StrEnum):
    INITIATED = "initiated"
    PACK_SENT_TO_COURT = "pack_sent_to_court"
    PROVEN_ORDER_CONTINUES = "proven_order_continues"
    PROVEN_ORDER_AMENDED = "proven_order_amended"
    PROVEN_REVOKED_AND_RESENTENCED = "proven_revoked_and_resentenced"
    PROVEN_COMMITTED_TO_CUSTODY = "proven_committed_to_custody"
    PROVEN_FINED = "proven_fined"
    NOT_PROVEN = "not_proven"
    WITHDRAWN = "withdrawn"


class RecallStatus(StrEnum):
    CONSIDERING = "considering"
    AWAITING_DECISION = "awaiting_decision"
    RECALL_DECIDED = "recall_decided"
    NO_RECALL_DECIDED = "no_recall_decided"
    RETURNED_TO_CUSTODY = "returned_to_custody"
    RE_RELEASED = "re_released"
    LICENCE_ENDED_IN_CUSTODY = "licence_ended_in_custody"


Status: TypeAlias = EnforcementStatus | BreachStatus | RecallStatus

_E, _B, _R = EnforcementStatus, BreachStatus, RecallStatus
# Every step that decides the failure, reachable from the first two (interim) states.
_ENFORCEMENT_DECISIONS = frozenset(
    {_E.FIRST_WARNING_SENT, _E.SECOND_WARNING_SENT, _E.BREACH_OR_RECALL_INITIATED, _E.NO_FURTHER_ACTION}
)
_COURT_OUTCOMES = frozenset(
    {
        _B.PROVEN_ORDER_CONTINUES,
        _B.PROVEN_ORDER_AMENDED,
        _B.PROVEN_REVOKED_AND_RESENTENCED,
        _B.PROVEN_COMMITTED_TO_CUSTODY,
        _B.PROVEN_FINED,
        _B.NOT_PROVEN,
    }
)
_NONE: frozenset = frozenset()

# The one declaration of every workflow. A status with no onward steps is final.
TRANSITIONS: Mapping[type, Mapping[Status, frozenset]] = MappingProxyType(
    {
        EnforcementStatus: MappingProxyType(
            {
                _E.AWAITING_ACTION: _ENFORCEMENT_DECISIONS
                | {_E.REFERRED_TO_OFFENDER_MANAGER, _E.PENDING_RESPONSE},
                _E.REFERRED_TO_OFFENDER_MANAGER: _ENFORCEMENT_DECISIONS | {_E.PENDING_RESPONSE},
                _E.PENDING_RESPONSE: _ENFORCEMENT_DECISIONS | {_E.REFERRED_TO_OFFENDER_MANAGER},
                _E.FIRST_WARNING_SENT: frozenset({_E.WARNING_WITHDRAWN}),
                _E.SECOND_WARNING_SENT: frozenset({_E.WARNING_WITHDRAWN}),
                _E.BREACH_OR_RECALL_INITIATED: _NONE,
                _E.NO_FURTHER_ACTION: _NONE,
                _E.WARNING_WITHDRAWN: _NONE,
            }
        ),
        BreachStatus: MappingProxyType(
            {
                _B.INITIATED: frozenset({_B.PACK_SENT_TO_COURT, _B.WITHDRAWN}),
                _B.PACK_SENT_TO_COURT: _COURT_OUTCOMES | {_B.WITHDRAWN},
                **dict.fromkeys(_COURT_OUTCOMES | {_B.WITHDRAWN}, _NONE),
            }
        ),
        RecallStatus: MappingProxyType(
            {
                _R.CONSIDERING: frozenset({_R.AWAITING_DECISION}),
                _R.AWAITING_DECISION: frozenset({_R.RECALL_DECIDED, _R.NO_RECALL_DECIDED}),
                _R.RECALL_DECIDED: frozenset({_R.RETURNED_TO_CUSTODY}),
                _R.RETURNED_TO_CUSTODY: frozenset({_R.RE_RELEASED, _R.LICENCE_ENDED_IN_CUSTODY}),
                _R.NO_RECALL_DECIDED: _NONE,
                _R.RE_RELEASED: _NONE,
                _R.LICENCE_ENDED_IN_CUSTODY: _NONE,
            }
        ),
    }
)

INITIAL_STATUS: Mapping[type, Status] = MappingProxyType(
    {EnforcementStatus: _E.AWAITING_ACTION, BreachStatus: _B.INITIATED, RecallStatus: _R.CONSIDERING}
)

_WORKFLOW_NAMES: Mapping[type, str] = MappingProxyType(
    {EnforcementStatus: "an enforcement action", BreachStatus: "a breach", RecallStatus: "a recall"}
)


def label(status: Status) -> str:
    """A readable name for a status, e.g. "pack sent to court"."""
    return status.value.replace("_", " ")


def allowed_next(status: Status) -> frozenset:
    """The statuses a workflow may move to from ``status``; empty when ``status`` is final."""
    return TRANSITIONS[type(status)][status]


def is_final(status: Status) -> bool:
    return not allowed_next(status)


def check_transition(current: Status, new: Status) -> None:
    """Refuse a move the workflow of ``current`` does not allow, naming what is allowed instead."""
    workflow = type(current)
    if type(new) is not workflow:
        # StrEnum members compare equal to plain strings, so a bare string or another workflow's status
        # must be refused here rather than slip through the membership test below.
        name = label(new) if isinstance(new, EnforcementStatus | BreachStatus | RecallStatus) else str(new)
        raise SentenceRuleError(f"'{name}' is not a status of {_WORKFLOW_NAMES[workflow]}.", field="status")
    allowed = allowed_next(current)
    if new in allowed:
        return
    if not allowed:
        detail = f"'{label(current)}' is final"
    else:
        detail = "allowed next: " + ", ".join(sorted(f"'{label(s)}'" for s in allowed))
    raise SentenceRuleError(
        f"Cannot move {_WORKFLOW_NAMES[workflow]} from '{label(current)}' to '{label(new)}' ({detail}).",
        field="status",
    )
