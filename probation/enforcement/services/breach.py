"""Breach of a community order or suspended sentence order (enforcement.md "Breach").

Initiated (date, the failures relied on, the officer's recommendation) ⇒ breach pack sent to court ⇒
the court's outcome, or withdrawal. A concluded breach sets its end date and the sentence's
``last_breach_ended_on``, which resets the failures-to-comply window; a revoked order (re-sentenced or
committed to custody) ends the sentence and its requirements. Every step: scoped lock through
``person_for_change`` (ENFORCEMENT_MANAGE, managing PDU), the transition checked against the one
declaration in ``rules.enforcement.transitions``, a BreachStep row, the audit (no free text in it) and
the tier hook, in one transaction.
"""

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact, EnforcementCase
from probation.core.case_changes import case_inputs_changed
from probation.core.date_checks import date_not_future
from probation.core.errors import NotFound, ServiceError
from probation.enforcement.models import Breach, BreachStep
from probation.enforcement.selectors.breach import breach_candidate_failures
from probation.enforcement.services.actions import enforcement_case_mark_breach_initiated
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.enforcement.transitions import BreachStatus, check_transition
from probation.sentences.models import Sentence
from probation.sentences.models.choices import RequirementTerminationReason, TerminationReason

BREACH = "breach"  # audit object type and PersonChange entity
SENTENCE_ENTITY = "sentence"
COURT_OUTCOMES = (
    BreachStatus.PROVEN_ORDER_CONTINUES,
    BreachStatus.PROVEN_ORDER_AMENDED,
    BreachStatus.PROVEN_REVOKED_AND_RESENTENCED,
    BreachStatus.PROVEN_COMMITTED_TO_CUSTODY,
    BreachStatus.PROVEN_FINED,
    BreachStatus.NOT_PROVEN,
    BreachStatus.WITHDRAWN,
)
# The outcomes that end the order, and the termination reason each records (Sentencing Act 2020,
# Schedule 10 paras 10–11: the court may revoke the order and re-sentence, or commit to custody).
ORDER_ENDING = {
    BreachStatus.PROVEN_REVOKED_AND_RESENTENCED: TerminationReason.RESENTENCED,
    BreachStatus.PROVEN_COMMITTED_TO_CUSTODY: TerminationReason.REVOKED_BREACH,
}


def _sentence_for_change(*, person: Person, sentence_id: int) -> Sentence:
    sentence = Sentence.objects.select_for_update().filter(person=person, pk=sentence_id).first()
    if sentence is None:
        raise NotFound(sentence_id)
    return sentence


def _breach_for_change(*, person: Person, breach_id: int) -> Breach:
    breach = Breach.objects.select_for_update().filter(person=person, pk=breach_id).first()
    if breach is None:
        raise NotFound(breach_id)
    return breach


def _step(*, breach: Breach, actor: User, from_status: str, to_status: str, note: str = "") -> None:
    BreachStep.objects.create(
        breach=breach, from_status=from_status, to_status=to_status, actor=actor, note=note
    )


