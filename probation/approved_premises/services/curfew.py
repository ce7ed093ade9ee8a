"""The night's sign-in register (approved-premises.md § Regime): each resident signs in for the
night; a late return or a missed sign-in is never silent — it becomes a contact on the person's
record for the responsible officer to assess (acceptable or not), linked to the licence's
approved-premises residence condition when there is one, so an unacceptable outcome is a failure to
comply that can lead to a recall (enforcement.md). Past and without an outcome, it is in the officer's
"needs an outcome" list in My work.
"""

import datetime as dt

from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.approved_premises.models import BookingStatus, SignIn, SpaceBooking
from probation.approved_premises.services.stays import booking_locked_for_change, residence_condition
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.core.clock import LONDON, now
from probation.core.errors import ServiceError
from probation.rules.approved_premises.curfew import curfew_ends, curfew_starts, is_late
from probation.rules.contacts.outcomes import ContactTypeCode

SIGN_IN = ContactTypeCode.APPROVED_PREMISES_SIGN_IN


def _officer_contact(booking: SpaceBooking, *, night: dt.date, actor: User, notes: str) -> Contact:
    person = booking.person
    if person.officer_id is None:
        raise ServiceError(
            "This case has no responsible officer to tell: ask the case's probation delivery unit to "
            "allocate it, then record this again"
        )
    condition = residence_condition(booking)
    premises = booking.premises
    return Contact.objects.create(
        person=person,
        type=SIGN_IN,
        is_appointment=True,
        starts_at=curfew_starts(night, premises.curfew_start),
        ends_at=curfew_ends(night, premises.curfew_end),
        officer_id=person.officer_id,
        location=premises.name,
        licence_condition=condition,
        sentence=condition.licence.sentence if condition is not None else None,
        notes=notes,
        created_by=actor,
    )


def _register(*, actor: User, booking_id: int, night: dt.date) -> SpaceBooking:
    booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
    if booking.status != BookingStatus.ARRIVED:
        raise ServiceError("Only residents sign in")
    if SignIn.objects.filter(booking=booking, night=night).exists():
        raise ServiceError("This night's sign-in has already been recorded for this person")
    return booking


def sign_in_record(*, actor: User, booking_id: int, night: dt.date, signed_in_at: dt.datetime) -> SignIn:
    if signed_in_at > now():
        raise ServiceError("The sign-in time cannot be in the future", field="time")
    with transaction.atomic():
        booking = _register(actor=actor, booking_id=booking_id, night=night)
        late = is_late(night=night, start=booking.premises.curfew_start, signed_in_at=signed_in_at)
        contact = None
        if late:
            contact = _officer_contact(
                booking,
                night=night,
                actor=actor,
                notes=f"Late return to {booking.premises.name}: signed in at "
                f"{signed_in_at.astimezone(LONDON):%H:%M} on the night of {night:%-d %B %Y} (curfew from "
                f"{booking.premises.curfew_start:%H:%M}). Assess whether it is acceptable; on licence, "
                "consider whether a recall is needed.",
            )
        return _save(actor, booking, night=night, signed_in_at=signed_in_at, late=late, contact=contact)


def sign_in_missed(*, actor: User, booking_id: int, night: dt.date) -> SignIn:
    with transaction.atomic():
        booking = _register(actor=actor, booking_id=booking_id, night=night)
        if now() < curfew_starts(night, booking.premises.curfew_start):
            raise ServiceError("A missed sign-in can be recorded only once the curfew has started")
        contact = _officer_contact(
            booking,
            night=night,
            actor=actor,
            notes=f"Missed curfew sign-in at {booking.premises.name} on the night of {night:%-d %B %Y} "
            f"(curfew from {booking.premises.curfew_start:%H:%M}). Assess whether it is acceptable; on "
            "licence, consider whether a recall is needed.",
        )
        return _save(actor, booking, night=night, signed_in_at=None, late=False, contact=contact)


def _save(
    actor: User,
    booking: SpaceBooking,
    *,
    night: dt.date,
    signed_in_at: dt.datetime | None,
    late: bool,
    contact: Contact | None,
) -> SignIn:
    try:
        with transaction.atomic():
            sign_in = SignIn.objects.create(
                booking=booking,
                night=night,
                signed_in_at=signed_in_at,
                late=late,
                contact=contact,
                recorded_by=actor,
                recorded_at=now(),
            )
    except IntegrityError:
        raise ServiceError("This night's sign-in has already been recorded for this person") from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=booking.person.crn,
        object_type="ap_sign_in",
        object_id=sign_in.pk,
        detail={
            "night": night.isoformat(),
            "missed": signed_in_at is None,
            "late": late,
            "contact": contact and contact.pk,
        },
    )
    return sign_in
