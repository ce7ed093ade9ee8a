"""Safeguarding referrals about children: making one and recording its outcome.

Same shape as checks.py: scoped lock through ``person_for_change`` (SAFEGUARDING_MANAGE, managing
PDU), rules, write and audit in one transaction. Audit details never carry the concern's text.
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
from probation.safeguarding.models import SafeguardingReferral
from probation.safeguarding.models.choices import ReferralOutcome, ReferredTo, Urgency
from probation.safeguarding.services.linked_flags import REFERRAL, REFERRAL_ENTITY, linked_registration


def referral_add(
    *,
    actor: User,
    crn: str,
    referred_on: dt.date,
    referred_to: str,
    concern: str,
    urgency: str,
    referred_to_other: str = "",
    registration_id: int | None = None,
) -> SafeguardingReferral:
    """Record a referral made about a child; its outcome is recorded when the agency decides."""
    concern, referred_to_other = concern.strip(), referred_to_other.strip()
    date_not_future(referred_on, field="referred_on", label="Date referred")
    if referred_to not in ReferredTo.values:
        raise ServiceError("Select who the referral was made to", field="referred_to")
    if referred_to == ReferredTo.OTHER and not referred_to_other:
        raise ServiceError("Enter the other agency the referral was made to", field="referred_to_other")
    if referred_to != ReferredTo.OTHER and referred_to_other:
        raise ServiceError("Select Other, or clear the other agency", field="referred_to")
    if not concern:
        raise ServiceError("Enter the concern", field="concern")
    if urgency not in Urgency.values:
        raise ServiceError("Select the urgency of the referral", field="urgency")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SAFEGUARDING_MANAGE)
        registration = linked_registration(person=person, registration_id=registration_id)
        referral = SafeguardingReferral.objects.create(
            person=person,
            referred_on=referred_on,
            referred_to=referred_to,
            referred_to_other=referred_to_other,
            concern=concern,
            urgency=urgency,
            registration=registration,
            referred_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=REFERRAL,
            object_id=referral.pk,
            detail={
                "referred_on": referred_on.isoformat(),
                "referred_to": referred_to,
                "urgency": urgency,
                "registration": registration.pk if registration else None,
            },
        )
    return referral


def referral_record_outcome(
    *,
    actor: User,
    crn: str,
    referral_id: int,
    expected_version: int,
    outcome: str,
    outcome_on: dt.date,
    outcome_details: str = "",
) -> SafeguardingReferral:
    """Record what the agency decided. Stale forms are refused with what changed; a referral whose
    outcome is already recorded is refused with when."""
    if outcome not in ReferralOutcome.values:
        raise ServiceError("Select the outcome of the referral", field="outcome")
    date_not_future(outcome_on, field="outcome_on", label="Outcome date")
    outcome_details = outcome_details.strip()
    if outcome == ReferralOutcome.OTHER and not outcome_details:
        raise ServiceError("Enter the details of the other outcome", field="outcome_details")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.SAFEGUARDING_MANAGE)
        referral = (
            SafeguardingReferral.objects.select_for_update().filter(person=person, pk=referral_id).first()
        )
        if referral is None:
            raise NotFound(referral_id)
        if referral.version == expected_version and not referral.is_awaiting:
            raise ServiceError(
                f"The outcome of this referral was recorded on {referral.outcome_on:%-d %B %Y}"
            )
        if outcome_on < referral.referred_on:
            raise ServiceError(
                f"Outcome date must be on or after the date referred ({referral.referred_on:%-d %B %Y})",
                field="outcome_on",
            )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=referral,
            entity=REFERRAL_ENTITY,
            expected_version=expected_version,
            data={"outcome": outcome, "outcome_on": outcome_on, "outcome_details": outcome_details},
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=REFERRAL,
            object_id=referral.pk,
            detail={"outcome": outcome, "outcome_on": outcome_on.isoformat(), "version": referral.version},
        )
    return referral
