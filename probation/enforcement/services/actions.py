"""The enforcement-action workflow: recording what was done about one unacceptable failure.

Source: enforcement.md, "Enforcement actions" and "Failures to comply (FTC) and the warning/breach rule".
The allowed actions are the pure rule ``allowed_enforcement_actions`` / ``check_enforcement_action``
(one warning in 12 months on community and suspended sentence orders, Sentencing Act 2020 Sch 10
paras 6-7; a second warning letter only on licences) and the workflow is ``transitions.TRANSITIONS``.

Every write takes the acting user and the CRN, locks the case through people's scoped
``person_for_change`` (ENFORCEMENT_MANAGE in the managing PDU), locks the enforcement case row, refuses
a stale version with what changed, writes a status row (who, when, from, to, action, note) and the
audit entry, and tells the tier the case changed, all in one transaction: a refusal leaves no trace.
Audit details never carry free text (reasons, circumstances, notes).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.core import clock
from probation.core.case_changes import case_inputs_changed
from probation.core.errors import NotFound, ServiceError
from probation.enforcement.letters import render_pdf
from probation.enforcement.presenters.actions import warning_letter_context
from probation.enforcement.selectors import actions as selectors
from probation.enforcement.selectors import compliance as compliance_selectors
from probation.enforcement.services.compliance import order_kind
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update, conflict_for
from probation.rules.calendar.working_days import add_working_days
from probation.rules.enforcement.actions import (
    ACTION_RESULT,
    INTERIM_ACTIONS,
    EnforcementAction,
    allowed_enforcement_actions,
    check_enforcement_action,
    warning_letter_statements,
)
from probation.rules.enforcement.breach import OrderKind, WarningGiven, breach_is_mandatory, warning_in_force
from probation.rules.enforcement.transitions import EnforcementStatus, allowed_next
from probation.rules.errors import SentenceRuleError

ENTITY = "enforcement_case"  # audit object type and PersonChange entity (ADR 0005)
_A = EnforcementAction
WARNING_ACTIONS = frozenset({_A.FIRST_WARNING_LETTER, _A.SECOND_WARNING_LETTER})
# Actions that decide the failure: the date and the officer are recorded on the case.
DECISIONS = WARNING_ACTIONS | {_A.BREACH_OR_RECALL_INITIATED, _A.NO_FURTHER_ACTION}
# An interim step may give the person or the offender manager a new deadline: at most the national
# standard's 10 working days for the enforcement action itself (enforcement.md).
MAX_RESPOND_WITHIN = 10


@dataclass(frozen=True)
class ActionOptions:
    """What an officer may record on one enforcement case today, in the workflow's order."""

    order_kind: OrderKind
    actions: tuple[EnforcementAction, ...]
    # The warning that makes breach proceedings mandatory, if one does (the page explains why).
    mandatory_because_of: dt.date | None


def relevant_warnings(case: EnforcementCase, warning_dates: list[dt.date]) -> list[WarningGiven]:
    """Warnings on the same order that can make breach mandatory for this failure.

    Sentencing Act 2020 Sch 10 para 7(1)(b): breach is mandatory when, within 12 months of a warning,
    the officer considers the person "has since that date failed" to comply; a warning given after
    this failure (for an earlier one) does not count against it.
    """
    return [WarningGiven(day) for day in warning_dates if day <= case.failure_date]


def _warnings_for(case: EnforcementCase) -> list[WarningGiven]:
    return relevant_warnings(
        case, compliance_selectors.warning_dates(sentence=case.sentence, exclude_case_id=case.pk)
    )


def options_from(
    *, case: EnforcementCase, kind: OrderKind, warnings: list[WarningGiven], today: dt.date
) -> ActionOptions:
    candidates = set(allowed_enforcement_actions(kind, warnings=warnings, considered_on=today))
    candidates.add(_A.WITHDRAW_WARNING)  # only reachable from a warning sent (transitions.py)
    onward = allowed_next(EnforcementStatus(case.status))
    actions = tuple(a for a in EnforcementAction if a in candidates and ACTION_RESULT[a] in onward)
    mandatory = None
    if _A.BREACH_OR_RECALL_INITIATED in actions and breach_is_mandatory(kind, warnings, considered_on=today):
        mandatory = warning_in_force(warnings, considered_on=today).given_on  # type: ignore[union-attr]
    return ActionOptions(order_kind=kind, actions=actions, mandatory_because_of=mandatory)


