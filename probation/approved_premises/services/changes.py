"""Changing a booking (approved-premises.md § Stay: changes, cancellation): new dates (a shorter or
moved stay), an extension (asked for, then approved by someone else with AP_EXTENSION_APPROVE), a
planned or emergency transfer to another premises, a cancellation with its reason.

Each is one transaction that locks the booking, checks the version the user read (two people
changing the same booking: one wins, the other is told), then locks the premises rows whose capacity
it takes, in id order, exactly as a new booking does (probation.approved_premises.services.bookings),
and recounts the nights the booking does not hold yet: a change that needs a bed on a night with none
free is refused with those nights. Each writes one audit row per booking changed and a history row
(BookingChange) that the booking's page shows.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import (
    LIVE,
    BookingChange,
    BookingStatus,
    CancellationReason,
    ChangeKind,
    ExtensionDecision,
    MoveOnCategory,
    PlacementStatus,
    Premises,
    SpaceBooking,
    TransferKind,
    TransferReason,
)
from probation.approved_premises.selectors.estate import capacity_for
from probation.approved_premises.services.bookings import _night_list
from probation.approved_premises.services.stays import booking_locked_for_change
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.rules.errors import RuleErrorCollector

CONFLICT = "Someone else changed this booking while you were working on it. Check it and try again."
NO_BED = "There is no bed free at {premises} on {nights}, so the booking cannot be changed."
MAX_STAY_DAYS = 730


def _locked(*, actor: User, booking_id: int, expected_version: int) -> SpaceBooking:
    booking = booking_locked_for_change(actor=actor, booking_id=booking_id)
    if booking.version != expected_version:
        raise ConflictError(
            CONFLICT,
            changes=[
                FieldChange(
                    label="Booking",
                    theirs=f"{booking.get_status_display()}, {booking.arrival_on:%-d %B %Y} to "
                    f"{booking.departure_on:%-d %B %Y}",
                    by="",
                    at=booking.updated_at,
                )
            ],
        )
    return booking


def _lock_premises(*ids: int) -> dict[int, Premises]:
    """The premises rows in id order, so two changes taking the same two premises never deadlock."""
    return {
        p.pk: p for p in Premises.objects.select_for_update().filter(pk__in=sorted(set(ids))).order_by("pk")
    }


def _refuse_without_beds(
    premises: Premises, *, arrival: dt.date, departure: dt.date, held: tuple[dt.date, dt.date] | None
) -> None:
    """Refuse unless a bed is free on every night from ``arrival`` to ``departure`` that the booking
    does not already hold (``held``: its current nights, counted among the bookings)."""
    nights = capacity_for([premises], arrival=arrival, departure=departure, today=today_uk())[premises.pk]
    short = [
        n for n in nights.nights if n.available < 1 and not (held is not None and held[0] <= n.day < held[1])
    ]
    if short:
        days = [f"{n.day:%-d %B %Y}" for n in short]
        raise ServiceError(NO_BED.format(premises=premises.name, nights=_night_list(days)))


def _save(booking: SpaceBooking, **fields: object) -> None:
    for name, value in fields.items():
        setattr(booking, name, value)
    booking.version += 1
    booking.save()


def _audit(actor: User, booking: SpaceBooking, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=booking.person.crn,
        object_type="ap_space_booking",
        object_id=booking.pk,
        detail={"premises": booking.premises.code, **detail},
    )


def booking_change_dates(
    *,
    actor: User,
    booking_id: int,
    expected_version: int,
    arrival_on: dt.date,
    departure_on: dt.date,
    notes: str = "",
) -> SpaceBooking:
    """Move an upcoming booking or shorten a stay. A longer stay is an extension, which needs approval."""
    if departure_on <= arrival_on:
        raise ServiceError("The departure date must be after the arrival date", field="departure_on")
    with transaction.atomic():
        booking = _locked(actor=actor, booking_id=booking_id, expected_version=expected_version)
        old = (booking.arrival_on, booking.departure_on)
        errors = RuleErrorCollector()
        if booking.status not in LIVE:
            raise ServiceError("Only an upcoming booking or a resident's stay can change its dates")
        if booking.status == BookingStatus.ARRIVED and arrival_on != booking.arrival_on:
            errors.add("The person has arrived: the arrival date cannot change", field="arrival_on")
        if booking.status == BookingStatus.UPCOMING and arrival_on < today_uk():
            errors.add("The arrival date cannot be in the past", field="arrival_on")
        if departure_on < today_uk():
            errors.add("The departure date cannot be in the past", field="departure_on")
        if (departure_on - arrival_on) > (old[1] - old[0]):
            errors.add(
                "A longer stay is an extension: ask for one, and it needs approval", field="departure_on"
            )
        if (arrival_on, departure_on) == old:
            errors.add("Enter dates different from the booking's", field="arrival_on")
        errors.raise_any()
        _lock_premises(booking.premises_id)
        _refuse_without_beds(booking.premises, arrival=arrival_on, departure=departure_on, held=old)
        _save(booking, arrival_on=arrival_on, departure_on=departure_on)
        _history(booking, ChangeKind.DATES, actor, old=old, notes=notes)
        _audit(actor, booking, change=ChangeKind.DATES.value)
    return booking


def _history(
    booking: SpaceBooking,
    kind: ChangeKind,
    actor: User,
    *,
    old: tuple[dt.date, dt.date],
    new_departure_on: dt.date | None = None,
    **fields: Any,
) -> BookingChange:
    return BookingChange.objects.create(
        booking=booking,
        kind=kind,
        old_arrival_on=old[0],
        old_departure_on=old[1],
        new_arrival_on=booking.arrival_on,
        new_departure_on=new_departure_on or booking.departure_on,
        by=actor,
        at=now(),
        **fields,
    )


def booking_extension_request(
    *, actor: User, booking_id: int, expected_version: int, departure_on: dt.date, reason: str
) -> BookingChange:
    """Ask for a longer stay. Refused at once if the premises has no bed on the extra nights; the
    nights are counted again when it is approved."""
    if not reason.strip():
        raise ServiceError("Enter the reason for the extension", field="reason")
    with transaction.atomic():
        booking = _locked(actor=actor, booking_id=booking_id, expected_version=expected_version)
        if booking.status not in LIVE:
            raise ServiceError("Only an upcoming booking or a resident's stay can be extended")
        if departure_on <= booking.departure_on:
            raise ServiceError(
                f"The new departure date must be after {booking.departure_on:%-d %B %Y}", field="departure_on"
            )
        if (departure_on - booking.arrival_on).days > MAX_STAY_DAYS:
            raise ServiceError(f"A stay cannot be longer than {MAX_STAY_DAYS} days", field="departure_on")
        if booking.changes.filter(kind=ChangeKind.EXTENSION, decided_at__isnull=True).exists():
            raise ServiceError("An extension is already awaiting approval", field="departure_on")
        old = (booking.arrival_on, booking.departure_on)
        _lock_premises(booking.premises_id)
        _refuse_without_beds(booking.premises, arrival=old[0], departure=departure_on, held=old)
        request = _history(
            booking, ChangeKind.EXTENSION, actor, old=old, new_departure_on=departure_on, notes=reason.strip()
        )
        _save(booking)  # the version moves: a decision or change made on the old page is told
        _audit(actor, booking, extension_requested=request.pk)
    return request


def booking_extension_decide(
    *,
    actor: User,
    booking_id: int,
    expected_version: int,
    approve: bool,
    notes: str = "",
) -> BookingChange:
    """Approve (the stay is extended if every extra night still has a bed) or refuse. Someone other
    than whoever asked decides."""
    if not has_permission(actor, Permission.AP_EXTENSION_APPROVE):
        raise NotFound(booking_id)
    with transaction.atomic():
        booking = _locked(actor=actor, booking_id=booking_id, expected_version=expected_version)
        request = (
            booking.changes.select_for_update()
            .filter(kind=ChangeKind.EXTENSION, decided_at__isnull=True)
            .order_by("pk")
            .first()
        )
        if request is None:
            raise ServiceError("No extension is awaiting approval")
        if request.by_id == actor.pk:
            raise ServiceError("Someone other than the person who asked for the extension must decide it")
        if not approve and not notes.strip():
            raise ServiceError("Enter the reason for refusing the extension", field="notes")
        assert request.new_departure_on is not None
        if approve:
            if booking.status not in LIVE:
                raise ServiceError("The booking has ended: the extension can only be refused")
            old = (booking.arrival_on, booking.departure_on)
            _lock_premises(booking.premises_id)
            _refuse_without_beds(
                booking.premises, arrival=old[0], departure=request.new_departure_on, held=old
            )
            _save(booking, departure_on=request.new_departure_on)
        else:
            _save(booking)
        request.decision = ExtensionDecision.APPROVED if approve else ExtensionDecision.REFUSED
        request.decided_by = actor
        request.decided_at = now()
        request.decision_notes = notes.strip()
        request.save()
        _audit(actor, booking, extension=request.pk, decision=request.decision)
    return request


def _transfer_day(*, actor: User, kind: str, reason: str, notes: str, on: dt.date) -> dt.date:
    """The day of the transfer, once its kind, reason and date are right: an emergency's is today."""
    errors = RuleErrorCollector()
    if kind not in TransferKind.values:
        errors.add("Select planned or emergency", field="kind")
    if reason not in TransferReason.values:
        errors.add("Select the reason for the transfer", field="reason")
    if reason == TransferReason.OTHER and not notes.strip():
        errors.add("Enter the details of the other reason", field="notes")
    errors.raise_any()
    today = today_uk()
    if kind == TransferKind.EMERGENCY:
        return today
    if not has_permission(actor, Permission.AP_MATCH):
        raise ServiceError("A planned transfer is booked by the Central Referral Unit", field="kind")
    if on <= today:
        raise ServiceError("A planned transfer must be after today: otherwise it is an emergency", field="on")
    return on


