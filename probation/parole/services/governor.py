"""Reports to a prison governor (temporary release, open conditions, HDC where the dated rules still
give an HDCED): the prison's request with its deadline, the COM's structured answer, and sending it
(custody-release.md § ROTL, § HDC; victims.md: the VLO is consulted before the decision, so the request
is a key event the victim contact scheme hears of)."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.parole.models import GovernorRecommendation, GovernorReport, GovernorReportStatus
from probation.parole.selectors.reviews import custody_for_reports, may_manage, may_write
from probation.people.models import Person
from probation.rules.errors import RuleErrorCollector
from probation.rules.parole.timetable import GovernorReportKind, governor_report_due, governor_report_refusal

FIELDS = ("risk_view", "conditions", "vlo_consulted_on", "recommendation", "reasons")
CONFLICT_MESSAGE = "This report was changed in another window. Your changes have not been saved."


def _audit(actor: User, report: GovernorReport, action: AuditAction, detail: dict[str, Any]) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=report.person.crn,
        object_type="governor_report",
        object_id=report.pk,
        detail=detail,
    )


def governor_report_request(
    *,
    actor: User,
    person: Person,
    custody_id: int,
    kind: str,
    requested_on: dt.date,
    author: User,
    today: dt.date,
) -> GovernorReport:
    """Record the prison's request. The same request submitted twice returns the one recorded."""
    if not may_manage(actor, person):
        raise NotFound(person.crn)
    errors = RuleErrorCollector()
    custody = custody_for_reports(person=person).filter(pk=custody_id).first()
    if custody is None:
        errors.add("Choose a sentence the person is serving in custody.", field="custody")
    if kind not in set(GovernorReportKind):
        errors.add("Choose what the report is for.", field="kind")
    elif custody is not None:
        with errors.check():
            refusal = governor_report_refusal(
                GovernorReportKind(kind), hdced=custody.prison_hdced or custody.hdced, released=False
            )
            if refusal is not None:
                raise refusal
    if requested_on > today:
        errors.add("The date of the prison's request cannot be in the future.", field="requested_on")
    if not may_manage(author, person):
        errors.add("The author must be an officer who may manage this case.", field="author")
    errors.raise_any()
    if custody is None:  # refused above
        raise ServiceError("Choose a sentence.", field="custody")
    with transaction.atomic():
        existing = GovernorReport.objects.filter(
            custody=custody, kind=kind, requested_on=requested_on, author=author
        ).first()
        if existing is not None:
            existing.person = person
            return existing
        report = GovernorReport.objects.create(
            person=person,
            custody=custody,
            kind=kind,
            requested_on=requested_on,
            due_on=governor_report_due(GovernorReportKind(kind), requested_on),
            author=author,
        )
        report.person = person
        _audit(actor, report, AuditAction.CREATE, {"kind": kind, "custody": custody.pk, "author": author.pk})
        key_event_occurred(
            person_id=person.pk,
            kind=KeyEventKind.HDC_ROTL_OPEN_CONDITIONS,
            on=requested_on,
            actor=actor,
            detail={"governor_report": report.pk, "report_kind": kind},
        )
    return report


def _check_send(report: GovernorReport, today: dt.date) -> None:
    errors = RuleErrorCollector()
    if not report.risk_view.strip():
        errors.add("Give your view of the risk.", field="risk_view")
    if report.vlo_consulted_on is None:
        errors.add("Enter the date the victim liaison officer was consulted.", field="vlo_consulted_on")
    elif report.vlo_consulted_on > today:
        errors.add("The date the VLO was consulted cannot be in the future.", field="vlo_consulted_on")
    if report.recommendation not in GovernorRecommendation.values:
        errors.add("Choose a recommendation.", field="recommendation")
    if not report.reasons.strip():
        errors.add("Give the reasons for the recommendation.", field="reasons")
    errors.raise_any()


def governor_report_save(
    *,
    actor: User,
    report: GovernorReport,
    expected_version: int,
    data: Mapping[str, Any],
    send: bool,
    today: dt.date,
) -> GovernorReport:
    """Save the author's answer; ``send`` also checks it is complete and marks it sent."""
    with transaction.atomic():
        current = GovernorReport.objects.select_for_update().filter(pk=report.pk).first()
        if current is None or not may_write(actor, current):
            raise NotFound(report.pk)
        current.person = report.person
        if current.status == GovernorReportStatus.SENT:
            raise ServiceError("This report has been sent and cannot be changed.")
        if current.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        changed = [name for name in FIELDS if name in data and getattr(current, name) != data[name]]
        for name in changed:
            setattr(current, name, data[name])
        if send:
            _check_send(current, today)
            current.status = GovernorReportStatus.SENT
            current.sent_at = timezone.now()
        if changed or send:
            current.version += 1
            current.save()
            _audit(
                actor,
                current,
                AuditAction.UPDATE,
                {"fields": changed, "sent": send, "version": current.version},
            )
    return current
