"""Recording an appointment's outcome, crediting its requirement, and opening enforcement.

Sources: enforcement.md "Outcomes" (allowed outcomes per contact type; CO10 only for sentences over 24
months; a failed-to-attend has 7 days for evidence, then is decided), "Failures to comply" (only NS
contacts with an unacceptable outcome count; enforcement action within 10 working days) and
"Community order requirements" (hours credited, RAR days used, sessions attended; never beyond the
order). The rules are the pure functions in probation.rules; this module applies them
under row locks so two officers recording at once cannot both win or credit twice (issue 3).
"""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact, EnforcementCase, EnforcementStep
from probation.contacts.services.checks import CONTACT, RESCHEDULED
from probation.contacts.times import local
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.rules.contacts.outcomes import (
    ACCEPTABLE_ABSENCE_CODES,
    ContactRecord,
    ContactTypeCode,
    OutcomeCode,
    check_outcome_allowed,
    outcome,
)
from probation.rules.enforcement.actions import enforcement_respond_by
from probation.rules.enforcement.compliance import evidence_deadline
from probation.rules.enforcement.transitions import EnforcementStatus, check_transition
from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.requirements import (
    RequirementType,
    check_credit,
    check_progress_contact,
    check_rar_day,
)
from probation.sentences.models import Requirement, Sentence

CREDIT_TYPES = (
    RequirementType.UNPAID_WORK,
    RequirementType.REHABILITATION_ACTIVITY,
    RequirementType.ACCREDITED_PROGRAMME,
)


def sentence_months(sentence: Sentence | None) -> int | None:
    """The sentence length CO10 is judged on: the longer of the order/supervision/licence period and
    the custodial term, as the court stated them."""
    if sentence is None:
        return None
    lengths = [m for m in (sentence.length_months, sentence.custodial_months) if m is not None]
    return max(lengths) if lengths else None


def _locked_contact(*, person: Person, contact_id: int, expected_version: int) -> Contact:
    """The appointment, locked. A second officer posting the same form finds the first one's
    outcome and is told who recorded it and when (issue 3: "one wins, the other is told")."""
    contact = (
        Contact.objects.select_for_update(of=("self",))
        .select_related("sentence", "outcome_recorded_by")
        .filter(person=person, pk=contact_id, is_appointment=True)
        .first()
    )
    if contact is None:
        raise NotFound(contact_id)
    if contact.outcome:
        at = local(contact.outcome_recorded_at)
        raise ServiceError(
            f"An outcome was recorded by {contact.outcome_recorded_by} at {at:%H:%M} on {at:%-d %B %Y}: "
            f"{contact.get_outcome_display()}"
        )
    if contact.cancelled_at is not None:
        raise ServiceError("This appointment was cancelled: it cannot have an outcome")
    if contact.version != expected_version:
        raise ServiceError("Someone changed this appointment after you opened it: check it and try again")
    return contact


