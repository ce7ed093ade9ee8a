"""The unpaid-work assessment of a requirement (issue 13 item 2): placement type, restrictions
(exclusion zones, supervisor-sex), availability, commitments, health, PPE sizes, ETE need and
induction. Unpaid-work staff of the case's PDU; optimistic locking against a second editor."""

from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import NotFound, ServiceError
from probation.people.services.person import person_for_change
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Assessment

ASSESSMENT_FIELDS = (
    "placement",
    "excluded_areas",
    "supervisor_sex",
    "available_days",
    "commitments",
    "health",
    "ppe_clothing",
    "ppe_footwear",
    "ete_need",
    "induction_done",
)


def upw_requirement(*, crn: str, requirement_id: int) -> Requirement:
    requirement = (
        Requirement.objects.select_related("sentence__person")
        .filter(pk=requirement_id, sentence__person__crn=crn, type=RequirementType.UNPAID_WORK)
        .first()
    )
    if requirement is None:
        raise NotFound(requirement_id)
    return requirement


def assessment_save(
    *, actor: User, crn: str, requirement_id: int, expected_version: int | None, data: dict[str, Any]
) -> Assessment:
    """Record or update the assessment. ``expected_version`` None: a new one."""
    with transaction.atomic():
        person_for_change(actor=actor, crn=crn, permission=Permission.UPW_MANAGE)
        requirement = upw_requirement(crn=crn, requirement_id=requirement_id)
        assessment = Assessment.objects.select_for_update().filter(requirement=requirement).first()
        values = {k: data[k] for k in ASSESSMENT_FIELDS if k in data}
        if assessment is None:
            if expected_version is not None:
                raise ServiceError("The assessment was removed after you opened it")
            assessment = Assessment.objects.create(requirement=requirement, assessed_by=actor, **values)
            action = AuditAction.CREATE
        else:
            if expected_version != assessment.version:
                raise ServiceError(
                    "Someone changed this assessment after you opened it: check it and try again"
                )
            for key, value in values.items():
                setattr(assessment, key, value)
            assessment.assessed_by, assessment.version = actor, assessment.version + 1
            assessment.save()
            action = AuditAction.UPDATE
        audit_record(
            actor=actor,
            action=action,
            crn=crn,
            object_type="upw_assessment",
            object_id=assessment.pk,
            detail={
                "requirement": requirement.pk,
                "version": assessment.version,
                "placement": assessment.placement,
            },
        )
    return assessment
