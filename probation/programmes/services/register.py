"""A session's attendance register (interventions.md § Delivery rules: ATTC / AFTC / UAAB to the
record; a missed session needs a catch-up).

One save records every expected person's outcome in one request through the contacts session service
(``contacts_record_session_outcomes``: row locks, one session credited towards the programme
requirement for each attended outcome, never beyond the order; an unacceptable outcome on this
enforceable contact opens enforcement as any failure to comply does). The session row is locked and its
version checked: a register saved twice (lost signal) or by two facilitators at once credits once and
the second is told who saved it and when. A session in the future refuses outcomes. Queries do not grow
with the rows."""

from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.sessions import SessionOutcome, contacts_record_session_outcomes
from probation.contacts.times import local
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.programmes.models import Attendance, GroupSession, Referral, ReferralStep
from probation.programmes.selectors.groups import may_record
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.programmes.delivery import Status, check_register_date, register_outcome


@dataclass(frozen=True)
class RegisterRow:
    attendance_id: int
    outcome: str
    notes: str = ""


def _by(session: GroupSession) -> str:
    if session.saved_by is None:
        return ""
    at = local(session.updated_at)
    name = session.saved_by.get_full_name() or session.saved_by.username
    return f" by {name} at {at:%H:%M} on {at:%-d %B %Y}"


def _checked(
    attendances: dict[int, Attendance], rows: list[RegisterRow]
) -> list[tuple[RegisterRow, Attendance]]:
    errors: list[RuleError] = []
    checked = []
    for row in rows:
        attendance = attendances.get(row.attendance_id)
        if attendance is None:
            raise ServiceError("Someone on this register is no longer expected: reload the register")
        try:
            register_outcome(row.outcome)
        except RuleError as error:
            errors.append(
                RuleError(
                    f"{attendance.contact.person.crn}: {error.message}", field=f"{row.attendance_id}-outcome"
                )
            )
            continue
        checked.append((row, attendance))
    if errors:
        raise RuleErrors(errors)
    return checked


def _start_programmes(actor: User, referral_ids: set[int]) -> None:
    """The first recorded session moves a scheduled referral to on programme (two queries)."""
    starting = list(
        Referral.objects.filter(pk__in=referral_ids, status=Status.SCHEDULED).values_list("pk", flat=True)
    )
    if starting:
        Referral.objects.filter(pk__in=starting).update(status=Status.ON_PROGRAMME, updated_at=now())
        ReferralStep.objects.bulk_create(
            [
                ReferralStep(
                    referral_id=pk, from_status=Status.SCHEDULED, to_status=Status.ON_PROGRAMME, actor=actor
                )
                for pk in starting
            ]
        )


def register_save(
    *, actor: User, session_id: int, expected_version: int, rows: list[RegisterRow]
) -> GroupSession:
    with transaction.atomic():
        session = (
            GroupSession.objects.select_for_update(of=("self",))
            .select_related("group", "saved_by")
            .filter(pk=session_id)
            .first()
        )
        if session is None or not may_record(
            actor, session, set(session.facilitators.values_list("pk", flat=True))
        ):
            raise NotFound(session_id)
        if session.version != expected_version:
            raise ServiceError(f"This register was already saved{_by(session)}. Nothing was credited again.")
        try:
            check_register_date(session.date, today_uk())
        except RuleError as error:
            raise ServiceError(error.message, field=error.field) from None
        if not rows:
            raise ServiceError("Record the attendance of at least one person", field="rows")
        attendances = {
            a.pk: a
            for a in Attendance.objects.select_related("contact__person", "participant").filter(
                session=session, contact__cancelled_at__isnull=True
            )
        }
        checked = _checked(attendances, rows)

        def credit(contact: Contact, remaining: int) -> int:
            return min(1, remaining)  # one session attended, never beyond the order

        results = contacts_record_session_outcomes(
            actor=actor,
            rows=[
                SessionOutcome(a.contact_id, register_outcome(r.outcome).value, r.notes) for r, a in checked
            ],
            credit=credit,
            reason="programme session outcome recorded",
        )
        _start_programmes(actor, {a.participant.referral_id for _, a in checked})
        recorded = {r.attendance_id for r, _ in checked}
        complete = all(a.contact.outcome or a.pk in recorded for a in attendances.values())
        session.saved_at = now() if complete else session.saved_at
        session.saved_by, session.version = actor, session.version + 1
        session.save(update_fields=["saved_at", "saved_by", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="programme_session",
            object_id=session.pk,
            detail={
                "rows": [
                    {
                        "crn": r.contact.person.crn,
                        "contact": r.contact.pk,
                        "outcome": r.contact.outcome,
                        "credited_sessions": r.credited,
                        "enforcement_case": r.enforcement.pk if r.enforcement else None,
                    }
                    for r in results
                ],
                "version": session.version,
            },
        )
    return session
