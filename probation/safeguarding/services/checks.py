"""Checks with children's services: requesting one and recording the local authority's response.

Every write takes the acting user and the CRN and locks the case through people's scoped
``person_for_change`` (SAFEGUARDING_MANAGE in the case's managing PDU; limited access and partner
scope apply), checks the rules, writes and audits in one transaction: a refusal leaves no trace.
Audit details never carry the free text (reason, details).
"""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.date_checks import date_not_future
from probation.core.errors import NotFound, ServiceError
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.safeguarding.models import ChildrenServicesCheck
from probation.safeguarding.models.choices import CheckMethod, CheckOutcome
from probation.safeguarding.services.linked_flags import CHECK, linked_registration


def check_add(
    *,
    actor: User,
    crn: str,
    local_authority: str,
    requested_on: dt.date,
    method: str,
    reason: str,
    registration_id: int | None = None,
) -> ChildrenServicesCheck:
    """Record that a check was requested; it awaits the local authority's response."""
    local_authority, reason = local_authority.strip(), reason.strip()
    if not local_authority:
        raise ServiceError("Enter the local authority", field="local_authority")
    date_not_future(requested_on, field="requested_on", label="Date requested")
    if method not in CheckMethod.values:
        raise ServiceError("Select how the check was requested", field="method")
    if not reason:
        raise ServiceError("Enter the reason for the check", field="reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SAFEGUARDING_MANAGE)
        registration = linked_registration(person=person, registration_id=registration_id)
        check = ChildrenServicesCheck.objects.create(
            person=person,
            local_authority=local_authority,
            requested_on=requested_on,
            method=method,
            reason=reason,
            registration=registration,
            requested_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=CHECK,
            object_id=check.pk,
            detail={
                "requested_on": requested_on.isoformat(),
                "method": method,
                "registration": registration.pk if registration else None,
            },
        )
    return check


def check_record_response(
    *,
    actor: User,
    crn: str,
    check_id: int,
    expected_version: int,
    response_on: dt.date,
    outcome: str,
    details: str = "",
) -> ChildrenServicesCheck:
    """Record the local authority's answer. A stale form (someone changed the check since) is
    refused with what changed; a check already answered is refused with when."""
    if outcome not in CheckOutcome.values or outcome == CheckOutcome.AWAITING:
        raise ServiceError("Select the outcome of the check", field="outcome")
    date_not_future(response_on, field="response_on", label="Response date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SAFEGUARDING_MANAGE)
        check = ChildrenServicesCheck.objects.select_for_update().filter(person=person, pk=check_id).first()
        if check is None:
            raise NotFound(check_id)
        if check.version == expected_version and not check.is_awaiting:
            raise ServiceError(f"The response to this check was recorded on {check.response_on:%-d %B %Y}")
        if response_on < check.requested_on:
            raise ServiceError(
                f"Response date must be on or after the date requested ({check.requested_on:%-d %B %Y})",
                field="response_on",
            )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=check,
            entity=CHECK,
            expected_version=expected_version,
            data={"response_on": response_on, "outcome": outcome, "details": details.strip()},
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=CHECK,
            object_id=check.pk,
            detail={"response_on": response_on.isoformat(), "outcome": outcome, "version": check.version},
        )
    return check
