"""Changes to the estate: putting a bed out of service and bringing it back (approved-premises.md
§ Beds and capacity). Each change is one transaction with its audit row."""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.approved_premises.models import OutOfServiceBed, OutOfServiceReason, Premises
from probation.approved_premises.selectors.estate import may_manage_premises
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.rules.errors import RuleErrorCollector


def out_of_service_bed_create(
    *,
    actor: User,
    premises: Premises,
    bed_id: int,
    reason: str,
    starts_on: dt.date,
    ends_on: dt.date,
    notes: str = "",
) -> OutOfServiceBed:
    if not may_manage_premises(actor, premises):
        raise NotFound(premises.pk)
    bed = premises.beds.filter(pk=bed_id, active=True).first()
    errors = RuleErrorCollector()
    with errors.check():
        if bed is None:
            raise ServiceError("Select a bed of this premises", field="bed")
    with errors.check():
        if reason not in OutOfServiceReason.values:
            raise ServiceError("Select a reason", field="reason")
    with errors.check():
        if ends_on < starts_on:
            raise ServiceError("The end date must be the same as or after the start date", field="ends_on")
    with errors.check():
        if ends_on < today_uk():
            raise ServiceError("The end date must be today or in the future", field="ends_on")
    errors.raise_any()
    with transaction.atomic():
        record = OutOfServiceBed.objects.create(
            bed=bed,
            premises=premises,
            reason=reason,
            starts_on=starts_on,
            ends_on=ends_on,
            notes=notes,
            created_by=actor,
            created_at=now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="ap_out_of_service_bed",
            object_id=record.pk,
            detail={"premises": premises.code, "bed": bed_id, "reason": reason},
        )
    return record


def out_of_service_bed_cancel(*, actor: User, premises: Premises, record_id: int) -> None:
    if not may_manage_premises(actor, premises):
        raise NotFound(premises.pk)
    with transaction.atomic():
        record = (
            OutOfServiceBed.objects.select_for_update()
            .filter(pk=record_id, premises=premises, cancelled_at__isnull=True)
            .first()
        )
        if record is None:
            raise NotFound(record_id)
        record.cancelled_at = now()
        record.save(update_fields=["cancelled_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="ap_out_of_service_bed",
            object_id=record.pk,
            detail={"premises": premises.code, "cancelled": True},
        )
