"""Personal circumstances and disabilities (with the adjustments staff must make)."""

from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.models import Circumstance, Disability
from probation.people.services.person import person_for_change


def _check_dates(data: dict[str, Any]) -> None:
    if data["start_date"] > today_uk():
        raise ServiceError("Start date must be today or in the past", field="start_date")
    if data.get("end_date") and data["end_date"] < data["start_date"]:
        raise ServiceError("End date must be the same as or after the start date", field="end_date")


def circumstance_create(*, actor: User, crn: str, data: dict[str, Any]) -> Circumstance:
    _check_dates(data)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        circumstance = Circumstance.objects.create(person=person, **data)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="circumstance",
            object_id=circumstance.pk,
        )
    return circumstance


def disability_create(*, actor: User, crn: str, data: dict[str, Any]) -> Disability:
    _check_dates(data)
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        disability = Disability.objects.create(person=person, **data)
        audit_record(
            actor=actor, action=AuditAction.CREATE, crn=crn, object_type="disability", object_id=disability.pk
        )
    return disability
