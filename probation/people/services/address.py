"""Addresses with history: one main address at a time; a new main moves the old one to previous."""

import re
from datetime import date
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Address, AddressStatus, AddressType, Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update

# The UK postcode shape (BS 7666); the outward code letters are not checked against a gazetteer.
POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2})$")
ADDRESS_FIELDS = (
    "status",
    "address_type",
    "building_name",
    "address_number",
    "street_name",
    "district",
    "town_city",
    "county",
    "postcode",
    "telephone",
    "start_date",
    "end_date",
    "notes",
)


def normalise_postcode(value: str) -> str:
    compact = value.upper().replace(" ", "")
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def address_validate(address: Address) -> None:
    """Cross-field rules. Raises ServiceError naming the field; nothing is written."""
    if address.address_type == AddressType.NO_FIXED_ABODE:
        address.building_name = address.address_number = address.street_name = ""
        address.district = address.county = address.postcode = ""
    else:
        if not (address.building_name or address.address_number or address.street_name):
            raise ServiceError("Enter a building name, number or street", field="street_name")
        if not address.town_city:
            raise ServiceError("Enter a town or city", field="town_city")
        if not address.postcode:
            raise ServiceError("Enter a postcode", field="postcode")
        address.postcode = normalise_postcode(address.postcode)
        if not POSTCODE.match(address.postcode):
            raise ServiceError("Enter a real postcode, like SW1A 2AA", field="postcode")
    if address.start_date > today_uk():
        raise ServiceError("Start date must be today or in the past", field="start_date")
    if address.end_date is not None and address.end_date < address.start_date:
        raise ServiceError("End date must be the same as or after the start date", field="end_date")
    if address.status == AddressStatus.PREVIOUS and address.end_date is None:
        raise ServiceError("Enter the date the person left a previous address", field="end_date")
    if address.status == AddressStatus.MAIN and address.end_date is not None:
        raise ServiceError(
            "A main address cannot have an end date: make it a previous address", field="end_date"
        )


def _retire_main(*, actor: User, person: Person, keep: Address | None, moved_on: date) -> None:
    """The person's old main address becomes a previous address, ending when the new one starts."""
    current = Address.objects.select_for_update().filter(person=person, status=AddressStatus.MAIN)
    if keep is not None:
        current = current.exclude(pk=keep.pk)
    for old in current:
        if moved_on < old.start_date:
            raise ServiceError(
                "The new main address must start on or after the current main address started "
                f"({old.start_date:%-d %B %Y})",
                field="start_date",
            )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=old,
            entity="address",
            expected_version=old.version,
            data={"status": AddressStatus.PREVIOUS, "end_date": moved_on},
        )


def address_create(*, actor: User, crn: str, data: dict[str, Any]) -> Address:
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        address = Address(
            person=person, created_by=actor, **{k: v for k, v in data.items() if k in ADDRESS_FIELDS}
        )
        address_validate(address)
        if address.status == AddressStatus.MAIN:
            _retire_main(actor=actor, person=person, keep=None, moved_on=address.start_date)
        address.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="address",
            object_id=address.pk,
            detail={"status": address.status},
        )
    return address


def address_update(
    *, actor: User, crn: str, address_id: int, expected_version: int, data: dict[str, Any]
) -> list[str]:
    """Change an address. Refused (nothing written) if someone saved a newer version of it."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        address = Address.objects.select_for_update().filter(person=person, pk=address_id).first()
        if address is None:
            raise NotFound(address_id)
        if data.get("status") == AddressStatus.MAIN and address.status != AddressStatus.MAIN:
            # Retire the old main first: the database allows one main address per person.
            _retire_main(
                actor=actor, person=person, keep=address, moved_on=data.get("start_date", address.start_date)
            )
        changed = apply_versioned_update(
            actor=actor,
            person=person,
            instance=address,
            entity="address",
            expected_version=expected_version,
            data={k: v for k, v in data.items() if k in ADDRESS_FIELDS},
            validate=address_validate,
        )
        if changed:
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=crn,
                object_type="address",
                object_id=address.pk,
                detail={"fields": changed, "version": address.version},
            )
    return changed
