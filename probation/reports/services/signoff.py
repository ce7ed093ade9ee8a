"""Signing off a pre-sentence report (court-reports.md § Content 7): the author signs, the named senior
PO countersigns or returns it with a reason, and the report locks; an oral report is recorded and
locked in one step.

Every step, in one transaction: the person through the policy, the report locked for update, the
version the user read, the transition checked against the one declaration in
``rules.court_reports.signoff``, a ReportStep row and the audit (ids and statuses, never free text).
Locking makes the report read-only (``report_check_editable``: every service that changes a report
calls it), marks the request completed with the type delivered, and fixes the report's language.
"""

from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.people.selectors import person_get
from probation.people.services.versioning import conflict_for
from probation.reports.models import (
    CustodyPosition,
    Report,
    ReportRequest,
    ReportStatus,
    ReportStep,
    ReportType,
)
from probation.reports.selectors.signoff import countersigners
from probation.reports.services.requests import mark_completed
from probation.rules.court_reports.signoff import (
    SignInputs,
    SignoffAction,
    check_editable,
    check_transition,
    countersignature_needed,
    report_language,
    sign_problems,
)
from probation.rules.errors import RuleErrorCollector

REPORT = "report"  # audit object type
ORAL = "oral"  # the ReportStep action of an oral report's record
RETURN_REASON_LIMIT = 2000


def report_check_editable(report: Report) -> None:
    """Refuse any change to a report that is not a draft (the editor's services call this too)."""
    check_editable(report.status)


def _report_for_change(*, actor: User, crn: str, request_id: int, expected_version: int | None) -> Report:
    person = person_get(user=actor, crn=crn)
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("request")
        .filter(request__person=person, request_id=request_id)
        .first()
    )
    if report is None:
        raise NotFound(request_id)
    report.request.person = person
    if expected_version is not None and report.version != expected_version:
        raise conflict_for(instance=report, entity=REPORT, expected_version=expected_version)
    return report


def _step(report: Report, *, actor: User, action: str, from_status: str, reason: str = "") -> None:
    ReportStep.objects.create(
        report=report,
        action=action,
        from_status=from_status,
        to_status=report.status,
        actor=actor,
        at=now(),
        reason=reason,
    )


def _audit(report: Report, *, actor: User, action: str, from_status: str) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=report.request.person.crn,
        object_type=REPORT,
        object_id=report.pk,
        detail={"step": action, "from": from_status, "to": report.status, "request": report.request_id},
    )


def _lock(report: Report) -> None:
    """Final: the PDF is the court's copy. The request is completed with the type delivered."""
    report.status = ReportStatus.LOCKED
    report.locked_at = now()
    mark_completed(report.request, type_delivered=report.report_type, on=today_uk())


def _save(report: Report, *fields: str) -> None:
    report.version += 1
    report.save(update_fields=[*fields, "status", "version", "updated_at"])


@dataclass(frozen=True)
class SignChoice:
    """The signing form's answers: a dangerousness report? and the senior PO named, if any."""

    dangerousness: bool
    reviewing_spo_id: int | None = None


def _reviewer(*, actor: User, reviewing_spo_id: int | None, errors: RuleErrorCollector) -> User | None:
    if reviewing_spo_id is None:
        return None
    reviewer = countersigners(author=actor).filter(pk=reviewing_spo_id).first()
    if reviewer is None:
        errors.add("Select a senior probation officer of your team", field="reviewing_spo")
    return reviewer


