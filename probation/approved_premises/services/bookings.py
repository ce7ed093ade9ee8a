"""Booking a space (approved-premises.md § 6, § Beds and capacity).

Two people booking the last bed for overlapping nights: one wins, the other is told. The booking
locks the premises row (``SELECT ... FOR UPDATE`` on PostgreSQL), so bookings at one premises are
made one at a time; each recounts capacity for every night of the stay inside the lock and is refused
if any night has no bed free. Bookings at different premises do not wait for each other. The
placement request is locked too, so it is booked at most once.
"""

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import (
    PlacementRequest,
    PlacementStatus,
    Premises,
    SpaceBooking,
)
from probation.approved_premises.selectors.estate import capacity_for
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.policy import people_visible_to

NO_BED = (
    "There is no bed free at {premises} on {nights}: someone may have just booked the last bed. "
    "Search again and choose another premises."
)


def _night_list(days: list[str]) -> str:
    shown = ", ".join(days[:5])
    return shown + (f" and {len(days) - 5} more nights" if len(days) > 5 else "")


def space_booking_create(*, actor: User, placement_id: int, premises_id: int) -> SpaceBooking:
    if not has_permission(actor, Permission.AP_MATCH):
        raise NotFound(placement_id)
    with transaction.atomic():
        placement = (
            PlacementRequest.objects.select_for_update(of=("self",))
            .select_related("person", "application")
            .filter(pk=placement_id, person__in=people_visible_to(actor))
            .first()
        )
        if placement is None:
            raise NotFound(placement_id)
        if placement.status != PlacementStatus.AWAITING_MATCH:
            raise ServiceError("This placement request has already been booked or withdrawn.")
        premises = Premises.objects.select_for_update().filter(pk=premises_id).first()
        if premises is None:
            raise ServiceError("Select a premises", field="premises")
        if premises.sex != ("F" if placement.person.gender == "F" else "M"):
            raise ServiceError(f"{premises.name} does not take people of this sex", field="premises")
        nights = capacity_for(
            [premises], arrival=placement.arrival_on, departure=placement.departure_on, today=today_uk()
        )[premises.pk]
        if not nights.fits:
            days = [f"{n.day:%-d %B %Y}" for n in nights.shortfall_nights]
            raise ServiceError(
                NO_BED.format(premises=premises.name, nights=_night_list(days)), field="premises"
            )
        booking = SpaceBooking.objects.create(
            person=placement.person,
            premises=premises,
            placement_request=placement,
            arrival_on=placement.arrival_on,
            departure_on=placement.departure_on,
            characteristics=placement.criteria,
            created_by=actor,
        )
        placement.status = PlacementStatus.BOOKED
        placement.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=placement.person.crn,
            object_type="ap_space_booking",
            object_id=booking.pk,
            detail={"premises": premises.code, "placement_request": placement.pk},
        )
    return booking