def booking_transfer(
    *,
    actor: User,
    booking_id: int,
    expected_version: int,
    kind: str,
    to_premises_id: int,
    on: dt.date,
    reason: str,
    notes: str = "",
) -> SpaceBooking:
    """Move a resident to another premises for the rest of the stay. A planned transfer (the CRU)
    is for a later date: the stay here ends that day and a booking there starts it. An emergency
    transfer (the premises' staff or the CRU) is today: the person leaves now, "transferred to a
    different AP". Returns the new booking."""
    on = _transfer_day(actor=actor, kind=kind, reason=reason, notes=notes, on=on)
    with transaction.atomic():
        booking = _locked(actor=actor, booking_id=booking_id, expected_version=expected_version)
        if booking.status != BookingStatus.ARRIVED:
            raise ServiceError("Only a resident can be transferred: change or cancel an upcoming booking")
        if not booking.arrival_on < on < booking.departure_on:
            raise ServiceError(
                "The transfer date must be after the arrival date and before "
                f"{booking.departure_on:%-d %B %Y}",
                field="on",
            )
        locked = _lock_premises(booking.premises_id, to_premises_id)
        destination = locked.get(to_premises_id)
        if destination is None or destination.pk == booking.premises_id:
            raise ServiceError("Select another premises", field="to_premises")
        if destination.sex != booking.premises.sex:
            raise ServiceError(f"{destination.name} does not take people of this sex", field="to_premises")
        _refuse_without_beds(destination, arrival=on, departure=booking.departure_on, held=None)
        old = (booking.arrival_on, booking.departure_on)
        moved = SpaceBooking.objects.create(
            person=booking.person,
            premises=destination,
            placement_request=booking.placement_request,
            arrival_on=on,
            departure_on=booking.departure_on,
            characteristics=booking.characteristics,
            created_by=actor,
        )
        departed: dict[str, object] = {"departure_on": on}
        if kind == TransferKind.EMERGENCY:
            departed |= {
                "status": BookingStatus.DEPARTED,
                "departed_at": now(),
                "move_on_category": MoveOnCategory.OTHER_AP,
                "departure_notes": f"Emergency transfer to {destination.name}",
            }
        _save(booking, **departed)
        common: dict[str, Any] = {"reason": reason, "transfer_kind": kind, "notes": notes.strip()}
        _history(booking, ChangeKind.TRANSFER_OUT, actor, old=old, other_booking=moved, **common)
        _history(moved, ChangeKind.TRANSFER_IN, actor, old=old, other_booking=booking, **common)
        _audit(actor, booking, transfer=kind, to_booking=moved.pk)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=booking.person.crn,
            object_type="ap_space_booking",
            object_id=moved.pk,
            detail={"premises": destination.code, "transfer_from": booking.pk},
        )
    return moved