def breach_initiate(
    *,
    actor: User,
    crn: str,
    sentence_id: int,
    initiated_on: dt.date,
    failure_ids: Iterable[int],
    recommendation: str,
) -> Breach:
    """Start breach proceedings on a current order, relying on at least one failure since the FTC
    reset date. At most one breach is in progress per sentence (also a database constraint)."""
    failure_ids = sorted({int(pk) for pk in failure_ids})
    recommendation = recommendation.strip()
    _check_breach_request(initiated_on=initiated_on, failure_ids=failure_ids, recommendation=recommendation)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ENFORCEMENT_MANAGE)
        sentence = _sentence_for_change(person=person, sentence_id=sentence_id)
        _check_order_can_be_breached(sentence=sentence, initiated_on=initiated_on)
        failures = _failures_relied_on(sentence=sentence, failure_ids=failure_ids, initiated_on=initiated_on)
        breach = _breach_create(
            actor=actor,
            person=person,
            sentence=sentence,
            initiated_on=initiated_on,
            recommendation=recommendation,
        )
        breach.failures.set(failures)
        _step(breach=breach, actor=actor, from_status="", to_status=BreachStatus.INITIATED)
        marked = enforcement_cases_mark_initiated(
            actor=actor, cases=_open_cases(failures), note="Breach initiated"
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=BREACH,
            object_id=breach.pk,
            detail={
                "sentence": sentence.pk,
                "initiated_on": initiated_on.isoformat(),
                "failures": failure_ids,
                "enforcement_cases": marked,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="breach initiated", actor=actor)
    return breach


def _check_breach_request(*, initiated_on: dt.date, failure_ids: list[int], recommendation: str) -> None:
    """The checks that need no database, made before any lock is taken."""
    date_not_future(initiated_on, field="initiated_on", label="Date breach initiated")
    if not failure_ids:
        raise ServiceError("Select the failures to comply the breach relies on", field="failures")
    if not recommendation:
        raise ServiceError("Enter your recommendation to the court", field="recommendation")


def _check_order_can_be_breached(*, sentence: Sentence, initiated_on: dt.date) -> None:
    """A current community or suspended sentence order, sentenced by the initiation date, with no
    breach already in progress."""
    if not sentence.is_order:
        raise ServiceError(
            "Breach proceedings are for community orders and suspended sentence orders; "
            "consider a recall for a licence",
            field="sentence",
        )
    if not sentence.is_current:
        raise ServiceError(f"This order ended on {sentence.terminated_on:%-d %B %Y}", field="sentence")
    if initiated_on < sentence.sentence_date:
        raise ServiceError(
            f"Date breach initiated must be on or after the sentence date "
            f"({sentence.sentence_date:%-d %B %Y})",
            field="initiated_on",
        )
    open_breach = Breach.objects.in_progress().filter(sentence=sentence).first()
    if open_breach is not None:
        raise ServiceError(
            f"A breach initiated on {open_breach.initiated_on:%-d %B %Y} is already in progress "
            "on this order",
            field="sentence",
        )


def _failures_relied_on(
    *, sentence: Sentence, failure_ids: list[int], initiated_on: dt.date
) -> list[Contact]:
    """The selected failures, each a candidate on this order (since the last breach ended) and none
    after the initiation date."""
    failures = list(breach_candidate_failures(sentence=sentence).filter(pk__in=failure_ids))
    if len(failures) != len(failure_ids):
        raise ServiceError(
            "Select only failures to comply on this order since the last breach ended", field="failures"
        )
    if any(f.starts_at.date() > initiated_on for f in failures):
        raise ServiceError("A failure relied on cannot be after the date breach initiated", field="failures")
    return failures


def _breach_create(
    *, actor: User, person: Person, sentence: Sentence, initiated_on: dt.date, recommendation: str
) -> Breach:
    try:
        with transaction.atomic():
            return Breach.objects.create(
                sentence=sentence,
                person=person,
                initiated_on=initiated_on,
                initiated_by=actor,
                recommendation=recommendation,
            )
    except IntegrityError:  # a concurrent initiation won the one-open-breach constraint
        raise ServiceError("A breach is already in progress on this order", field="sentence") from None


def _open_cases(failures: list[Contact]) -> list[EnforcementCase]:
    return list(EnforcementCase.objects.open().filter(contact__in=failures).order_by("id"))


def enforcement_cases_mark_initiated(
    *, actor: User, cases: Iterable[EnforcementCase], note: str
) -> list[int]:
    """Decide each open enforcement case as "breach or recall initiated" (enforcement.md "Enforcement
    actions") through the enforcement actions workflow, in the caller's transaction. Returns the ids."""
    marked = []
    for case in sorted(cases, key=lambda c: c.pk):
        enforcement_case_mark_breach_initiated(actor=actor, case=case, note=note)
        marked.append(case.pk)
    return marked


def breach_pack_sent(
    *,
    actor: User,
    crn: str,
    breach_id: int,
    expected_version: int,
    court: str,
    hearing_date: dt.date,
    sent_on: dt.date,
) -> Breach:
    court = court.strip()
    if not court:
        raise ServiceError("Enter the court the breach pack was sent to", field="court")
    date_not_future(sent_on, field="sent_on", label="Date sent")
    if hearing_date < sent_on:
        raise ServiceError(
            "Hearing date must be on or after the date the pack was sent", field="hearing_date"
        )
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ENFORCEMENT_MANAGE)
        breach = _breach_for_change(person=person, breach_id=breach_id)
        if breach.version == expected_version:
            check_transition(BreachStatus(breach.status), BreachStatus.PACK_SENT_TO_COURT)
        if sent_on < breach.initiated_on:
            raise ServiceError(
                f"Date sent must be on or after the date breach initiated ({breach.initiated_on:%-d %B %Y})",
                field="sent_on",
            )
        from_status = breach.status
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=breach,
            entity=BREACH,
            expected_version=expected_version,
            data={
                "status": BreachStatus.PACK_SENT_TO_COURT.value,
                "court": court,
                "hearing_date": hearing_date,
                "pack_sent_on": sent_on,
            },
        )
        _step(breach=breach, actor=actor, from_status=from_status, to_status=BreachStatus.PACK_SENT_TO_COURT)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=BREACH,
            object_id=breach.pk,
            detail={
                "status": BreachStatus.PACK_SENT_TO_COURT.value,
                "sent_on": sent_on.isoformat(),
                "hearing_date": hearing_date.isoformat(),
                "version": breach.version,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="breach pack sent", actor=actor)
    return breach


