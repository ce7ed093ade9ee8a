"""The supervisor's session sheet (issue 13 item 4; unpaid-work.md § Sessions: sign-in, outcomes,
credit).

One save records every expected person's outcome, times, penalty, travel and notes. It credits
(end − start) − penalty (and the capped travel adjustment) into each requirement through the
contacts credit service (``contacts_record_session_outcomes``, under its row locks, never beyond
what is left); unacceptable outcomes open enforcement as for any enforceable contact. The session row
is locked and its version checked: a sheet saved twice (lost signal) or by two supervisors at once
credits once, and the second is told who saved it and when. Queries do not grow with the rows.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.sessions import SessionOutcome as ContactOutcome
from probation.contacts.services.sessions import contacts_record_session_outcomes
from probation.contacts.times import local
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.unpaid_work.credit import SessionCredit, session_credit, session_outcome
from probation.unpaid_work.models import Place, Session
from probation.unpaid_work.services.projects import staff_pdu_id


@dataclass(frozen=True)
class SheetRow:
    place_id: int
    outcome: str
    signed_in: dt.time | None = None
    signed_out: dt.time | None = None
    penalty: int = 0
    travel: int = 0
    notes: str = ""


def may_record(user: User, session: Session) -> bool:
    """The session's supervisor, or unpaid-work staff of the project's PDU."""
    if has_permission(user, Permission.UPW_MANAGE) and session.project.pdu_id == staff_pdu_id(user):
        return True
    return has_permission(user, Permission.UPW_SESSION_RECORD) and session.supervisor_id == user.staff_id


def check_runs_on(session: Session) -> None:
    """A session on a day the project does not run (weekday, or outside its dates) is refused."""
    project, day = session.project, session.day
    if session.date.weekday() != day.weekday:
        raise ServiceError(f"{project.name} does not run on {session.date:%A}s at this time", field="date")
    if session.date < project.starts_on or (project.ends_on and session.date > project.ends_on):
        raise ServiceError(f"{project.name} does not run on {session.date:%-d %B %Y}", field="date")


def _by(session: Session) -> str:
    """ " by Jo Castle at 10:42 on 5 December 2026" for the last save, or "" before any."""
    if session.saved_by is None:
        return ""
    at = local(session.updated_at)
    name = session.saved_by.get_full_name() or session.saved_by.username
    return f" by {name} at {at:%H:%M} on {at:%-d %B %Y}"


def _credits(places: dict[int, Place], rows: list[SheetRow]) -> dict[int, tuple[SheetRow, Place]]:
    """Check every row's shape (rules) at once; field names are ``<place id>-<field>``."""
    errors: list[RuleError] = []
    checked: dict[int, tuple[SheetRow, Place]] = {}
    for row in rows:
        place = places.get(row.place_id)
        if place is None:
            raise ServiceError("Someone on this sheet is no longer expected: reload the sheet")
        try:
            code = session_outcome(row.outcome)
            session_credit(
                outcome=code,
                signed_in=row.signed_in,
                signed_out=row.signed_out,
                penalty=row.penalty,
                travel=row.travel,
                kind=place.session.project.kind,
                remaining=10**6,
            )
        except RuleError as error:
            name = f"{place.contact.person.crn}: {error.message}"
            errors.append(RuleError(name, field=f"{row.place_id}-{error.field}"))
            continue
        checked[place.contact_id] = (row, place)
    if errors:
        raise RuleErrors(errors)
    return checked


def session_sheet_save(
    *, actor: User, session_id: int, expected_version: int, rows: list[SheetRow]
) -> Session:
    with transaction.atomic():
        session = (
            Session.objects.select_for_update(of=("self",))
            .select_related("project", "day", "saved_by")
            .filter(pk=session_id)
            .first()
        )
        if session is None or not may_record(actor, session):
            raise NotFound(session_id)
        if session.version != expected_version:
            raise ServiceError(f"This sheet was already saved{_by(session)}. Nothing was credited again.")
        check_runs_on(session)
        if session.date > today_uk():
            raise ServiceError("The session has not happened yet: record the sheet on the day", field="date")
        places = {
            p.pk: p
            for p in Place.objects.select_related("contact__person", "session__project").filter(
                session=session, contact__cancelled_at__isnull=True
            )
        }
        if not rows:
            raise ServiceError("Record the outcome of at least one person", field="rows")
        checked = _credits(places, rows)
        credits: dict[int, SessionCredit] = {}

        def credit(contact: Contact, remaining: int) -> int:
            row, place = checked[contact.pk]
            result = session_credit(
                outcome=session_outcome(row.outcome),
                signed_in=row.signed_in,
                signed_out=row.signed_out,
                penalty=row.penalty,
                travel=row.travel,
                kind=place.session.project.kind,
                remaining=remaining,
            )
            credits[contact.pk] = result
            return result.credited + result.travel

        results = contacts_record_session_outcomes(
            actor=actor,
            rows=[
                ContactOutcome(contact_id, session_outcome(row.outcome).value, row.notes)
                for contact_id, (row, _) in checked.items()
            ],
            credit=credit,
        )
        updated = []
        for contact_id, (row, place) in checked.items():
            result = credits.get(contact_id)
            place.signed_in, place.signed_out = row.signed_in, row.signed_out
            place.penalty_minutes, place.notes = row.penalty, row.notes.strip()
            place.travel_minutes = result.travel if result else 0
            place.credited_minutes = result.credited if result else 0
            updated.append(place)
        Place.objects.bulk_update(
            updated,
            ["signed_in", "signed_out", "penalty_minutes", "travel_minutes", "credited_minutes", "notes"],
        )
        # The sheet is complete once everyone expected has an outcome (a restricted person's row is
        # left to staff who may see them); every save moves the version on, so a repeat is refused.
        recorded = {row.place_id for row in rows}
        complete = all(p.contact.outcome or p.pk in recorded for p in places.values())
        session.saved_at = now() if complete else session.saved_at
        session.saved_by, session.version = actor, session.version + 1
        session.save(update_fields=["saved_at", "saved_by", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="upw_session",
            object_id=session.pk,
            detail={
                "rows": [
                    {
                        "crn": r.contact.person.crn,
                        "contact": r.contact.pk,
                        "outcome": r.contact.outcome,
                        "credited_minutes": r.credited,
                        "enforcement_case": r.enforcement.pk if r.enforcement else None,
                    }
                    for r in results
                ],
                "version": session.version,
            },
        )
    return session