def report_sign(
    *, actor: User, crn: str, request_id: int, expected_version: int, choice: SignChoice
) -> Report:
    """The author signs: every problem at once, or the report is signed (and locked at once when no
    countersignature is needed)."""
    with transaction.atomic():
        report = _report_for_change(
            actor=actor, crn=crn, request_id=request_id, expected_version=expected_version
        )
        if report.request.author_id != actor.pk:
            raise NotFound(request_id)
        from_status = report.status
        check_editable(from_status)
        errors = RuleErrorCollector()
        reviewer = _reviewer(actor=actor, reviewing_spo_id=choice.reviewing_spo_id, errors=errors)
        needed = countersignature_needed(
            author_grade=actor.staff.grade if actor.staff else "",
            dangerousness=choice.dangerousness,
            required_by_manager=report.countersignature_required,
        )
        for problem in sign_problems(_sign_inputs(report, choice, reviewer is not None, needed)):
            errors.add(problem.message, field=problem.field)
        errors.raise_any()
        report.dangerousness = choice.dangerousness
        report.reviewing_spo = reviewer if needed else None
        report.countersignature_required = needed
        report.language = report_language(report.request.person.preferred_language)
        report.signed_by, report.signed_at = actor, now()
        report.status = ReportStatus.SIGNED if needed else ReportStatus.LOCKED
        check_transition(SignoffAction.SIGN, status=from_status, to_status=report.status)
        if not needed:
            _lock(report)
        _save(
            report,
            "dangerousness",
            "reviewing_spo",
            "countersignature_required",
            "language",
            "signed_by",
            "signed_at",
            "locked_at",
        )
        _step(report, actor=actor, action=SignoffAction.SIGN, from_status=from_status)
        _audit(report, actor=actor, action=SignoffAction.SIGN, from_status=from_status)
    return report


def _sign_inputs(report: Report, choice: SignChoice, reviewer_named: bool, needed: bool) -> SignInputs:
    return SignInputs(
        written=report.report_type != ReportType.ORAL,
        sources=report.sources,
        sources_other=report.sources_other,
        offence_analysis=report.offence_analysis,
        proposal=report.proposal,
        custody_possible=report.custody_position == CustodyPosition.POSSIBLE,
        impact_of_custody=report.impact_of_custody,
        dangerousness=choice.dangerousness,
        reviewer_named=reviewer_named,
        countersignature_needed=needed,
    )


def _for_reviewer(*, actor: User, crn: str, request_id: int, expected_version: int) -> Report:
    report = _report_for_change(
        actor=actor, crn=crn, request_id=request_id, expected_version=expected_version
    )
    if report.reviewing_spo_id != actor.pk:
        raise NotFound(request_id)
    return report


def report_countersign(*, actor: User, crn: str, request_id: int, expected_version: int) -> Report:
    """The named senior PO countersigns: the report locks."""
    with transaction.atomic():
        report = _for_reviewer(actor=actor, crn=crn, request_id=request_id, expected_version=expected_version)
        from_status = report.status
        check_transition(SignoffAction.COUNTERSIGN, status=from_status, to_status=ReportStatus.LOCKED)
        report.countersigned_by, report.countersigned_at = actor, now()
        _lock(report)
        _save(report, "countersigned_by", "countersigned_at", "locked_at")
        _step(report, actor=actor, action=SignoffAction.COUNTERSIGN, from_status=from_status)
        _audit(report, actor=actor, action=SignoffAction.COUNTERSIGN, from_status=from_status)
    return report


def report_return(*, actor: User, crn: str, request_id: int, expected_version: int, reason: str) -> Report:
    """The named senior PO returns the report to its author, with a reason: back to draft."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Give the reason for returning the report", field="reason")
    if len(reason) > RETURN_REASON_LIMIT:
        raise ServiceError(f"The reason must be {RETURN_REASON_LIMIT:,} characters or fewer", field="reason")
    with transaction.atomic():
        report = _for_reviewer(actor=actor, crn=crn, request_id=request_id, expected_version=expected_version)
        from_status = report.status
        check_transition(SignoffAction.RETURN, status=from_status, to_status=ReportStatus.DRAFT)
        report.status = ReportStatus.DRAFT
        report.signed_by, report.signed_at = None, None
        _save(report, "signed_by", "signed_at")
        _step(report, actor=actor, action=SignoffAction.RETURN, from_status=from_status, reason=reason)
        _audit(report, actor=actor, action=SignoffAction.RETURN, from_status=from_status)
    return report


@dataclass(frozen=True)
class OralRecord:
    """An oral report's short record (court-reports.md § Report types: oral, on the day)."""

    sources: list[str]
    sources_other: str
    offence_analysis: str
    risk_assessment: str
    proposal: str
    court_response: str