def booking_cancel(
    *, actor: User, booking_id: int, expected_version: int, reason: str, notes: str = ""
) -> SpaceBooking:
    """Cancel an upcoming booking (the CRU). Its nights are free at once; the placement request waits
    for another match unless the practitioner asked for the cancellation (then it is withdrawn)."""
    if not has_permission(actor, Permission.AP_MATCH):
        raise NotFound(booking_id)
    errors = RuleErrorCollector()
    if reason not in CancellationReason.values:
        errors.add("Select the reason for the cancellation", field="reason")
    if reason == CancellationReason.OTHER and not notes.strip():
        errors.add("Enter the details of the other reason", field="notes")
    errors.raise_any()
    with transaction.atomic():
        booking = _locked(actor=actor, booking_id=booking_id, expected_version=expected_version)
        if booking.status != BookingStatus.UPCOMING:
            raise ServiceError("Only an upcoming booking can be cancelled: record a departure instead")
        old = (booking.arrival_on, booking.departure_on)
        _save(booking, status=BookingStatus.CANCELLED, cancellation_reason=reason)
        _history(booking, ChangeKind.CANCELLED, actor, old=old, reason=reason, notes=notes.strip())
        placement = booking.placement_request
        if placement is not None and not placement.bookings.filter(status__in=LIVE).exists():
            placement.status = (
                PlacementStatus.WITHDRAWN
                if reason == CancellationReason.PRACTITIONER
                else PlacementStatus.AWAITING_MATCH
            )
            placement.save(update_fields=["status"])
        _audit(actor, booking, cancelled=reason)
    return booking
