"""Recording contacts and booking, rescheduling and cancelling appointments (issue 3 items 4-5).

Every write locks the case through people's scoped ``person_for_change`` (CONTACT_MANAGE in the
case's managing PDU; limited access applies), checks the rules, writes and audits in one
transaction; a refusal leaves no trace. Audit details never carry notes. An appointment is a contact
of an attendance type (``is_appointment`` = the type's attendance flag, enforcement.md).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.notify import reminder_send_on_commit
from probation.contacts.services.checks import (
    CONTACT,
    check_clashes,
    check_times,
    contact_links,
    officer_for_contact,
)
from probation.contacts.times import local
from probation.core.clock import now
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.rules.calendar.working_days import bank_holiday_name
from probation.rules.contacts.outcomes import OutcomeCode, contact_type

REMINDERS = ("", "sms", "email")


def _check_reminder(person: Person, reminder: str) -> None:
    if reminder not in REMINDERS:
        raise ServiceError("Select a reminder", field="reminder")
    if reminder == "sms" and not person.mobile:
        raise ServiceError("This person has no mobile number: choose email or no reminder", field="reminder")
    if reminder == "email" and not person.email:
        raise ServiceError(
            "This person has no email address: choose a text message or no reminder", field="reminder"
        )


@dataclass(frozen=True)
class ContactDetails:
    """What a contact or an appointment records, as the contact and booking forms collect it."""

    type_code: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    officer_id: int | None = None  # the case's officer when not given
    location: str = ""
    sentence_id: int | None = None
    requirement_id: int | None = None
    licence_condition_id: int | None = None
    notes: str = ""
    sensitive: bool = False


def _create(
    *, actor: User, person: Person, details: ContactDetails, reminder: str, ignore_id: int | None = None
) -> Contact:
    is_appointment = contact_type(details.type_code).attendance
    check_times(details.starts_at, details.ends_at)
    officer = officer_for_contact(person=person, officer_id=details.officer_id)
    links = contact_links(
        person=person,
        day=local(details.starts_at).date(),
        sentence_id=details.sentence_id,
        requirement_id=details.requirement_id,
        licence_condition_id=details.licence_condition_id,
    )
    if is_appointment:
        check_clashes(
            person=person,
            officer=officer,
            starts_at=details.starts_at,
            ends_at=details.ends_at,
            ignore_id=ignore_id,
        )
    return Contact.objects.create(
        person=person,
        type=details.type_code,
        is_appointment=is_appointment,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        officer=officer,
        location=details.location.strip(),
        sentence=links.sentence,
        requirement=links.requirement,
        licence_condition=links.licence_condition,
        notes=details.notes.strip(),
        sensitive=details.sensitive,
        reminder=reminder if is_appointment else "",
        created_by=actor,
    )


def _audit(actor: User, contact: Contact, action: AuditAction, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=contact.person.crn,
        object_type=CONTACT,
        object_id=contact.pk,
        detail={
            "type": contact.type,
            "starts_at": contact.starts_at.isoformat(),
            "officer": contact.officer.code,
            "sentence": contact.sentence_id,
            "requirement": contact.requirement_id,
            "licence_condition": contact.licence_condition_id,
            "sensitive": contact.sensitive,
            **detail,
        },
    )


def contact_record(*, actor: User, crn: str, details: ContactDetails) -> Contact:
    """Record something that happened: any non-attendance contact, or an attendance contact that has
    already taken place (it then needs an outcome). Never in the future: that is a booking."""
    contact_type(details.type_code)  # unknown types are refused with a message
    if details.starts_at > now():
        raise ServiceError(
            "A contact cannot be recorded in the future: book an appointment instead", field="date"
        )
    if not contact_type(details.type_code).attendance and not details.notes.strip():
        raise ServiceError("Enter the notes for this contact", field="notes")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        contact = _create(actor=actor, person=person, details=details, reminder="")
        _audit(actor, contact, AuditAction.CREATE)
    return contact


def bank_holiday_warning(day: dt.date) -> str | None:
    """The warning to confirm before booking on an England and Wales bank holiday, if ``day`` is one
    (offices are usually closed; the person may not be able to travel)."""
    name = bank_holiday_name(day)
    if name is None:
        return None
    return (
        f"{day:%A} {day.day} {day:%B %Y} is a bank holiday ({name}): confirm you want to book it on that day"
    )


def appointment_book(
    *,
    actor: User,
    crn: str,
    details: ContactDetails,
    reminder: str = "",
    bank_holiday_confirmed: bool = False,
) -> Contact:
    """Book an appointment: an attendance contact in the future, clash-checked for the officer and
    the person. One on a bank holiday is booked only when the user confirms it. A reminder, if asked
    for, is sent after the booking commits."""
    kind = contact_type(details.type_code)
    if not kind.attendance:
        raise ServiceError(f"{kind.description} is not an appointment type", field="type")
    if details.starts_at <= now():
        raise ServiceError(
            "An appointment must be in the future: record a past contact instead", field="date"
        )
    if details.ends_at is None:
        raise ServiceError("Enter the end time", field="end_time")
    warning = bank_holiday_warning(local(details.starts_at).date())
    if warning and not bank_holiday_confirmed:
        raise ServiceError(warning, field="confirm_bank_holiday")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        _check_reminder(person, reminder)
        contact = _create(actor=actor, person=person, details=details, reminder=reminder)
        _audit(actor, contact, AuditAction.CREATE, reminder=reminder)
        reminder_send_on_commit(contact)
    return contact


def _appointment_for_change(*, person: Person, contact_id: int, expected_version: int) -> Contact:
    contact = (
        Contact.objects.select_for_update(of=("self",))
        .filter(person=person, pk=contact_id, is_appointment=True)
        .select_related("outcome_recorded_by")
        .first()
    )
    if contact is None:
        raise NotFound(contact_id)
    if contact.outcome:
        raise ServiceError(
            f"This appointment already has an outcome ({contact.get_outcome_display()}), recorded by "
            f"{contact.outcome_recorded_by} at {local(contact.outcome_recorded_at):%H:%M} on "
            f"{local(contact.outcome_recorded_at):%-d %B %Y}"
        )
    if contact.cancelled_at is not None:
        raise ServiceError(f"This appointment was cancelled on {local(contact.cancelled_at):%-d %B %Y}")
    if contact.version != expected_version:
        raise ServiceError("Someone changed this appointment after you opened it: check it and try again")
    return contact


def appointment_reschedule(
    *,
    actor: User,
    crn: str,
    contact_id: int,
    expected_version: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    requested_by: str,
) -> Contact:
    """Move an appointment: a new appointment (same type, links, notes and reminder) at the new time,
    and the old one closed with outcome RSOF (the person asked) or RSSR (the service asked),
    linked to the new one through ``rescheduled_to``."""
    codes = {"person": OutcomeCode.RSOF, "service": OutcomeCode.RSSR}
    if requested_by not in codes:
        raise ServiceError("Select who asked for the appointment to be rescheduled", field="requested_by")
    if starts_at <= now():
        raise ServiceError("The new time must be in the future", field="date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        old = _appointment_for_change(person=person, contact_id=contact_id, expected_version=expected_version)
        details = ContactDetails(
            type_code=old.type,
            starts_at=starts_at,
            ends_at=ends_at,
            officer_id=old.officer_id,
            location=old.location,
            sentence_id=old.sentence_id,
            requirement_id=old.requirement_id,
            licence_condition_id=old.licence_condition_id,
            notes=old.notes,
            sensitive=old.sensitive,
        )
        new = _create(actor=actor, person=person, details=details, reminder=old.reminder, ignore_id=old.pk)
        old.outcome, old.outcome_recorded_at, old.outcome_recorded_by = codes[requested_by], now(), actor
        old.rescheduled_to, old.version = new, old.version + 1
        old.save(
            update_fields=[
                "outcome",
                "outcome_recorded_at",
                "outcome_recorded_by",
                "rescheduled_to",
                "version",
                "updated_at",
            ]
        )
        _audit(actor, new, AuditAction.CREATE, rescheduled_from=old.pk)
        _audit(
            actor, old, AuditAction.UPDATE, outcome=old.outcome, rescheduled_to=new.pk, version=old.version
        )
        reminder_send_on_commit(new)
    return new


def appointment_cancel(
    *, actor: User, crn: str, contact_id: int, expected_version: int, reason: str
) -> Contact:
    """Cancel an appointment with a reason; not once it has an outcome."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter the reason for cancelling", field="reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CONTACT_MANAGE)
        contact = _appointment_for_change(
            person=person, contact_id=contact_id, expected_version=expected_version
        )
        contact.cancelled_at, contact.cancel_reason, contact.version = (
            now(),
            reason[:200],
            contact.version + 1,
        )
        contact.save(update_fields=["cancelled_at", "cancel_reason", "version", "updated_at"])
        _audit(actor, contact, AuditAction.UPDATE, cancelled=True, version=contact.version)
    return contact
