"""Report requests: recording the court's request, allocating an author, withdrawing it, and
recording the type delivered (court-reports.md § Request record).

Every write is one transaction with an audit row; changes to an existing request name the version
the user saw (optimistic locking, ADR 0005). The date required comes from the pure deadline rules
(probation.rules.court_reports.deadlines); an unlawful adjournment is refused there.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.models.staff import Grade
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.people.models import Person
from probation.people.models.person import ROSH_LEVELS_HELD_BY_PO
from probation.people.policy import people_visible_to
from probation.reports.models import (
    AssessmentAskedFor,
    RemandStatus,
    ReportRequest,
    ReportType,
    RequestStatus,
    SentencingPurpose,
)
from probation.reports.selectors import requests as selectors
from probation.rules.court_reports.deadlines import required_by
from probation.rules.errors import RuleErrorCollector

CONFLICT = (
    "Someone else changed this report request while you were working on it. Your changes have not "
    "been saved. Check their changes below and try again."
)
HIGH_ROSH_NEEDS_PO = (
    "Reports on cases with high or very high RoSH must be written by a probation officer: choose a "
    "probation officer"
)
NO_ROSH_NEEDS_PO = (
    "This case has no RoSH level recorded: a PSO can write the report only on a low or medium RoSH "
    "case, so choose a probation officer"
)
MAGISTRATES = "magistrates"


def _conflict(request: ReportRequest) -> ConflictError:
    by = str(request.author or request.requested_by)
    at = request.updated_at
    return ConflictError(
        CONFLICT,
        changes=[
            FieldChange(label="Status", theirs=request.get_status_display(), by=by, at=at),
            FieldChange(label="Author", theirs=str(request.author or "(none)"), by=by, at=at),
            FieldChange(
                label="Type delivered", theirs=request.get_type_delivered_display() or "(blank)", by=by, at=at
            ),
        ],
    )


def _locked(*, actor: User, request_id: int, expected_version: int) -> ReportRequest:
    """The request row, locked, if the actor may manage it and it is the version they saw."""
    found = (
        ReportRequest.objects.select_for_update(of=("self",))
        .select_related("person", "court", "author__staff", "requested_by__staff")
        .filter(pk=request_id, court__in=selectors.courts_for_allocation(actor))
        .first()
    )
    if found is None:
        raise NotFound(request_id)
    if found.version != expected_version:
        raise _conflict(found)
    return found


def report_request_date_required(
    *,
    type_requested: str,
    hearing_date: dt.date,
    adjourned_to: dt.date | None,
    remand_status: str,
    court_kind: str,
) -> dt.date:
    """The date required by the rules for these inputs (a refusal names the field at fault)."""
    return required_by(
        kind=type_requested,
        hearing_date=hearing_date,
        adjourned_to=adjourned_to,
        in_custody=remand_status == RemandStatus.CUSTODY,
        magistrates=court_kind == MAGISTRATES,
    )


def _check_choices(values: Sequence[str], allowed: list[str], *, field: str) -> list[str]:
    if any(value not in allowed for value in values):
        raise ServiceError("Select from the list", field=field)
    return list(dict.fromkeys(values))


@dataclass(frozen=True)
class CourtRequest:
    """What the court asked for, as the court officer records it."""

    court_id: int
    type_requested: str
    remand_status: str
    hearing_date: dt.date
    adjourned_to: dt.date | None
    hearing_id: int | None = None
    assessments: Sequence[str] = ()
    purposes: Sequence[str] = ()
    offences: list[dict[str, str]] | None = None
    notes: str = ""


def report_request_create(*, actor: User, person: Person, details: CourtRequest) -> ReportRequest:
    """Record the court's request for a report, with the date it is required by."""
    d = details
    court = selectors.courts_for_requests(actor).filter(pk=d.court_id).first()
    if court is None:
        raise ServiceError("Select a court you work at", field="court")
    hearing: Any = None
    if d.hearing_id is not None:
        hearing = selectors.hearing_for_request(user=actor, person=person, hearing_id=d.hearing_id)
        if hearing.court_list.court_id != court.pk:
            raise NotFound(d.hearing_id)
    errors = RuleErrorCollector()
    if d.hearing_date > today_uk():
        errors.add("The date of the hearing must be today or in the past", field="hearing_date")
    with errors.check():
        due = report_request_date_required(
            type_requested=d.type_requested,
            hearing_date=d.hearing_date,
            adjourned_to=d.adjourned_to,
            remand_status=d.remand_status,
            court_kind=court.kind,
        )
    errors.raise_any()
    assessments = _check_choices(d.assessments, AssessmentAskedFor.values, field="assessments")
    purposes = _check_choices(d.purposes, SentencingPurpose.values, field="purposes")
    offences = d.offences if d.offences is not None else (list(hearing.offences) if hearing else [])
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one request at a time per case
        if selectors.open_request_exists(person=person, hearing_date=d.hearing_date, court_id=court.pk):
            raise ServiceError(
                "A report has already been requested for this person at this hearing: withdraw it first "
                "to record a different request",
                field="type_requested",
            )
        request = ReportRequest.objects.create(
            person=person,
            court=court,
            hearing=hearing,
            offences=offences,
            type_requested=ReportType(d.type_requested),
            remand_status=RemandStatus(d.remand_status),
            assessments_requested=assessments,
            purposes=purposes,
            hearing_date=d.hearing_date,
            adjourned_to=d.adjourned_to,
            requested_on=d.hearing_date,
            required_by=due,
            requested_by=actor,
            notes=d.notes,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type="report_request",
            object_id=request.pk,
            detail={"type": request.type_requested, "court": court.code, "required_by": due.isoformat()},
        )
    return request