def _credit(contact: Contact, code: OutcomeCode, hours: int | None) -> int:
    """Credit the linked requirement; return what was credited. The requirement row is locked so
    concurrent outcomes on the same order add up exactly. Only an attended contact of a type that
    counts towards the requirement is credited (check_progress_contact decides)."""
    if contact.requirement_id is None:
        if hours:
            raise ServiceError("Hours worked apply only to an unpaid work requirement", field="hours")
        return 0
    requirement = Requirement.objects.select_for_update().get(pk=contact.requirement_id)
    kind = RequirementType(requirement.type)
    counts = kind in CREDIT_TYPES
    if counts:
        try:
            check_progress_contact(kind, ContactTypeCode(contact.type), code)
        except SentenceRuleError:
            counts = False  # e.g. a home visit linked to unpaid work, or an absence: nothing to credit
    if hours and (not counts or kind is not RequirementType.UNPAID_WORK):
        raise ServiceError("Hours worked apply only to an attended unpaid work session", field="hours")
    if not counts:
        return 0
    ordered = requirement.ordered or 0
    if kind is RequirementType.UNPAID_WORK:
        if not hours:
            raise ServiceError("Enter the hours worked", field="hours")
        # Part hours credited from a session sheet count as a started hour here (done_part_minutes).
        started = requirement.done + (1 if requirement.done_part_minutes else 0)
        _raise_as_field(lambda: check_credit(kind, ordered=ordered, credited=started, credit=hours), "hours")
        # Contact.credited is in minutes for unpaid work, whoever records it (ADR 0048): the officer's
        # whole hours and a sheet's minutes move the requirement's progress alike.
        credited = hours * 60
        requirement.done, requirement.done_part_minutes = divmod(requirement.done_minutes + credited, 60)
    elif kind is RequirementType.REHABILITATION_ACTIVITY:
        # RAR days are distinct dates (rar_days_used): a second activity on a used day costs nothing.
        previous = [
            ContactRecord(local(c.starts_at).date(), ContactTypeCode(c.type), OutcomeCode(c.outcome))
            for c in Contact.objects.filter(requirement=requirement)
            .exclude(outcome="")
            .exclude(pk=contact.pk)
        ]
        new = ContactRecord(local(contact.starts_at).date(), ContactTypeCode(contact.type), code)
        used = _raise_as_field(lambda: check_rar_day(previous, new, maximum=ordered), "outcome")
        credited, requirement.done = used - requirement.done, used
    else:
        _raise_as_field(
            lambda: check_credit(kind, ordered=ordered, credited=requirement.done, credit=1), "outcome"
        )
        credited, requirement.done = 1, requirement.done + 1
    # Progress is not an edit of the requirement: no version bump, so an open requirement form is not
    # made stale by an appointment outcome (Requirement docstring; ADR 0015).
    Requirement.objects.filter(pk=requirement.pk).update(
        done=requirement.done, done_part_minutes=requirement.done_part_minutes, updated_at=now()
    )
    return max(credited, 0)


def _raise_as_field(check, field: str):
    try:
        return check()
    except SentenceRuleError as error:
        raise ServiceError(error.message, field=field) from None


def _open_enforcement(*, actor: User, contact: Contact, failure_date: dt.date) -> EnforcementCase | None:
    """An unacceptable outcome on an enforceable contact linked to a sentence is a failure to comply:
    open its enforcement case, awaiting action, to be acted on within 10 working days."""
    if contact.sentence_id is None or not contact.is_failure_to_comply:
        return None
    if EnforcementCase.objects.filter(contact=contact).exists():
        return None  # a failed-to-attend decided unacceptable keeps the case opened for it
    case = EnforcementCase.objects.create(
        contact=contact,
        sentence_id=contact.sentence_id,
        person_id=contact.person_id,
        failure_date=failure_date,
        status=EnforcementStatus.AWAITING_ACTION,
        respond_by=enforcement_respond_by(failure_date),
    )
    EnforcementStep.objects.create(case=case, from_status="", to_status=case.status, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=contact.person.crn,
        object_type="enforcement_case",
        object_id=case.pk,
        detail={
            "contact": contact.pk,
            "failure_date": failure_date.isoformat(),
            "respond_by": case.respond_by.isoformat(),
        },
    )
    return case