def enforcement_action_options(*, case: EnforcementCase) -> ActionOptions:
    """The actions allowed today on ``case`` (its sentence loaded): one query for the warnings."""
    return options_from(
        case=case, kind=order_kind(case.sentence), warnings=_warnings_for(case), today=clock.today_uk()
    )


def _check(
    action: EnforcementAction,
    *,
    case: EnforcementCase,
    warnings: list[WarningGiven],
    today: dt.date,
    reason: str,
) -> EnforcementStatus:
    try:
        return check_enforcement_action(
            action,
            order_kind=order_kind(case.sentence),
            current_status=EnforcementStatus(case.status),
            warnings=warnings,
            considered_on=today,
            reason=reason,
        )
    except SentenceRuleError as error:
        # A refused workflow move is about the action chosen: show it beside the action question.
        field = "action" if error.field == "status" else error.field
        raise ServiceError(error.message, field=field) from None


@dataclass(frozen=True)
class _Transition:
    """One workflow move of a case: the action, the status it leads to, the grounds to record on the
    case (None leaves them as they are), the step's note and any new respond-by date."""

    action: EnforcementAction
    new_status: EnforcementStatus
    case_reason: str | None
    note: str
    respond_by: dt.date | None = None


def _apply(*, actor: User, person: Person, case: EnforcementCase, move: _Transition, today: dt.date) -> None:
    from_status = case.status
    data: dict[str, object] = {"status": move.new_status.value, "last_action": move.action.value}
    if move.action in DECISIONS:
        data |= {"decided_on": today, "decided_by_id": actor.pk}
    if move.case_reason is not None:
        data["reason"] = move.case_reason
    if move.respond_by is not None:
        data["respond_by"] = move.respond_by
    apply_versioned_update(
        actor=actor, person=person, instance=case, entity=ENTITY, expected_version=case.version, data=data
    )
    EnforcementStep.objects.create(
        case=case,
        action=move.action.value,
        from_status=from_status,
        to_status=move.new_status.value,
        actor=actor,
        note=move.note,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=person.crn,
        object_type=ENTITY,
        object_id=case.pk,
        detail={
            "action": move.action.value,
            "from_status": from_status,
            "to_status": move.new_status.value,
            "respond_by": case.respond_by.isoformat(),
            "version": case.version,
        },
    )


def _parse_action(action: str) -> EnforcementAction:
    try:
        return EnforcementAction(action)
    except ValueError:
        raise ServiceError("Select the enforcement action", field="action") from None


def _texts(
    action: EnforcementAction, *, reason: str, circumstances: str, note: str, today: dt.date
) -> tuple[str | None, str]:
    """The case's recorded grounds (circumstances of a warning, reason for no further action or a
    withdrawal; None leaves it as it is) and the step's note. Text for another action is ignored."""
    if action in WARNING_ACTIONS:
        warning_letter_statements(circumstances, given_on=today)  # refuses missing circumstances
        grounds: str | None = circumstances
    elif action is _A.WITHDRAW_WARNING:
        if not reason:
            raise ServiceError("Give a reason for withdrawing the warning", field="reason")
        grounds = reason
    elif action is _A.NO_FURTHER_ACTION:
        grounds = reason  # check_enforcement_action refuses it empty
    else:
        grounds = None
    return grounds, "\n\n".join(text for text in (grounds or "", note) if text)


@dataclass(frozen=True)
class ActionChoice:
    """The action chosen on the record-an-action page, with its texts and any respond-by period."""

    action: str
    reason: str = ""
    circumstances: str = ""
    note: str = ""
    respond_within_working_days: int | None = None


def _check_respond_within(action: EnforcementAction, days: int | None) -> None:
    if days is None:
        return
    if action not in INTERIM_ACTIONS:
        raise ServiceError(
            "Only a referral to the offender manager or a decision pending the person's response "
            "sets a new respond-by date",
            field="respond_within",
        )
    if not 1 <= days <= MAX_RESPOND_WITHIN:
        raise ServiceError(
            f"Working days to respond must be between 1 and {MAX_RESPOND_WITHIN}", field="respond_within"
        )


