"""Running a premises (approved-premises.md § Stay): arrival (refused when the person is already
resident at an approved premises, or before the booking's arrival date), non-arrival and departure
with their nDelius reason codes and move-on category, the key worker, and key-work sessions.

Only the premises' own staff (or the CRU) change its bookings (probation.approved_premises.policy).
Each change is one transaction, the booking row locked, with its audit row.
"""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.approved_premises.models import (
    BookingStatus,
    DepartureReason,
    MoveOnCategory,
    NonArrivalReason,
    PremisesStaffMember,
    SpaceBooking,
)
from probation.approved_premises.policy import premises_managed_by
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.core.clock import LONDON, now
from probation.core.errors import NotFound, ServiceError
from probation.people.policy import people_visible_to
from probation.rules.contacts.outcomes import ContactTypeCode
from probation.rules.errors import RuleErrorCollector
from probation.rules.sentences.licences import AdditionalConditionCategory
from probation.sentences.models import LicenceCondition

KEY_WORK = ContactTypeCode.APPROVED_PREMISES_KEY_WORKER_SESSION


def booking_locked_for_change(*, actor: User, booking_id: int) -> SpaceBooking:
    found = (
        SpaceBooking.objects.select_for_update(of=("self",))
        .select_related("person", "premises")
        .filter(pk=booking_id, premises__in=premises_managed_by(actor), person__in=people_visible_to(actor))
        .first()
    )
    if found is None:
        raise NotFound(booking_id)
    return found


def _audit(actor: User, booking: SpaceBooking, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=booking.person.crn,
        object_type="ap_space_booking",
        object_id=booking.pk,
        detail={"premises": booking.premises.code, **detail},
    )


def booking_arrive(*, actor: User, booking_id: int, arrived_at: dt.datetime) -> SpaceBooking:
    with transaction.atomic():
        booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
        if booking.status != BookingStatus.UPCOMING:
            raise ServiceError("This person's arrival or non-arrival has already been recorded")
        day = arrived_at.astimezone(LONDON).date()
        if arrived_at > now():
            raise ServiceError("The arrival time cannot be in the future", field="day")
        if day < booking.arrival_on:
            expected = f"{booking.arrival_on:%-d %B %Y}"
            raise ServiceError(
                f"The arrival date cannot be before the booking's arrival date, {expected}", field="day"
            )
        elsewhere = (
            SpaceBooking.objects.filter(person=booking.person, status=BookingStatus.ARRIVED)
            .exclude(pk=booking.pk)
            .select_related("premises")
            .first()
        )
        if elsewhere is not None:
            raise ServiceError(
                f"This person is already resident at {elsewhere.premises.name}: record their departure "
                "from there first",
                field="day",
            )
        booking.status = BookingStatus.ARRIVED
        booking.arrived_at = arrived_at
        booking.version += 1
        booking.save()
        _audit(actor, booking, arrived=True)
    return booking


def booking_record_non_arrival(*, actor: User, booking_id: int, reason: str, on: dt.date) -> SpaceBooking:
    if reason not in NonArrivalReason.values:
        raise ServiceError("Select the reason the person did not arrive", field="reason")
    with transaction.atomic():
        booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
        if booking.status != BookingStatus.UPCOMING:
            raise ServiceError("This person's arrival or non-arrival has already been recorded")
        booking.status = BookingStatus.NOT_ARRIVED
        booking.non_arrival_reason = reason
        booking.non_arrival_on = on
        booking.version += 1
        booking.save()
        _audit(actor, booking, non_arrival=reason)
    return booking


def booking_depart(
    *, actor: User, booking_id: int, departed_at: dt.datetime, reason: str, move_on: str, notes: str = ""
) -> SpaceBooking:
    errors = RuleErrorCollector()
    if reason not in DepartureReason.values:
        errors.add("Select the reason for the departure", field="reason")
    if move_on not in MoveOnCategory.values:
        errors.add("Select the move-on category", field="move_on")
    if departed_at > now():
        errors.add("The departure time cannot be in the future", field="day")
    errors.raise_any()
    with transaction.atomic():
        booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
        if booking.status != BookingStatus.ARRIVED or booking.arrived_at is None:
            raise ServiceError("Only a resident can depart: record the arrival first")
        if departed_at < booking.arrived_at:
            raise ServiceError("The departure cannot be before the arrival", field="day")
        booking.status = BookingStatus.DEPARTED
        booking.departed_at = departed_at
        booking.departure_reason = reason
        booking.move_on_category = move_on
        booking.departure_notes = notes
        booking.version += 1
        booking.save()
        _audit(actor, booking, departure=reason, move_on=move_on)
    return booking


def key_worker_assign(*, actor: User, booking_id: int, staff_id: int) -> SpaceBooking:
    with transaction.atomic():
        booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
        posted = PremisesStaffMember.objects.filter(premises=booking.premises, staff_id=staff_id).exists()
        if not posted:
            raise ServiceError("Select a member of staff at this premises", field="staff")
        booking.key_worker_id = staff_id
        booking.version += 1
        booking.save()
        _audit(actor, booking, key_worker=staff_id)
    return booking


def key_work_session_book(
    *, actor: User, booking_id: int, starts_at: dt.datetime, minutes: int = 60
) -> Contact:
    """A key-work session as an appointment on the person's record with the key worker (nDelius
    EAPK), linked to the licence's approved-premises residence condition when there is one, so it is
    enforceable (ADR 0025: a contact carrying out a licence condition). Booked here, not through the
    contacts service, because the key worker belongs to the premises, not the case's PDU."""
    if starts_at <= now():
        raise ServiceError("A key-work session must be in the future", field="day")
    with transaction.atomic():
        booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
        if booking.status not in (BookingStatus.UPCOMING, BookingStatus.ARRIVED):
            raise ServiceError("Key work is only for people booked in or resident")
        if booking.key_worker_id is None:
            raise ServiceError("Assign a key worker first", field="day")
        condition = residence_condition(booking)
        contact = Contact.objects.create(
            person=booking.person,
            type=KEY_WORK,
            is_appointment=True,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=minutes),
            officer_id=booking.key_worker_id,
            location=booking.premises.name,
            licence_condition=condition,
            sentence=condition.licence.sentence if condition is not None else None,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=booking.person.crn,
            object_type="contact",
            object_id=contact.pk,
            detail={
                "type": KEY_WORK.value,
                "booking": booking.pk,
                "licence_condition": contact.licence_condition_id,
            },
        )
    return contact


def residence_condition(booking: SpaceBooking) -> LicenceCondition | None:
    return (
        LicenceCondition.objects.filter(
            licence__sentence__person=booking.person,
            licence__sentence__terminated_on__isnull=True,
            category=AdditionalConditionCategory.APPROVED_PREMISES_RESIDENCE,
            end_date__isnull=True,
        )
        .select_related("licence__sentence")
        .first()
    )