def _oral_problems(record: OralRecord) -> None:
    errors = RuleErrorCollector()
    inputs = SignInputs(
        written=False,
        sources=record.sources,
        sources_other=record.sources_other,
        offence_analysis=record.offence_analysis,
        proposal=record.proposal,
        custody_possible=False,
        impact_of_custody="",
        dangerousness=False,
        reviewer_named=True,
        countersignature_needed=False,
    )
    for problem in sign_problems(inputs):
        errors.add(problem.message, field=problem.field)
    if not record.risk_assessment.strip():
        errors.add("Write the risk summary", field="risk_assessment")
    if not record.court_response.strip():
        errors.add("Record the court's response to the proposal", field="court_response")
    errors.raise_any()


def _oral_report_for_change(*, actor: User, person: Person, request_id: int) -> Report:
    request = ReportRequest.objects.select_for_update().filter(person=person, pk=request_id).first()
    if request is None or request.author_id != actor.pk:
        raise NotFound(request_id)
    report = Report.objects.select_for_update().filter(request=request).first()
    if report is None:
        if request.type_requested != ReportType.ORAL:
            raise NotFound(request_id)
        report = Report.objects.create(request=request, report_type=ReportType.ORAL, last_saved_by=actor)
    if report.report_type != ReportType.ORAL:
        raise NotFound(request_id)
    request.person = person
    report.request = request
    return report


def oral_report_record(*, actor: User, crn: str, request_id: int, record: OralRecord) -> Report:
    """The author records the oral report given in court: signed and locked in one step (there is
    no countersignature on the day; the record is what the court heard)."""
    _oral_problems(record)
    with transaction.atomic():
        person = person_get(user=actor, crn=crn)
        report = _oral_report_for_change(actor=actor, person=person, request_id=request_id)
        from_status = report.status
        check_editable(from_status)
        for name in ("sources_other", "offence_analysis", "risk_assessment", "proposal", "court_response"):
            setattr(report, name, getattr(record, name).strip())
        report.sources = list(record.sources)
        report.language = report_language(person.preferred_language)
        report.signed_by, report.signed_at, report.last_saved_by = actor, now(), actor
        _lock(report)
        _save(
            report,
            "sources",
            "sources_other",
            "offence_analysis",
            "risk_assessment",
            "proposal",
            "court_response",
            "language",
            "signed_by",
            "signed_at",
            "last_saved_by",
            "locked_at",
        )
        _step(report, actor=actor, action=ORAL, from_status=from_status)
        _audit(report, actor=actor, action=ORAL, from_status=from_status)
    return report


__all__ = [
    "OralRecord",
    "SignChoice",
    "oral_report_record",
    "report_check_editable",
    "report_countersign",
    "report_require_countersignature",
    "report_return",
    "report_sign",
]


def report_require_countersignature(
    *, actor: User, crn: str, request_id: int, expected_version: int, required: bool
) -> Report:
    """The author's team manager (a senior PO of the author's team) sets whether the report needs a
    countersignature under local policy, while it is a draft (court-reports.md § Content 7)."""
    with transaction.atomic():
        report = _report_for_change(
            actor=actor, crn=crn, request_id=request_id, expected_version=expected_version
        )
        author = report.request.author
        if author is None or not countersigners(author=author).filter(pk=actor.pk).exists():
            raise NotFound(request_id)
        check_editable(report.status)
        report.countersignature_required = required
        _save(report, "countersignature_required")
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=REPORT,
            object_id=report.pk,
            detail={"countersignature_required": required, "request": request_id},
        )
    return report
