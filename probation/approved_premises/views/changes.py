"""The booking page's changes (approved-premises.md § Stay): new dates, an extension and its
approval, a transfer, a cancellation. Which forms a user gets follows the services' rules: the
premises' staff and the CRU change dates, ask for an extension and make an emergency transfer; the
CRU plans transfers and cancels; someone with AP_EXTENSION_APPROVE (not whoever asked) decides an
extension. The services check all of it again."""

from typing import Any

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.forms.stays import (
    CancelForm,
    ChangeDatesForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    TransferForm,
)
from probation.approved_premises.models import BookingChange, BookingStatus, SpaceBooking, TransferKind
from probation.approved_premises.selectors import stays as selectors
from probation.approved_premises.services import changes as services
from probation.frontend.forms import GovukForm

CHANGE_ACTIONS = ("dates", "extend", "extension_decision", "transfer", "cancel")


def change_forms(
    user: User, booking: SpaceBooking, pending: BookingChange | None, data: Any, action: str
) -> dict[str, GovukForm]:
    def bound(name: str) -> Any:
        return data if action == name else None

    live = booking.status in (BookingStatus.UPCOMING, BookingStatus.ARRIVED)
    version = booking.version
    forms: dict[str, GovukForm] = {}
    if not live:
        return forms
    forms["dates"] = ChangeDatesForm(data=bound("dates"), version=version, booking=booking)
    if pending is None:
        forms["extend"] = ExtensionRequestForm(data=bound("extend"), version=version)
    elif has_permission(user, Permission.AP_EXTENSION_APPROVE) and pending.by_id != user.pk:
        forms["extension_decision"] = ExtensionDecisionForm(data=bound("extension_decision"), version=version)
    if booking.status == BookingStatus.ARRIVED:
        kinds = [TransferKind.EMERGENCY.value]
        if has_permission(user, Permission.AP_MATCH):
            kinds.insert(0, TransferKind.PLANNED.value)
        forms["transfer"] = TransferForm(
            data=bound("transfer"),
            version=version,
            premises=selectors.transfer_destinations(booking.premises),
            kinds=kinds,
        )
    if booking.status == BookingStatus.UPCOMING and has_permission(user, Permission.AP_MATCH):
        forms["cancel"] = CancelForm(data=bound("cancel"), version=version)
    return forms


def perform_change(user: User, booking: SpaceBooking, action: str, data: dict[str, Any]) -> str:
    common = {"actor": user, "booking_id": booking.pk, "expected_version": data["version"]}
    if action == "dates":
        services.booking_change_dates(
            **common, arrival_on=data["arrival_on"], departure_on=data["departure_on"], notes=data["notes"]
        )
        return "Dates changed"
    if action == "extend":
        services.booking_extension_request(**common, departure_on=data["departure_on"], reason=data["reason"])
        return "Extension asked for: it needs approval by the Central Referral Unit"
    if action == "extension_decision":
        approve = data["decision"] == "approve"
        services.booking_extension_decide(**common, approve=approve, notes=data["notes"])
        return "Extension approved: the stay is longer" if approve else "Extension refused"
    if action == "transfer":
        moved = services.booking_transfer(
            **common,
            kind=data["kind"],
            to_premises_id=data["to_premises"],
            on=data["on"] or booking.arrival_on,
            reason=data["reason"],
            notes=data["notes"],
        )
        return f"Transfer to {moved.premises.name} booked from {moved.arrival_on:%-d %B %Y}"
    services.booking_cancel(**common, reason=data["reason"], notes=data["notes"])
    return "Booking cancelled"
