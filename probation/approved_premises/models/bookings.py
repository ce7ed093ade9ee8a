"""A space booking at a premises (approved-premises.md § Stay). Capacity is counted per night from
the live bookings (upcoming or arrived), not per bed."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.accounts.models import Staff
from probation.approved_premises.models.applications import PlacementRequest
from probation.approved_premises.models.choices import (
    BookingStatus,
    CancellationReason,
    ChangeKind,
    DepartureReason,
    ExtensionDecision,
    MoveOnCategory,
    NonArrivalReason,
    TransferKind,
    TransferReason,
)
from probation.approved_premises.models.estate import Premises
from probation.core.models import VersionedModel
from probation.people.models import Person

LIVE = (BookingStatus.UPCOMING, BookingStatus.ARRIVED)


class SpaceBooking(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ap_bookings")
    premises = models.ForeignKey(Premises, on_delete=models.PROTECT, related_name="bookings")
    placement_request = models.ForeignKey(
        PlacementRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="bookings"
    )
    arrival_on = models.DateField("Expected arrival date")
    departure_on = models.DateField("Expected departure date")
    characteristics = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=12, choices=BookingStatus.choices, default=BookingStatus.UPCOMING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cancellation_reason = models.CharField(max_length=24, choices=CancellationReason.choices, blank=True)
    arrived_at = models.DateTimeField(null=True, blank=True)
    departed_at = models.DateTimeField(null=True, blank=True)
    non_arrival_reason = models.CharField(max_length=3, choices=NonArrivalReason.choices, blank=True)
    non_arrival_on = models.DateField(null=True, blank=True)
    departure_reason = models.CharField(max_length=3, choices=DepartureReason.choices, blank=True)
    move_on_category = models.CharField(max_length=8, choices=MoveOnCategory.choices, blank=True)
    departure_notes = models.TextField(blank=True)
    key_worker = models.ForeignKey(Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["arrival_on", "pk"]
        indexes = [models.Index(fields=["premises", "status", "arrival_on"], name="ap_booking_nights")]
        constraints = [
            models.CheckConstraint(
                condition=Q(departure_on__gt=F("arrival_on")), name="ap_booking_departs_after_arrival"
            )
        ]

    def __str__(self) -> str:
        return f"Booking {self.pk} at {self.premises_id}"


class SignIn(models.Model):
    """A resident's sign-in for one night's curfew (approved-premises.md § Regime): on time, late, or
    missed. A late or missed one becomes a contact for the responsible officer to assess."""

    booking = models.ForeignKey(SpaceBooking, on_delete=models.CASCADE, related_name="sign_ins")
    night = models.DateField()
    signed_in_at = models.DateTimeField(null=True, blank=True)  # None: missed
    late = models.BooleanField(default=False)
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["night", "pk"]
        constraints = [models.UniqueConstraint(fields=["booking", "night"], name="ap_sign_in_once_a_night")]

    def __str__(self) -> str:
        return f"Sign-in {self.booking_id} {self.night}"


class BookingChange(models.Model):
    """One row of a booking's history (the case timeline, not the audit): a change of dates, an
    extension asked for (and its decision), a transfer out or in, a cancellation. Written by
    probation.approved_premises.services.changes in the transaction that makes the change."""

    booking = models.ForeignKey(SpaceBooking, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=ChangeKind.choices)
    old_arrival_on = models.DateField(null=True, blank=True)
    old_departure_on = models.DateField(null=True, blank=True)
    new_arrival_on = models.DateField(null=True, blank=True)
    new_departure_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=24, blank=True)  # a cancellation or transfer reason's value
    transfer_kind = models.CharField(max_length=10, choices=TransferKind.choices, blank=True)
    notes = models.TextField(blank=True)
    other_booking = models.ForeignKey(
        SpaceBooking, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # a transfer's booking at the other premises
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    # An extension needs approval (approved-premises.md § Stay): asked for, then decided by someone else.
    decision = models.CharField(max_length=8, choices=ExtensionDecision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["kind", "decision"], name="ap_change_pending")]

    def __str__(self) -> str:
        return f"{self.kind} of booking {self.booking_id}"

    @property
    def reason_label(self) -> str:
        labels = CancellationReason if self.kind == ChangeKind.CANCELLED else TransferReason
        return str(dict(labels.choices).get(self.reason, self.reason))

    @property
    def pending(self) -> bool:
        return self.kind == ChangeKind.EXTENSION and self.decided_at is None
