"""The victim liaison unit's management of its cases (issue 15): the unit's manager allocates and
reallocates cases between the unit's VLOs; a VLO or the manager closes a case with a reason (every
victim opted out for good, the sentence ended, the offender died...) and reopens it. Each change is a
``SchemeCaseChange`` row (the case's history) and one audit row (ids and codes only)."""

import datetime as dt

from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import NotFound, ServiceError
from probation.victims.models import ClosureReason, SchemeCase, SchemeCaseChange
from probation.victims.selectors.scope import scheme_cases_visible_to, unit_vlos
from probation.victims.services.scheme import SCHEME_CASE, check_version

DETAILS_MAX = 2000


def _case_for_change(actor: User, case_id: int, permission: Permission) -> SchemeCase:
    case = (
        scheme_cases_visible_to(actor).select_for_update().select_related("person").filter(pk=case_id).first()
    )
    if case is None or not has_permission(actor, permission):
        raise NotFound(case_id)
    return case


def _details(details: str, *, required: bool, message: str) -> str:
    details = details.strip()
    if required and not details:
        raise ServiceError(message, field="details")
    if len(details) > DETAILS_MAX:
        raise ServiceError(f"Details must be {DETAILS_MAX:,} characters or fewer", field="details")
    return details


def scheme_case_allocate(*, actor: User, case_id: int, vlo_id: int, expected_version: int) -> SchemeCase:
    """Allocate (or reallocate) the case to a VLO of the unit: the manager only, a VLO of the case's
    own region only. The offender manager then sees the new VLO's name."""
    with transaction.atomic():
        case = _case_for_change(actor, case_id, Permission.VICTIM_UNIT_MANAGE)
        vlo = unit_vlos(actor).filter(pk=vlo_id).first()
        if vlo is None:
            raise ServiceError("Select a victim liaison officer of the unit", field="vlo")
        check_version(case, expected_version)
        if case.vlo_id == vlo.pk:
            raise ServiceError(f"The case is already allocated to {vlo.name}", field="vlo")
        previous = case.vlo_id
        case.vlo = vlo
        case.version += 1
        case.save(update_fields=["vlo", "version", "updated_at"])
        SchemeCaseChange.objects.create(
            scheme_case=case, action=SchemeCaseChange.Action.ALLOCATED, vlo=vlo, on=clock.today_uk(), by=actor
        )
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=case.person.crn,
            object_type=SCHEME_CASE,
            object_id=case.pk,
            detail={"vlo": vlo.code, "previous": previous, "version": case.version},
        )
    return case


def scheme_case_close(
    *, actor: User, case_id: int, reason: str, details: str, expected_version: int, on: dt.date | None = None
) -> SchemeCase:
    """Close the case: it leaves the unit's open list and key events no longer reach it."""
    if reason not in ClosureReason.values:
        raise ServiceError("Select why the case is closing", field="reason")
    details = _details(
        details, required=reason == ClosureReason.OTHER, message="Enter why the case is closing"
    )
    with transaction.atomic():
        case = _case_for_change(actor, case_id, Permission.VICTIM_CASE_CLOSE)
        check_version(case, expected_version)
        if case.closed_on is not None:
            raise ServiceError("This case is already closed", field="reason")
        today = on or clock.today_uk()
        case.closed_on, case.closed_reason = today, reason
        case.version += 1
        case.save(update_fields=["closed_on", "closed_reason", "version", "updated_at"])
        SchemeCaseChange.objects.create(
            scheme_case=case,
            action=SchemeCaseChange.Action.CLOSED,
            reason=reason,
            details=details,
            on=today,
            by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=case.person.crn,
            object_type=SCHEME_CASE,
            object_id=case.pk,
            detail={"closed": today.isoformat(), "reason": reason, "version": case.version},
        )
    return case


def scheme_case_reopen(*, actor: User, case_id: int, details: str, expected_version: int) -> SchemeCase:
    """Reopen a closed case (a victim rejoins, a closure in error), with why."""
    details = _details(details, required=True, message="Enter why the case is reopening")
    try:
        with transaction.atomic():
            case = _case_for_change(actor, case_id, Permission.VICTIM_CASE_CLOSE)
            check_version(case, expected_version)
            if case.closed_on is None:
                raise ServiceError("This case is open", field="details")
            case.closed_on, case.closed_reason = None, ""
            case.version += 1
            case.save(update_fields=["closed_on", "closed_reason", "version", "updated_at"])
            SchemeCaseChange.objects.create(
                scheme_case=case,
                action=SchemeCaseChange.Action.REOPENED,
                details=details,
                on=clock.today_uk(),
                by=actor,
            )
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=case.person.crn,
                object_type=SCHEME_CASE,
                object_id=case.pk,
                detail={"reopened": True, "version": case.version},
            )
    except IntegrityError:
        # victims_one_open_hand_added_case_per_person: another case added by hand is open.
        raise ServiceError(
            "Another case for this person added by hand is open: close it first", field="details"
        ) from None
    return case
