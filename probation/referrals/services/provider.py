"""The provider's side of a referral (issue 12 item 3; interventions.md § Provider timeline): the
initial assessment, action plan versions, sessions with feedback, and the end-of-service report.

Every write locks the referral row and checks the version the provider's form was opened on, so a
form posted twice (a lost connection) or by two colleagues at once changes the referral once and the
other is told. A session lands in the person's contact log as an appointment with its outcome (ATTC,
AFTC when behaviour is flagged, AFTA for a missed session, awaiting evidence); an attended session on a
new date uses one of the referral's maximum enforceable days and, through the RAR requirement, one RAR
day (enforcement.md: RAR days are distinct dates with an attended activity). A session beyond the
maximum is recorded but not linked to the requirement, so it can never be counted later.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.times import local
from probation.core.clock import LONDON, now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.referrals.models import ActionPlan, Referral, ReferralSession
from probation.referrals.selectors.provider import provider_of
from probation.rules.contacts.outcomes import ContactRecord, ContactTypeCode, OutcomeCode
from probation.rules.enforcement.compliance import evidence_deadline
from probation.rules.errors import SentenceRuleError
from probation.rules.referrals.deadlines import action_plan_due
from probation.rules.referrals.progress import (
    Attended,
    Status,
    check_report,
    check_transition,
    contact_outcome,
    session_uses_day,
)
from probation.rules.sentences.requirements import check_rar_day
from probation.sentences.models import Requirement

DELIVERY_TYPES = {
    ContactTypeCode.PLANNED_OFFICE_VISIT.value: "In person",
    ContactTypeCode.PLANNED_TELEPHONE_CONTACT.value: "Phone",
    ContactTypeCode.PLANNED_VIDEO_CONTACT.value: "Video",
}


def _locked(actor: User, referral_id: int, expected_version: int) -> Referral:
    """The referral, locked, if it was sent to the actor's organisation; else not found."""
    provider = provider_of(actor)
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("person")
        .filter(pk=referral_id, provider=provider)
        .first()
        if provider is not None
        else None
    )
    if referral is None:
        raise NotFound(referral_id)
    if referral.version != expected_version:
        raise ServiceError(
            "This referral was changed in another window or already saved: check it and try again"
        )
    return referral


