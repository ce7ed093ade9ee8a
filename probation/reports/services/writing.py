"""Writing a pre-sentence report: open it (created and pre-filled on the author's first visit) and save
its draft, from the Save draft button and from the autosave alike (issue 11 item 4; ADR 0029).

Saves use optimistic locking (ADR 0005): the caller names the version it read; if the report moved on
(another window or tab saved first) nothing is written and ``ConflictError`` says so, never a silent
overwrite. Only the request's author writes, and only while the report is a draft: a signed or locked
report is read-only (the sign-off service owns those states). Every save is audited with the names of
the fields that changed and the new version, never their words.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import age_on, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.reports.models import (
    CustodyPosition,
    Report,
    ReportRequest,
    ReportSource,
    ReportStatus,
    RequestStatus,
)
from probation.reports.selectors.prefill import (
    PREFILLED_SECTIONS,
    prefill_by_section,
    prefill_text,
    report_prefill,
)
from probation.reports.selectors.writing import may_write_report
from probation.rules.court_reports.proposal import ProposalCheck, proposal_check, proposal_from_dict
from probation.rules.errors import RuleError, RuleErrors
from probation.sentences.law import law_settings

# What the editor changes; everything else (type, language, signatures, status) is set elsewhere.
TEXT_FIELDS = (
    "offence_analysis",
    "pattern_of_offending",
    "circumstances",
    "risk_assessment",
    "proposal",
    "rationale",
    "alternatives_rejected",
    "impact_of_custody",
)
EDITABLE_FIELDS = (
    "sources",
    "sources_other",
    "no_previous",
    *TEXT_FIELDS,
    "proposed_sentence",
    "preconditions",
    "custody_position",
)
PROPOSAL_FIELDS = ("proposed_sentence", "preconditions")

CONFLICT_MESSAGE = (
    "This report was changed in another window. Your changes have not been saved. "
    "Copy anything you need, then reload the report to see the latest version."
)


def sentencing_date(request: ReportRequest) -> dt.date:
    """The hearing the proposal is for: the date the case was adjourned to, else the hearing date."""
    return request.adjourned_to or request.hearing_date


def report_proposal_check(report: Report) -> ProposalCheck:
    """The proposal rules applied to the report's structured proposal (nothing proposed: no findings)."""
    proposal = proposal_from_dict(report.proposed_sentence or {})
    if proposal is None:
        return ProposalCheck()
    request = report.request
    on = sentencing_date(request)
    return proposal_check(
        proposal,
        hearing_date=on,
        age=age_on(request.person.date_of_birth, on),
        recorded=report.preconditions,
        custody_position=report.custody_position,
        settings=law_settings(),
    )


def report_missing_before_signing(report: Report) -> list[str]:
    """What the report still lacks before it can be signed (court-reports.md § Content); the draft
    saves without them. The sign-off service can refuse on the same list."""
    missing = []
    if not report.sources:
        missing.append("Tick at least one source of information.")
    if not report.no_previous and not report.pattern_of_offending.strip():
        missing.append(
            "Describe the pattern of offending and response to supervision, or tick "
            "“No previous offences or supervision”."
        )
    if not report.proposal.strip():
        missing.append("Write the proposal.")
    if not report.custody_position:
        missing.append("Give the custody position.")
    elif report.custody_position == CustodyPosition.POSSIBLE and not report.impact_of_custody.strip():
        missing.append("Describe the impact of custody: custody is possible or expected.")
    return missing


def _audit(*, actor: User, report: Report, action: AuditAction, detail: dict[str, Any]) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=report.request.person.crn,
        object_type="report",
        object_id=report.pk,
        detail=detail,
    )