def contact_record_outcome(
    *,
    actor: User,
    crn: str,
    contact_id: int,
    expected_version: int,
    outcome_code: str,
    notes: str = "",
    hours: int | None = None,
) -> Contact:
    """Record the outcome of an appointment that has started."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        contact = _locked_contact(person=person, contact_id=contact_id, expected_version=expected_version)
        if contact.starts_at > now():
            raise ServiceError(
                "The appointment has not started yet: record its outcome once it has", field="outcome"
            )
        if outcome_code in RESCHEDULED:
            raise ServiceError(
                "To reschedule, use Reschedule: it books the new appointment too", field="outcome"
            )
        row = _raise_as_field(
            lambda: check_outcome_allowed(
                contact.type, outcome_code, sentence_months=sentence_months(contact.sentence)
            ),
            "outcome",
        )
        credited = _credit(contact, row.code, hours)
        failure_date = local(contact.starts_at).date()
        contact.outcome, contact.outcome_recorded_at, contact.outcome_recorded_by = (
            row.code.value,
            now(),
            actor,
        )
        contact.credited = credited
        contact.evidence_due_on = evidence_deadline(failure_date) if row.awaits_evidence else None
        if notes.strip():
            contact.notes = f"{contact.notes}\n\nOutcome notes: {notes.strip()}".strip()
        contact.version += 1
        contact.save()
        enforcement = _open_enforcement(actor=actor, contact=contact, failure_date=failure_date)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=CONTACT,
            object_id=contact.pk,
            detail={
                "outcome": contact.outcome,
                "credited": credited,
                "version": contact.version,
                "enforcement_case": enforcement.pk if enforcement else None,
            },
        )
        if credited or enforcement is not None:
            case_inputs_changed(person_id=person.pk, reason="contact outcome recorded", actor=actor)
    return contact


def contact_open_enforcement(*, actor: User, contact: Contact) -> EnforcementCase | None:
    """Open the enforcement case of a failure to comply whose outcome another app recorded itself (a
    drug test: a refusal at once; a positive only when the officer decides on enforcement,
    drug-testing.md § What a result triggers). Nothing for an acceptable outcome or no sentence."""
    case = _open_enforcement(actor=actor, contact=contact, failure_date=local(contact.starts_at).date())
    if case is not None:
        case_inputs_changed(person_id=contact.person_id, reason="enforcement opened", actor=actor)
    return case


def contact_decide_failed_to_attend(
    *, actor: User, crn: str, contact_id: int, expected_version: int, outcome_code: str, notes: str = ""
) -> Contact:
    """Decide a failed-to-attend (AFTA) once evidence was given or the deadline passed: an acceptable
    absence (the enforcement case opened for it, still awaiting action, closes with no further action)
    or an unacceptable absence (UAAB; the enforcement case stays open)."""
    if outcome_code != OutcomeCode.UAAB and outcome_code not in ACCEPTABLE_ABSENCE_CODES:
        raise ServiceError("Select an acceptable absence or unacceptable absence", field="outcome")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        contact = (
            Contact.objects.select_for_update(of=("self",))
            .select_related("sentence")
            .filter(person=person, pk=contact_id, is_appointment=True)
            .first()
        )
        if contact is None:
            raise NotFound(contact_id)
        if contact.outcome != OutcomeCode.AFTA:
            raise ServiceError(
                "This appointment is no longer awaiting evidence: its outcome is "
                f"{contact.get_outcome_display() or 'not recorded'}"
            )
        if contact.version != expected_version:
            raise ServiceError("Someone changed this appointment after you opened it: check it and try again")
        row = _raise_as_field(
            lambda: check_outcome_allowed(
                contact.type, outcome_code, sentence_months=sentence_months(contact.sentence)
            ),
            "outcome",
        )
        closed = _close_enforcement_if_acceptable(
            actor=actor, contact=contact, acceptable=outcome(row.code).acceptable
        )
        contact.outcome, contact.outcome_recorded_at, contact.outcome_recorded_by = (
            row.code.value,
            now(),
            actor,
        )
        contact.evidence_due_on = None
        if notes.strip():
            contact.notes = f"{contact.notes}\n\nDecision notes: {notes.strip()}".strip()
        contact.version += 1
        contact.save()
        opened = _open_enforcement(actor=actor, contact=contact, failure_date=local(contact.starts_at).date())
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=CONTACT,
            object_id=contact.pk,
            detail={"outcome": contact.outcome, "decided_from": "AFTA", "version": contact.version},
        )
        if closed or opened:
            case_inputs_changed(person_id=person.pk, reason="failed to attend decided", actor=actor)
    return contact


def _close_enforcement_if_acceptable(*, actor: User, contact: Contact, acceptable: bool) -> bool:
    if not acceptable:
        return False
    case = EnforcementCase.objects.select_for_update().filter(contact=contact).first()
    if case is None:
        return False
    if case.status != EnforcementStatus.AWAITING_ACTION:
        raise ServiceError(
            "Enforcement action has already been taken on this failure "
            f"({case.get_status_display().lower()}): withdraw it before deciding the absence was acceptable",
            field="outcome",
        )
    check_transition(EnforcementStatus.AWAITING_ACTION, EnforcementStatus.NO_FURTHER_ACTION)
    case.status, case.decided_on, case.decided_by = EnforcementStatus.NO_FURTHER_ACTION, today_uk(), actor
    case.reason, case.version = "Failed to attend decided an acceptable absence", case.version + 1
    case.save()
    EnforcementStep.objects.create(
        case=case,
        from_status=EnforcementStatus.AWAITING_ACTION,
        to_status=case.status,
        actor=actor,
        note=case.reason,
    )
    return True
