"""Changing a practitioner's workload inputs: reductions (reason, hours, start and end: workload.md
§ Capacity) and contracted hours. Only a senior PO, for an officer of their own team; every change is
audited. A reduction is ended, never deleted, so the history shows what applied when."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now
from probation.core.errors import NotFound, ServiceError
from probation.workload.models import ContractedHours, Reduction, ReductionReason
from probation.workload.models.reductions import FULL_TIME_HOURS
from probation.workload.selectors.team import team_officers


def _officer_for_change(actor: User, code: str) -> Staff:
    if not has_permission(actor, Permission.WORKLOAD_TEAM) or actor.staff is None:
        raise NotFound(code)
    officer = team_officers(actor.staff.team).select_for_update(of=("self",)).filter(code=code).first()
    if officer is None:
        raise NotFound(code)
    return officer


def _check_reduction(
    *, reason: str, details: str, hours: Decimal, starts_on: dt.date, ends_on: dt.date | None
) -> None:
    if reason not in ReductionReason.values:
        raise ServiceError("Select a reason for the reduction", field="reason")
    if reason == ReductionReason.OTHER and not details.strip():
        raise ServiceError("Give details of the reason for the reduction", field="details")
    if not Decimal(0) < hours <= FULL_TIME_HOURS:
        raise ServiceError("Hours a week must be more than 0 and no more than 37", field="hours")
    if ends_on is not None and ends_on < starts_on:
        raise ServiceError("End date must be the same as or after the start date", field="ends_on")


def reduction_create(
    *,
    actor: User,
    officer_code: str,
    reason: str,
    hours: Decimal,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    details: str = "",
) -> Reduction:
    _check_reduction(reason=reason, details=details, hours=hours, starts_on=starts_on, ends_on=ends_on)
    with transaction.atomic():
        officer = _officer_for_change(actor, officer_code)
        reduction = Reduction.objects.create(
            staff=officer,
            reason=reason,
            details=details.strip(),
            hours=hours,
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=actor,
            created_at=now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="workload_reduction",
            object_id=reduction.pk,
            detail={
                "staff": officer.code,
                "reason": reason,
                "hours": str(hours),
                "starts_on": starts_on.isoformat(),
                "ends_on": ends_on.isoformat() if ends_on else None,
            },
        )
    return reduction


def reduction_end(*, actor: User, officer_code: str, reduction_id: int, ends_on: dt.date) -> Reduction:
    """End an open (or later-ending) reduction on ``ends_on``; it stays in the history."""
    with transaction.atomic():
        officer = _officer_for_change(actor, officer_code)
        reduction = Reduction.objects.select_for_update().filter(staff=officer, pk=reduction_id).first()
        if reduction is None:
            raise NotFound(reduction_id)
        if ends_on < reduction.starts_on:
            raise ServiceError("End date must be the same as or after the start date", field="ends_on")
        if reduction.ends_on is not None and reduction.ends_on <= ends_on:
            raise ServiceError("This reduction already ends by then", field="ends_on")
        reduction.ends_on = ends_on
        reduction.ended_by = actor
        reduction.save(update_fields=["ends_on", "ended_by"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="workload_reduction",
            object_id=reduction.pk,
            detail={"staff": officer.code, "ends_on": ends_on.isoformat()},
        )
    return reduction


def contracted_hours_set(*, actor: User, officer_code: str, hours: Decimal) -> ContractedHours:
    if not Decimal(0) < hours <= FULL_TIME_HOURS:
        raise ServiceError("Contracted hours must be more than 0 and no more than 37", field="hours")
    with transaction.atomic():
        officer = _officer_for_change(actor, officer_code)
        record, _ = ContractedHours.objects.update_or_create(staff=officer, defaults={"hours": hours})
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="contracted_hours",
            object_id=officer.pk,
            detail={"staff": officer.code, "hours": str(hours)},
        )
    return record