def _case_for_change(*, person: Person, case_id: int, expected_version: int) -> EnforcementCase:
    case = (
        EnforcementCase.objects.select_for_update()
        .select_related("sentence")
        .filter(person=person, pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound(case_id)
    if case.version != expected_version:
        raise conflict_for(instance=case, entity=ENTITY, expected_version=expected_version)
    return case


def enforcement_action_record(
    *, actor: User, crn: str, case_id: int, expected_version: int, choice: ActionChoice
) -> EnforcementCase:
    """Record an action on an enforcement case.

    ``circumstances`` (warning letters) are printed in the letter; ``reason`` is required for no further
    action and for withdrawing a warning; an interim action (referral to the offender manager, decision
    pending the person's response) may set a new respond-by date ``respond_within_working_days`` England
    and Wales working days from today. Breach or recall initiated only records the decision here; the
    breach and recall services open their own records.
    """
    chosen = _parse_action(choice.action)
    reason, circumstances, note = choice.reason.strip(), choice.circumstances.strip(), choice.note.strip()
    respond_within = choice.respond_within_working_days
    _check_respond_within(chosen, respond_within)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ENFORCEMENT_MANAGE)
        case = _case_for_change(person=person, case_id=case_id, expected_version=expected_version)
        today = clock.today_uk()
        grounds, step_note = _texts(
            chosen, reason=reason, circumstances=circumstances, note=note, today=today
        )
        new_status = _check(chosen, case=case, warnings=_warnings_for(case), today=today, reason=reason)
        respond_by = add_working_days(today, respond_within) if respond_within else None
        move = _Transition(chosen, new_status, case_reason=grounds, note=step_note, respond_by=respond_by)
        _apply(actor=actor, person=person, case=case, move=move, today=today)
        case_inputs_changed(person_id=person.pk, reason=f"enforcement action: {chosen.value}", actor=actor)
    return case


def enforcement_case_mark_breach_initiated(
    *, actor: User, case: EnforcementCase, note: str = ""
) -> EnforcementCase:
    """Record on ``case`` that breach (or recall) proceedings were started, for the breach and recall
    services to call inside their own transaction, after they have locked the person and checked the
    actor's permission; the caller also calls ``case_inputs_changed``.

    Locks the case row; a case already marked is returned unchanged (so a decision recorded first and a
    breach opened later meet without error); a final case (warning sent, no further action, withdrawn)
    is refused with the workflow's message.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enforcement_case_mark_breach_initiated must run inside the caller's transaction")
    locked = EnforcementCase.objects.select_for_update().select_related("sentence", "person").get(pk=case.pk)
    if locked.status == EnforcementStatus.BREACH_OR_RECALL_INITIATED:
        return locked
    today = clock.today_uk()
    action = _A.BREACH_OR_RECALL_INITIATED
    # Breach is allowed whatever the warnings, so the rule needs none; the transition is still checked.
    new_status = _check(action, case=locked, warnings=[], today=today, reason="")
    _apply(
        actor=actor,
        person=locked.person,
        case=locked,
        move=_Transition(action, new_status, case_reason=None, note=note.strip()),
        today=today,
    )
    return locked


def warning_letter_export(*, actor: User, person: Person, case_id: int) -> tuple[str, bytes]:
    """The warning letter (first warning for an order, licence compliance letter for a licence) of a
    case whose warning was sent, as a PDF with its file name. Audited as an export before it is given
    out; any other case, or a withdrawn warning, is "not found"."""
    case = selectors.enforcement_case_get(person=person, case_id=case_id)
    if case.status not in (EnforcementStatus.FIRST_WARNING_SENT, EnforcementStatus.SECOND_WARNING_SENT):
        raise NotFound(case_id)
    context = warning_letter_context(
        person=person,
        case=case,
        kind=order_kind(case.sentence),
        address=selectors.main_address_lines(person=person),
        office=selectors.letter_office(staff=case.decided_by.staff if case.decided_by else None),
    )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.EXPORT,
            crn=person.crn,
            object_type=ENTITY,
            object_id=case.pk,
            detail={"document": "warning_letter", "status": case.status},
        )
        pdf = render_pdf("enforcement/letters/warning.html", context)
    return f"warning-letter-{person.crn}-{case.pk}.pdf", pdf
