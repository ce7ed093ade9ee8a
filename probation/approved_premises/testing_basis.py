"""A resident's stays as a basis for drug and alcohol testing (Approved Premises (Substance Testing)
Act 2022; drug-testing.md § Legal bases), for probation.drug_testing, which sits below this app."""

from probation.approved_premises.models import BookingStatus, SpaceBooking
from probation.contacts.times import local
from probation.rules.drug_testing.bases import Basis, BasisSource


def resident_stays(person_id: int) -> list[BasisSource]:
    """Each arrival at a premises, to its departure (open while resident)."""
    bookings = (
        SpaceBooking.objects.filter(person_id=person_id, arrived_at__isnull=False)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("premises")
        .only("id", "arrived_at", "departed_at", "premises__name")
    )
    return [
        BasisSource(
            Basis.APPROVED_PREMISES,
            local(b.arrived_at).date(),
            local(b.departed_at).date() if b.departed_at else None,
            b.pk,
            b.premises.name,
        )
        for b in bookings
        if b.arrived_at is not None
    ]
