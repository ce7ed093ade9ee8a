"""Recording the outcomes of a whole session in one go: an unpaid-work session sheet (issue 13 item 4)
or an accredited programme's register (issue 12 item 2).

This is the credit service of ``outcomes.py`` for many appointments at once, with the same rules
(outcome allowed for the type, only attended contacts of a type that counts credit, never beyond
the order, an unacceptable outcome on an enforceable contact opens enforcement due in 10 working
days) and the same row locks — every contact and every requirement of the sheet locked in one
query each, in id order, so two supervisors saving at once take turns and the second finds the
outcomes already recorded. Unpaid work is credited in minutes: the requirement keeps whole hours in
``done`` and the rest in ``done_part_minutes``. Any other requirement (an accredited programme) is
credited in its own unit (sessions attended) straight into ``done``.

The caller (probation.unpaid_work) has already decided the actor may record this session: the
supervisor of the session, or unpaid-work staff of its PDU. Queries do not grow with the rows.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from django.db import transaction

from probation.accounts.models import User
from probation.contacts.models import Contact, EnforcementCase, EnforcementStep
from probation.contacts.services.outcomes import sentence_months
from probation.contacts.times import local
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import now
from probation.core.errors import ServiceError
from probation.rules.contacts.outcomes import Outcome, check_outcome_allowed, outcome
from probation.rules.enforcement.actions import enforcement_respond_by
from probation.rules.enforcement.transitions import EnforcementStatus
from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement


@dataclass(frozen=True)
class SessionOutcome:
    contact_id: int
    outcome: str
    notes: str = ""


@dataclass(frozen=True)
class SessionOutcomeResult:
    contact: Contact
    credited: int  # minutes
    enforcement: EnforcementCase | None


# Given the contact and what its requirement still needs (minutes for unpaid work, else the
# requirement's own unit), what to credit (the caller's rule: for unpaid work (end − start) − penalty,
# plus any travel adjustment; for a programme one session), capped at what remains.
CreditRule = Callable[[Contact, int], int]


def _in_minutes(requirement: Requirement) -> bool:
    return requirement.type == RequirementType.UNPAID_WORK


def _remaining(requirement: Requirement) -> int:
    if _in_minutes(requirement):
        return (requirement.ordered or 0) * 60 - requirement.done_minutes
    return (requirement.ordered or 0) - requirement.done


def contacts_record_session_outcomes(
    *,
    actor: User,
    rows: Sequence[SessionOutcome],
    credit: CreditRule,
    reason: str = "unpaid work outcome recorded",
) -> list[SessionOutcomeResult]:
    """Record each row's outcome and credit, in one transaction. Refuses the whole sheet (nothing
    written) if any appointment already has an outcome, was cancelled, or an outcome is not allowed."""
    if not rows:
        return []
    with transaction.atomic():
        contacts = {
            c.pk: c
            for c in Contact.objects.select_for_update(of=("self",))
            .select_related("sentence", "person", "outcome_recorded_by")
            .filter(pk__in=[row.contact_id for row in rows], is_appointment=True)
            .order_by("pk")
        }
        requirements = {
            r.pk: r
            for r in Requirement.objects.select_for_update()
            .filter(pk__in={c.requirement_id for c in contacts.values() if c.requirement_id})
            .order_by("pk")
        }
        results, opened = [], []
        for row in rows:
            contact = contacts.get(row.contact_id)
            if contact is None:
                raise ServiceError("An appointment on this sheet no longer exists: reload the sheet")
            _check_open(contact)
            result = _allowed(contact, row.outcome)
            credited = 0
            requirement = requirements.get(contact.requirement_id or 0)
            if requirement is not None and outcome(result.code).attended:
                credited = _credit(requirement, contact, credit)
            contact.outcome, contact.outcome_recorded_at, contact.outcome_recorded_by = (
                result.code,
                now(),
                actor,
            )
            contact.credited = credited
            if row.notes.strip():
                contact.notes = f"{contact.notes}\n\nOutcome notes: {row.notes.strip()}".strip()
            contact.version += 1
            if contact.sentence_id is not None and contact.is_failure_to_comply:
                opened.append(contact)
            results.append(SessionOutcomeResult(contact, credited, None))
        Contact.objects.bulk_update(
            list(contacts.values()),
            ["outcome", "outcome_recorded_at", "outcome_recorded_by", "credited", "notes", "version"],
        )
        for requirement in requirements.values():
            requirement.updated_at = now()
        # Progress is not an edit of the requirement: no version bump (ADR 0015).
        Requirement.objects.bulk_update(
            list(requirements.values()), ["done", "done_part_minutes", "updated_at"]
        )
        cases = _open_enforcement(actor=actor, contacts=opened)
        for person_id in sorted({c.person_id for c in opened}):
            case_inputs_changed(person_id=person_id, reason=reason, actor=actor)
    return [SessionOutcomeResult(r.contact, r.credited, cases.get(r.contact.pk)) for r in results]


def _credit(requirement: Requirement, contact: Contact, credit: CreditRule) -> int:
    """Credit the locked requirement with what the caller's rule gives, never beyond what remains."""
    remaining = _remaining(requirement)
    credited = credit(contact, remaining)
    if not 0 <= credited <= remaining:
        unit = "minutes" if _in_minutes(requirement) else "sessions"
        raise ServiceError(f"{contact.person.crn}: only {remaining} {unit} remain on the order")
    if _in_minutes(requirement):
        requirement.done, requirement.done_part_minutes = divmod(requirement.done_minutes + credited, 60)
    else:
        requirement.done += credited
    return credited


def _allowed(contact: Contact, code: str) -> Outcome:
    try:
        return check_outcome_allowed(contact.type, code, sentence_months=sentence_months(contact.sentence))
    except SentenceRuleError as error:
        raise ServiceError(f"{contact.person.crn}: {error.message}", field="outcome") from None


def _check_open(contact: Contact) -> None:
    if contact.outcome:
        at = local(contact.outcome_recorded_at) if contact.outcome_recorded_at else None
        when = f" at {at:%H:%M} on {at:%-d %B %Y}" if at else ""
        raise ServiceError(
            f"This sheet was already saved: {contact.outcome_recorded_by} recorded the outcomes{when}. "
            "Nothing was credited again."
        )
    if contact.cancelled_at is not None:
        raise ServiceError(f"{contact.person.crn}: this appointment was cancelled and cannot have an outcome")


def _open_enforcement(*, actor: User, contacts: list[Contact]) -> dict[int, EnforcementCase]:
    """An unacceptable outcome on an enforceable contact opens its enforcement case, awaiting action
    within 10 working days, as ``outcomes._open_enforcement`` does for one contact."""
    if not contacts:
        return {}
    cases = EnforcementCase.objects.bulk_create(
        [
            EnforcementCase(
                contact=contact,
                sentence_id=cast(int, contact.sentence_id),  # only contacts with a sentence open one
                person_id=contact.person_id,
                failure_date=local(contact.starts_at).date(),
                status=EnforcementStatus.AWAITING_ACTION,
                respond_by=enforcement_respond_by(local(contact.starts_at).date()),
            )
            for contact in contacts
        ]
    )
    EnforcementStep.objects.bulk_create(
        [EnforcementStep(case=case, from_status="", to_status=case.status, actor=actor) for case in cases]
    )
    return {case.contact_id: case for case in cases}