def _saved(
    actor: User, referral: Referral, object_type: str, object_id: int, detail: dict[str, object]
) -> None:
    referral.version += 1
    referral.save(
        update_fields=[
            "status",
            "assessed_on",
            "assessment_notes",
            "days_used",
            "version",
            "updated_at",
            "report_answers",
            "report_progress",
            "report_further_work",
            "report_submitted_on",
            "ended_at",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE if object_type == "crs_referral" else AuditAction.CREATE,
        crn=referral.person.crn,
        object_type=object_type,
        object_id=object_id,
        detail={"referral": referral.pk, **detail},
    )


def referral_assess(
    *, actor: User, referral_id: int, expected_version: int, assessed_on: dt.date, notes: str = ""
) -> Referral:
    """The initial assessment appointment was held (pre-ICA → post-ICA)."""
    with transaction.atomic():
        referral = _locked(actor, referral_id, expected_version)
        check_transition("assess", referral.status)
        if assessed_on > today_uk():
            raise ServiceError("The assessment date must be today or in the past", field="assessed_on")
        if assessed_on < referral.sent_on:
            raise ServiceError(
                "The assessment date must be on or after the referral was sent", field="assessed_on"
            )
        referral.status, referral.assessed_on, referral.assessment_notes = (
            Status.ASSESSED,
            assessed_on,
            notes.strip(),
        )
        _saved(actor, referral, "crs_referral", referral.pk, {"assessed_on": assessed_on.isoformat()})
    return referral


def action_plan_submit(
    *, actor: User, referral_id: int, expected_version: int, activities: str, sessions_planned: int
) -> ActionPlan:
    """A new version of the action plan, for the practitioner to approve."""
    with transaction.atomic():
        referral = _locked(actor, referral_id, expected_version)
        check_transition("submit_plan", referral.status)
        if not activities.strip():
            raise ServiceError("Enter the activities", field="activities")
        if not 1 <= sessions_planned <= 200:
            raise ServiceError("Enter the number of sessions, from 1 to 200", field="sessions_planned")
        last = referral.action_plans.order_by("-number").values_list("number", flat=True).first() or 0
        at = now()
        plan = ActionPlan.objects.create(
            referral=referral,
            number=last + 1,
            activities=activities.strip(),
            sessions_planned=sessions_planned,
            submitted_by=actor,
            submitted_at=at,
            submitted_on=local(at).date(),
        )
        referral.status = Status.PLAN_SUBMITTED
        late = referral.assessed_on is not None and plan.submitted_on > action_plan_due(referral.assessed_on)
        _saved(actor, referral, "crs_action_plan", plan.pk, {"number": plan.number, "late": late})
    return plan


@dataclass(frozen=True)
class SessionInput:
    happened_on: dt.date
    delivery: str
    attended: str
    absence: str = ""
    summary: str = ""
    behaviour: str = ""
    concerns: str = ""
    notify_practitioner: bool = False


def _rar_day(requirement: Requirement, day: dt.date, code: str) -> bool:
    """Count the day on the RAR requirement (locked), unless the order's days are all used."""
    previous = [
        ContactRecord(local(c.starts_at).date(), ContactTypeCode(c.type), OutcomeCode(c.outcome))
        for c in Contact.objects.filter(requirement=requirement).exclude(outcome="")
    ]
    try:
        used = check_rar_day(
            previous,
            ContactRecord(day, ContactTypeCode.PLANNED_OFFICE_VISIT, OutcomeCode(code)),
            maximum=requirement.ordered or 0,
        )
    except SentenceRuleError:
        return False
    Requirement.objects.filter(pk=requirement.pk).update(done=used, updated_at=now())
    return True


def _officer_id(referral: Referral) -> int:
    """The contact's officer: the case's responsible officer, else the referring practitioner."""
    officer_id = referral.person.officer_id or referral.practitioner.staff_id
    if officer_id is None:
        raise ServiceError("This case has no responsible officer: ask the practitioner to allocate it")
    return officer_id


def session_record(
    *, actor: User, referral_id: int, expected_version: int, data: SessionInput
) -> ReferralSession:
    """Record a session's attendance and feedback; land it in the contact log; use a RAR day."""
    with transaction.atomic():
        referral = _locked(actor, referral_id, expected_version)
        check_transition("record_session", referral.status)
        if data.delivery not in DELIVERY_TYPES:
            raise ServiceError("Choose how the session was delivered", field="delivery")
        if data.happened_on > today_uk():
            raise ServiceError("A session can be recorded only once it has happened", field="happened_on")
        if referral.assessed_on and data.happened_on < referral.assessed_on:
            raise ServiceError(
                "The session date must be on or after the initial assessment", field="happened_on"
            )
        code = contact_outcome(
            data.attended, behaviour_notified=data.notify_practitioner, absence=data.absence
        )
        sessions = list(referral.sessions.all())
        attended = data.attended in (Attended.YES, Attended.LATE)
        used_dates = [s.happened_on for s in sessions if s.uses_day]
        uses_day = attended and session_uses_day(used_dates, data.happened_on, maximum=referral.maximum_days)
        requirement = (
            Requirement.objects.select_for_update().filter(pk=referral.requirement_id).first()
            if referral.requirement_id
            else None
        )
        if uses_day and requirement is not None:
            uses_day = _rar_day(requirement, data.happened_on, code)
        # A missed session and any attended one on a day already used carry out the requirement too;
        # an attended session beyond the maximum is not linked, so nothing can count it later.
        linked = requirement is not None and (uses_day or not attended or data.happened_on in used_dates)
        starts_at = dt.datetime.combine(data.happened_on, dt.time(10), tzinfo=LONDON)
        at = now()
        contact = Contact.objects.create(
            person=referral.person,
            type=data.delivery,
            is_appointment=True,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=1),
            officer_id=_officer_id(referral),
            sentence_id=referral.sentence_id,
            requirement=requirement if linked else None,
            notes=f"Commissioned service session {len(sessions) + 1} ({referral.provider.name})",
            outcome=code,
            outcome_recorded_at=at,
            outcome_recorded_by=actor,
            credited=1 if uses_day else 0,
            evidence_due_on=evidence_deadline(data.happened_on) if code == "AFTA" else None,
            created_by=actor,
        )
        session = ReferralSession.objects.create(
            referral=referral,
            number=len(sessions) + 1,
            happened_on=data.happened_on,
            delivery=data.delivery,
            attended=data.attended,
            absence=data.absence if not attended else "",
            summary=data.summary.strip(),
            behaviour=data.behaviour.strip(),
            concerns=data.concerns.strip(),
            notify_practitioner=data.notify_practitioner,
            uses_day=uses_day,
            contact=contact,
            recorded_by=actor,
            recorded_at=at,
        )
        referral.days_used += 1 if uses_day else 0
        _saved(actor, referral, "crs_session", session.pk, {"contact": contact.pk, "uses_day": uses_day})
    return session


def report_submit(
    *,
    actor: User,
    referral_id: int,
    expected_version: int,
    answers: dict[str, str],
    progress: str,
    further_work: str,
) -> Referral:
    """The end-of-service report: each desired outcome achieved, partly or not; the referral completes."""
    with transaction.atomic():
        referral = _locked(actor, referral_id, expected_version)
        check_transition("report", referral.status)
        keys = [key for category in referral.categories.all() for key in category.outcomes]
        check_report(keys, answers)
        if not progress.strip():
            raise ServiceError("Describe the progress made", field="progress")
        referral.report_answers = {key: answers[key] for key in keys}
        referral.report_progress, referral.report_further_work = progress.strip(), further_work.strip()
        referral.report_submitted_on = today_uk()
        referral.status, referral.ended_at = Status.COMPLETED, now()
        _saved(actor, referral, "crs_referral", referral.pk, {"status": "completed"})
    return referral
