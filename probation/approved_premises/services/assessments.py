"""Assessing an application (approved-premises.md § 3–5): accept (with the criteria and length of
stay, which creates the placement request with its 5-working-day deadline), reject with a reason
from the rules, or ask for more information (the clock continues).

Only an assessor the work is routed to (qualifications, probation.approved_premises.policy) or the
Central Referral Unit may decide; anything else is the same "not found" as a missing assessment.
"""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import (
    ApplicationStatus,
    Assessment,
    InformationRequest,
    PlacementRequest,
    RejectionReason,
)
from probation.approved_premises.policy import assessments_routed_to
from probation.approved_premises.services.applications import CHARACTERISTICS
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.people.models import Person
from probation.people.policy import can_change_case, people_visible_to
from probation.rules.approved_premises.deadlines import placement_request_due
from probation.rules.errors import RuleErrorCollector

ACCEPTED, REJECTED = "accepted", "rejected"
MAX_STAY_DAYS = 730
CONFLICT = "Someone else recorded a decision on this assessment while you were working on it."


def _locked(*, actor: User, assessment_id: int, expected_version: int) -> Assessment:
    if not has_permission(actor, Permission.AP_ASSESS):
        raise NotFound(assessment_id)
    queryset = Assessment.objects.select_for_update(of=("self",)).filter(
        pk=assessment_id, application__person__in=people_visible_to(actor)
    )
    found = assessments_routed_to(actor, queryset).select_related("application__person").first()
    if found is None:
        raise NotFound(assessment_id)
    if found.version != expected_version or found.decision:
        raise ConflictError(
            CONFLICT,
            changes=[FieldChange(label="Decision", theirs=found.decision or "-", by="", at=found.updated_at)],
        )
    return found


def _audit(actor: User, assessment: Assessment, detail: dict[str, object]) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=assessment.application.person.crn,
        object_type="ap_assessment",
        object_id=assessment.pk,
        detail=detail,
    )


def assessment_accept(
    *,
    actor: User,
    assessment_id: int,
    expected_version: int,
    criteria: list[str],
    stay_days: int | None,
    notes: str = "",
) -> PlacementRequest:
    errors = RuleErrorCollector()
    if stay_days is None:
        errors.add("Enter the length of stay in days", field="stay_days")
    elif not 1 <= stay_days <= MAX_STAY_DAYS:
        errors.add(f"The length of stay must be between 1 and {MAX_STAY_DAYS} days", field="stay_days")
    if any(c not in CHARACTERISTICS for c in criteria):
        errors.add("Select criteria from the list", field="criteria")
    errors.raise_any()
    assert stay_days is not None
    with transaction.atomic():
        assessment = _locked(actor=actor, assessment_id=assessment_id, expected_version=expected_version)
        application = assessment.application
        if application.arrival_on is None:
            raise ServiceError("The application has no expected arrival date")
        at = now()
        assessment.decision = ACCEPTED
        assessment.criteria = sorted(set(criteria))
        assessment.stay_days = stay_days
        assessment.decision_notes = notes
        assessment.assessor = actor
        assessment.decided_at = at
        assessment.version += 1
        assessment.save()
        application.status = ApplicationStatus.ACCEPTED
        application.version += 1
        application.save(update_fields=["status", "version", "updated_at"])
        placement = PlacementRequest.objects.create(
            application=application,
            person=application.person,
            arrival_on=application.arrival_on,
            departure_on=application.arrival_on + dt.timedelta(days=stay_days),
            criteria=assessment.criteria,
            preferred_district=application.preferred_district,
            created_at=at,
            due_at=placement_request_due(submitted_at=at),
        )
        _audit(
            actor,
            assessment,
            {"decision": ACCEPTED, "stay_days": stay_days, "placement_request": placement.pk},
        )
    return placement


def assessment_reject(
    *, actor: User, assessment_id: int, expected_version: int, reason: str, notes: str = ""
) -> Assessment:
    if reason not in RejectionReason.values:
        raise ServiceError("Select the reason for rejecting the application", field="rejection_reason")
    with transaction.atomic():
        assessment = _locked(actor=actor, assessment_id=assessment_id, expected_version=expected_version)
        assessment.decision = REJECTED
        assessment.rejection_reason = reason
        assessment.decision_notes = notes
        assessment.assessor = actor
        assessment.decided_at = now()
        assessment.version += 1
        assessment.save()
        application = assessment.application
        application.status = ApplicationStatus.REJECTED
        application.version += 1
        application.save(update_fields=["status", "version", "updated_at"])
        _audit(actor, assessment, {"decision": REJECTED, "reason": reason})
    return assessment


def assessment_request_information(
    *, actor: User, assessment_id: int, expected_version: int, question: str
) -> InformationRequest:
    if not question.strip():
        raise ServiceError("Enter the information you need", field="question")
    with transaction.atomic():
        assessment = _locked(actor=actor, assessment_id=assessment_id, expected_version=expected_version)
        request = InformationRequest.objects.create(
            assessment=assessment, question=question.strip(), asked_by=actor, asked_at=now()
        )
        assessment.version += 1
        assessment.save(update_fields=["version", "updated_at"])
        application = assessment.application
        application.status = ApplicationStatus.INFO_REQUESTED
        application.save(update_fields=["status", "updated_at"])
        _audit(actor, assessment, {"information_request": request.pk})
    return request


def information_request_answer(
    *, actor: User, person: Person, request_id: int, answer: str
) -> InformationRequest:
    """The practitioner answers the assessor's question (anyone who may apply for this case). The
    assessment's deadline does not move: approved-premises.md § 4 says the clock continues while
    information is asked for. Once every question is answered the application is awaiting assessment
    again. A question is answered once: a second answer (two windows) is told it was answered."""
    if not answer.strip():
        raise ServiceError("Enter your answer", field="answer")
    if not can_change_case(actor, person, Permission.AP_APPLY):
        raise NotFound(request_id)
    with transaction.atomic():
        request = (
            InformationRequest.objects.select_for_update(of=("self",))
            .select_related("assessment__application")
            .filter(pk=request_id, assessment__application__person=person)
            .first()
        )
        if request is None:
            raise NotFound(request_id)
        if request.answered_at is not None:
            raise ConflictError(
                "This question has already been answered.",
                changes=[FieldChange(label="Answer", theirs=request.answer, by="", at=request.answered_at)],
            )
        request.answer = answer.strip()
        request.answered_at = now()
        request.answered_by = actor
        request.save(update_fields=["answer", "answered_at", "answered_by"])
        assessment = request.assessment
        application = assessment.application
        still_open = assessment.information_requests.filter(answered_at__isnull=True).exists()
        if (
            not still_open
            and not assessment.decision
            and application.status == ApplicationStatus.INFO_REQUESTED
        ):
            application.status = ApplicationStatus.SUBMITTED
            application.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="ap_information_request",
            object_id=request.pk,
            detail={"assessment": assessment.pk, "answered": True},
        )
    return request