def report_open(*, actor: User, request: ReportRequest) -> Report:
    """The report of ``request``, created on the author's first visit with the report type requested
    and the sections pre-filled from the record. Returns the existing report to anyone who may read
    it; refuses (``NotFound``) to create one for anyone but the author."""
    existing = Report.objects.filter(request=request).first()
    if existing is not None:
        existing.request = request
        return existing
    if not may_write_report(actor, request):
        raise NotFound(request.pk)
    if request.status in CLOSED_REQUESTS:
        raise ServiceError(CLOSED_REQUESTS[RequestStatus(request.status)])
    with transaction.atomic():
        locked = ReportRequest.objects.select_for_update().get(pk=request.pk)
        existing = Report.objects.filter(request=locked).first()
        if existing is not None:  # opened in two tabs at once: the first one made it
            existing.request = request
            return existing
        sections = prefill_by_section(report_prefill(request=request, today=today_uk()))
        report = Report.objects.create(
            request=request,
            report_type=request.type_requested,
            last_saved_by=actor,
            **{section: prefill_text(sections[section]) for section in PREFILLED_SECTIONS},
        )
        report.request = request
        _audit(
            actor=actor,
            report=report,
            action=AuditAction.CREATE,
            detail={"request": request.pk, "prefilled": {s: len(sections[s]) for s in PREFILLED_SECTIONS}},
        )
    return report


@dataclass(frozen=True)
class DraftSaved:
    report: Report
    changed: list[str]
    check: ProposalCheck
    # The proposal was refused and kept as it was (autosave only): the words were still saved.
    proposal_kept: bool = False


def _check_data(data: Mapping[str, Any]) -> None:
    sources = data.get("sources")
    if sources is not None:
        unknown = set(sources) - set(ReportSource.values)
        if unknown:
            raise ServiceError("Choose sources from the list.", field="sources")
        if ReportSource.OTHER in sources and not str(data.get("sources_other") or "").strip():
            raise ServiceError("Enter the other sources of information", field="sources_other")


# A request the court withdrew, or whose case was resulted, takes no more writing.
CLOSED_REQUESTS = {
    RequestStatus.WITHDRAWN: "The court withdrew this report request: the report cannot be changed.",
    RequestStatus.CLOSED: "This report request is closed: the report cannot be changed.",
}


def _refuse_if_not_editable(actor: User, report: Report) -> None:
    if not may_write_report(actor, report.request):
        raise NotFound(report.pk)
    if report.request.status in CLOSED_REQUESTS:
        raise ServiceError(CLOSED_REQUESTS[RequestStatus(report.request.status)])
    if report.status == ReportStatus.LOCKED:
        raise ServiceError("This report is locked and cannot be changed.")
    if report.status != ReportStatus.DRAFT:
        raise ServiceError("This report has been signed and cannot be changed.")


def report_save_draft(
    *,
    actor: User,
    report: Report,
    expected_version: int,
    data: Mapping[str, Any],
    autosave: bool = False,
) -> DraftSaved:
    """Save the draft's sections and structured proposal. Refused (nothing written) if the report
    moved on since ``expected_version``, is not a draft, or the actor is not its author. A proposal
    the law refuses is refused with every reason at once; an autosave keeps the words and the
    proposal as last saved instead, so typing is never lost to a half-finished proposal."""
    data = {name: value for name, value in data.items() if name in EDITABLE_FIELDS}
    _check_data(data)
    with transaction.atomic():
        current = Report.objects.select_for_update().filter(pk=report.pk).first()
        if current is None:
            raise NotFound(report.pk)
        current.request = report.request
        _refuse_if_not_editable(actor, current)
        if current.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        saved = {name: getattr(current, name) for name in EDITABLE_FIELDS}
        for name, value in data.items():
            setattr(current, name, value)
        check = report_proposal_findings(current)
        kept = False
        if check.errors:
            if not autosave:
                raise RuleErrors(check.errors)
            for name in PROPOSAL_FIELDS:
                setattr(current, name, saved[name])
            data = {name: value for name, value in data.items() if name not in PROPOSAL_FIELDS}
            kept = True
        changed = [name for name in data if saved[name] != getattr(current, name)]
        if changed:
            current.version += 1
            current.last_saved_by = actor
            current.save()
            _audit(
                actor=actor,
                report=current,
                action=AuditAction.UPDATE,
                detail={"fields": changed, "version": current.version, "autosave": autosave},
            )
    return DraftSaved(report=current, changed=changed, check=check, proposal_kept=kept)


def report_proposal_findings(report: Report) -> ProposalCheck:
    """``report_proposal_check``, with a stored proposal the law does not provide as a refusal."""
    try:
        return report_proposal_check(report)
    except RuleError as error:  # a stored proposal the law does not provide
        return ProposalCheck(errors=(error,))
