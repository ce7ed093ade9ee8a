"""Placing a person on a project's recurring sessions (issue 13 item 3; unpaid-work.md § Assessment
and allocation).

Refused, with every reason: a project whose restrictions the person breaches (rules in
probation.rules.unpaid_work.restrictions), a session at capacity, a date the person already has an
appointment. Each session becomes an appointment on the person's record (an unpaid work session,
linked to the requirement so an unacceptable outcome is enforceable), on the project's schedule and
*not* in the probation officer's diary (``Contact.on_project``): it is run by the session's
supervisor and never clashes with the officer's appointments (it still clashes with the person's).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.checks import check_clashes
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.services.person import person_for_change
from probation.rules.contacts.outcomes import ContactTypeCode
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.unpaid_work.restrictions import refusals
from probation.rules.unpaid_work.schedule import Frequency, session_dates
from probation.unpaid_work.models import Allocation, Assessment, Place, ProjectDay, Session
from probation.unpaid_work.services.assessments import upw_requirement
from probation.unpaid_work.services.fit import person_fit, project_fit
from probation.unpaid_work.services.projects import staff_pdu_id


@dataclass(frozen=True)
class AllocationRequest:
    day_id: int
    frequency: Frequency
    starts_on: dt.date
    ends_on: dt.date | None = None
    pick_up: str = ""


def booked_minutes(requirement_id: int, *, since: dt.date) -> int:
    """Minutes of sessions booked from ``since`` with no outcome yet (they will cover the order)."""
    minutes = 0
    for contact in (
        Contact.objects.appointments()
        .filter(requirement_id=requirement_id, on_project=True, outcome="", starts_at__date__gte=since)
        .only("starts_at", "ends_at")
    ):
        if contact.ends_at:
            minutes += int((contact.ends_at - contact.starts_at).total_seconds() // 60)
    return minutes


def _session(day: ProjectDay, date: dt.date) -> Session:
    session, _ = Session.objects.get_or_create(
        day=day, date=date, defaults={"project": day.project, "supervisor": day.supervisor}
    )
    return Session.objects.select_for_update().get(pk=session.pk)


def _check_capacity(day: ProjectDay, sessions: list[Session]) -> None:
    taken = dict(
        Place.objects.filter(session__in=sessions, contact__cancelled_at__isnull=True)
        .values_list("session_id")
        .annotate(n=Count("id"))
    )
    full = [s.date for s in sessions if taken.get(s.pk, 0) >= day.capacity]
    if full:
        dates = ", ".join(f"{d:%-d %B %Y}" for d in full[:5])
        raise ServiceError(
            f"The session is full (capacity {day.capacity}) on {dates}: choose another session or start date",
            field="day",
        )


def allocation_create(
    *, actor: User, crn: str, requirement_id: int, request: AllocationRequest
) -> Allocation:
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.UPW_MANAGE)
        requirement = upw_requirement(crn=crn, requirement_id=requirement_id)
        if not requirement.is_active:
            raise ServiceError("This requirement has ended: it cannot be allocated", field="day")
        day = (
            ProjectDay.objects.select_related("project", "supervisor__upw_supervisor")
            .filter(pk=request.day_id, project__pdu_id=staff_pdu_id(actor))
            .first()
        )
        if day is None:
            raise ServiceError("Select a session of one of your projects", field="day")
        if request.starts_on < max(requirement.start_date, today_uk()):
            raise ServiceError(
                "The start date must be today or later, and on or after the order", field="starts_on"
            )
        assessment = Assessment.objects.filter(requirement=requirement).first()
        reasons = refusals(person_fit(person=person, assessment=assessment), project_fit(day))
        if reasons:
            raise RuleErrors([RuleError(f"{reason}.", field="day") for reason in reasons])
        left = (requirement.ordered or 0) * 60 - requirement.done_minutes
        left -= booked_minutes(requirement.pk, since=today_uk())
        try:
            dates = session_dates(
                weekday=day.weekday,
                frequency=request.frequency,
                start=max(request.starts_on, day.project.starts_on),
                end=request.ends_on,
                project_end=day.project.ends_on,
                session_minutes=day.minutes,
                minutes_required=left,
            )
        except RuleError as error:
            raise ServiceError(error.message, field=error.field) from None
        if not dates:
            raise ServiceError(
                "No session to book: the order is covered by sessions already booked, or the project does "
                "not run on that day before the end date",
                field="day",
            )
        sessions = [_session(day, date) for date in dates]
        _check_capacity(day, sessions)
        allocation = Allocation.objects.create(
            requirement=requirement,
            day=day,
            frequency=request.frequency,
            starts_on=request.starts_on,
            ends_on=request.ends_on,
            pick_up=request.pick_up.strip(),
            created_by=actor,
        )
        for session in sessions:
            starts_at, ends_at = (
                london_datetime(session.date, day.starts_at),
                london_datetime(session.date, day.ends_at),
            )
            check_clashes(
                person=person, officer=day.supervisor, starts_at=starts_at, ends_at=ends_at, on_project=True
            )
            contact = Contact.objects.create(
                person=person,
                type=ContactTypeCode.UNPAID_WORK_SESSION,
                is_appointment=True,
                starts_at=starts_at,
                ends_at=ends_at,
                officer=day.supervisor,
                location=day.project.name[:120],
                sentence_id=requirement.sentence_id,
                requirement=requirement,
                on_project=True,
                created_by=actor,
            )
            Place.objects.create(session=session, allocation=allocation, contact=contact)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="upw_allocation",
            object_id=allocation.pk,
            detail={
                "requirement": requirement.pk,
                "project": day.project_id,
                "day": day.pk,
                "sessions": [d.isoformat() for d in dates],
            },
        )
    return allocation


def allocation_sessions(*, allocation_id: int) -> list[Session]:
    return list(Session.objects.filter(places__allocation_id=allocation_id).order_by("date"))
