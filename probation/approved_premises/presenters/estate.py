"""Display of the estate: premises rows, beds with their characteristics, beds out of service."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.approved_premises.models import (
    Bed,
    OutOfServiceBed,
    OutOfServiceReason,
    Premises,
    PremisesCharacteristic,
    RoomCharacteristic,
)
from probation.rules.approved_premises.capacity import hold_released

PREMISES_LABELS = dict(PremisesCharacteristic.choices)
ROOM_LABELS = dict(RoomCharacteristic.choices)


def _labels(values: list[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(v, v) for v in values) or "None recorded"


@dataclass(frozen=True)
class PremisesRow:
    name: str
    url: str
    ap_type: str
    sex: str
    region: str
    postcode: str
    beds: int


def premises_row(premises: Premises) -> PremisesRow:
    return PremisesRow(
        name=premises.name,
        url=reverse("approved_premises:premises-detail", args=[premises.pk]),
        ap_type=premises.get_ap_type_display(),
        sex=premises.get_sex_display(),
        region=premises.region.name,
        postcode=premises.postcode,
        beds=getattr(premises, "bed_count", 0),
    )


def premises_summary(premises: Premises) -> list[tuple[str, str]]:
    return [
        ("Type", premises.get_ap_type_display()),
        ("For", premises.get_sex_display()),
        ("Region", premises.region.name),
        ("Address", f"{premises.address}, {premises.postcode}"),
        ("Curfew", f"{premises.curfew_start:%H:%M} to {premises.curfew_end:%H:%M}"),
        ("Characteristics", _labels(premises.characteristics, PREMISES_LABELS)),
    ]


@dataclass(frozen=True)
class BedRow:
    code: str
    room: str
    characteristics: str
    active: bool


def bed_row(bed: Bed) -> BedRow:
    return BedRow(bed.code, bed.room, _labels(bed.characteristics, ROOM_LABELS), bed.active)


@dataclass(frozen=True)
class OutOfServiceRow:
    pk: int
    bed: str
    reason: str
    starts_on: dt.date
    ends_on: dt.date
    state: str
    released: bool


def out_of_service_row(record: OutOfServiceBed, *, today: dt.date) -> OutOfServiceRow:
    released = hold_released(reason=record.reason, starts_on=record.starts_on, today=today)
    if released:
        state = "Released (hold passed its start date)"
    elif record.starts_on > today:
        state = "Planned"
    else:
        state = "Out of service"
    return OutOfServiceRow(
        pk=record.pk,
        bed=str(record.bed),
        reason=OutOfServiceReason(record.reason).label,
        starts_on=record.starts_on,
        ends_on=record.ends_on,
        state=state,
        released=released,
    )