def _check_author(request: ReportRequest, author_id: int) -> User:
    candidate = selectors.author_candidates(court_pdu_id=request.court.pdu_id).filter(pk=author_id).first()
    if candidate is None:
        raise ServiceError("Select an officer of the court’s PDU", field="author")
    assert candidate.staff is not None
    if not people_visible_to(candidate, Person.objects.filter(pk=request.person_id)).exists():
        raise ServiceError(
            f"{candidate} cannot see this case (limited access): choose someone else", field="author"
        )
    if candidate.staff.grade == Grade.PSO:
        if request.person.rosh_level in ROSH_LEVELS_HELD_BY_PO:
            raise ServiceError(HIGH_ROSH_NEEDS_PO, field="author")
        if not request.person.rosh_level:
            raise ServiceError(NO_ROSH_NEEDS_PO, field="author")
    return candidate


def _save(actor: User, request: ReportRequest, action: AuditAction, detail: dict[str, Any]) -> None:
    """Save a change to the request under a new version and audit it (``detail`` gains the version)."""
    request.version += 1
    request.save()
    audit_record(
        actor=actor,
        action=action,
        crn=request.person.crn,
        object_type="report_request",
        object_id=request.pk,
        detail={**detail, "version": request.version},
    )


def mark_completed(request: ReportRequest, *, type_delivered: str, on: dt.date) -> None:
    """The request's report is final (locked, or an oral report recorded): completed on ``on`` with the
    type delivered. Saves under a new version; the caller audits and holds the row lock."""
    request.status = RequestStatus.COMPLETED
    request.completed_on = on
    request.type_delivered = type_delivered
    request.version += 1
    request.save(update_fields=["status", "completed_on", "type_delivered", "version", "updated_at"])


def report_request_allocate(
    *, actor: User, request_id: int, expected_version: int, author_id: int
) -> ReportRequest:
    """Give the request to an author (or move it to another); it then sits on their My work."""
    with transaction.atomic():
        request = _locked(actor=actor, request_id=request_id, expected_version=expected_version)
        if request.status not in selectors.OPEN_STATUSES:
            raise ServiceError(
                f"This request is {request.get_status_display().lower()}: it cannot be allocated"
            )
        author = _check_author(request, author_id)
        if request.author_id == author.pk:
            raise ServiceError(f"This report is already allocated to {author}", field="author")
        previous = request.author_id
        request.author = author
        request.status = RequestStatus.ALLOCATED
        request.allocated_on = today_uk()
        _save(actor, request, AuditAction.ALLOCATE, {"author": author.pk, "previous_author": previous})
    return request


def report_request_withdraw(
    *, actor: User, request_id: int, expected_version: int, reason: str
) -> ReportRequest:
    """The court no longer needs the report (for example, the case was dealt with another way)."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter why the request is withdrawn", field="reason")
    with transaction.atomic():
        request = _locked(actor=actor, request_id=request_id, expected_version=expected_version)
        if request.status not in selectors.OPEN_STATUSES:
            raise ServiceError(
                f"This request is {request.get_status_display().lower()}: it cannot be withdrawn"
            )
        request.status = RequestStatus.WITHDRAWN
        request.withdrawn_on = today_uk()
        request.withdrawal_reason = reason
        _save(actor, request, AuditAction.UPDATE, {"status": request.status})
    return request


def report_request_set_type_delivered(
    *, actor: User, request_id: int, expected_version: int, type_delivered: str
) -> ReportRequest:
    """Correct the type of report the court received (it may differ from the type requested)."""
    if type_delivered not in ReportType.values:
        raise ServiceError("Select the type of report delivered", field="type_delivered")
    with transaction.atomic():
        request = _locked(actor=actor, request_id=request_id, expected_version=expected_version)
        if request.status not in (RequestStatus.COMPLETED, RequestStatus.CLOSED):
            raise ServiceError(
                "The type delivered is recorded once the report is completed", field="type_delivered"
            )
        if request.type_delivered == type_delivered:
            return request
        request.type_delivered = type_delivered
        _save(actor, request, AuditAction.UPDATE, {"type_delivered": type_delivered})
    return request


def report_request_complete(
    *, actor: User, request_id: int, type_delivered: str, completed_on: dt.date | None = None
) -> ReportRequest:
    """Mark the request completed when its report is locked (or an oral report is recorded); the
    sign-off work calls this. The type delivered is the report's own type."""
    if type_delivered not in ReportType.values:
        raise ServiceError("Select the type of report delivered", field="type_delivered")
    with transaction.atomic():
        request = (
            ReportRequest.objects.select_for_update().select_related("person").filter(pk=request_id).first()
        )
        if request is None or (
            request.author_id != actor.pk and not selectors.can_manage_request(actor, request)
        ):
            raise NotFound(request_id)
        if request.status != RequestStatus.ALLOCATED:
            raise ServiceError(
                f"This request is {request.get_status_display().lower()}: it cannot be completed"
            )
        on = completed_on or today_uk()
        mark_completed(request, type_delivered=type_delivered, on=on)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=request.person.crn,
            object_type="report_request",
            object_id=request.pk,
            detail={"type_delivered": type_delivered, "completed_on": on.isoformat()},
        )
    return request