def breach_record_outcome(
    *,
    actor: User,
    crn: str,
    breach_id: int,
    expected_version: int,
    outcome: str,
    outcome_on: dt.date,
    notes: str = "",
) -> Breach:
    """The court's outcome (only once the pack has gone to court) or a withdrawal. Ends the breach and
    resets the FTC window; an order revoked or replaced by custody ends with its requirements."""
    if outcome not in {o.value for o in COURT_OUTCOMES}:
        raise ServiceError("Select the outcome of the breach", field="outcome")
    new_status = BreachStatus(outcome)
    date_not_future(outcome_on, field="outcome_on", label="Outcome date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ENFORCEMENT_MANAGE)
        breach = _breach_for_change(person=person, breach_id=breach_id)
        if breach.version == expected_version:
            check_transition(BreachStatus(breach.status), new_status)
        earliest = breach.pack_sent_on or breach.initiated_on
        if outcome_on < earliest:
            raise ServiceError(f"Outcome date must be on or after {earliest:%-d %B %Y}", field="outcome_on")
        from_status = breach.status
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=breach,
            entity=BREACH,
            expected_version=expected_version,
            data={"status": new_status.value, "ended_on": outcome_on, "outcome_notes": notes.strip()},
        )
        _step(breach=breach, actor=actor, from_status=from_status, to_status=new_status)
        terminated = _conclude_sentence(actor=actor, person=person, breach=breach, outcome=new_status)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=BREACH,
            object_id=breach.pk,
            detail={
                "status": new_status.value,
                "ended_on": outcome_on.isoformat(),
                "sentence_terminated": terminated,
                "version": breach.version,
            },
        )
        case_inputs_changed(person_id=person.pk, reason="breach concluded", actor=actor)
    return breach


def _conclude_sentence(*, actor: User, person: Person, breach: Breach, outcome: BreachStatus) -> bool:
    """Reset the FTC window (enforcement.md "Breach": a concluded breach sets the breach end date) and
    end a revoked order with its active requirements. Returns True when the sentence was ended."""
    assert breach.ended_on is not None  # breach_record_outcome has just set it to the outcome date
    sentence = _sentence_for_change(person=person, sentence_id=breach.sentence_id)
    data: dict[str, object] = {"last_breach_ended_on": breach.ended_on}
    reason = ORDER_ENDING.get(outcome)
    if reason is not None and sentence.is_current:
        data |= {"terminated_on": breach.ended_on, "termination_reason": reason.value}
    apply_versioned_update(
        actor=actor,
        person=person,
        instance=sentence,
        entity=SENTENCE_ENTITY,
        expected_version=sentence.version,
        data=data,
    )
    if "terminated_on" not in data:
        return False
    for requirement in sentence.requirements.select_for_update().filter(terminated_on__isnull=True):
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=requirement,
            entity="requirement",
            expected_version=requirement.version,
            data={
                "terminated_on": max(breach.ended_on, requirement.start_date),
                "termination_reason": RequirementTerminationReason.ORDER_ENDED.value,
            },
        )
    return True
