"""The recall report ("Part A", issue 14 item 6): after a senior PO decides a recall, the officer
records what the Part A asks beyond the recall itself — whether victims are in the victim contact
scheme and the date the VLO was told (victims.md § What the COM must tell the VLO: both mandatory) —
and the report is produced as a PDF (probation.custody.pdf). One audit row per change, ids only."""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.custody.models import RecallReport, VictimsInScheme
from probation.enforcement.models import Recall
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.enforcement.transitions import RecallStatus
from probation.rules.errors import RuleError, RuleErrorCollector
from probation.rules.law.dated import day

RECALL_REPORT = "recall_report"
CONFLICT = "This recall report was changed in another window. Check it and make your change again."
DECIDED = frozenset(
    {
        RecallStatus.RECALL_DECIDED,
        RecallStatus.RETURNED_TO_CUSTODY,
        RecallStatus.RE_RELEASED,
        RecallStatus.LICENCE_ENDED_IN_CUSTODY,
    }
)


def check_answers(
    *, recall: Recall, victims_in_scheme: str, vlo_told_on: dt.date | None, today: dt.date
) -> None:
    errors = RuleErrorCollector()
    with errors.check():
        if victims_in_scheme not in VictimsInScheme.values:
            raise RuleError(
                "Select whether there are victims in the victim contact scheme", field="victims_in_scheme"
            )
    with errors.check():
        if victims_in_scheme == VictimsInScheme.YES and vlo_told_on is None:
            raise RuleError(
                "Enter the date the victim liaison officer was told of the recall", field="vlo_told_on"
            )
        if vlo_told_on is not None and vlo_told_on > today:
            raise RuleError("The date the VLO was told cannot be in the future", field="vlo_told_on")
        if vlo_told_on is not None and vlo_told_on < recall.started_on:
            raise RuleError(
                "The date the VLO was told must be on or after the recall was considered "
                f"({day(recall.started_on)})",
                field="vlo_told_on",
            )
    errors.raise_any()


def recall_report_save(
    *,
    actor: User,
    person: Person,
    recall_id: int,
    expected_version: int,
    victims_in_scheme: str,
    vlo_told_on: dt.date | None,
    today: dt.date,
) -> RecallReport:
    """Record (version 0: first time) or change the Part A's answers for a decided recall."""
    if not can_change_case(actor, person, Permission.RECALL_REPORT):
        raise NotFound(recall_id)
    with transaction.atomic():
        recall = Recall.objects.select_for_update().filter(pk=recall_id, person=person).first()
        if recall is None:
            raise NotFound(recall_id)
        if recall.status not in DECIDED:
            raise ServiceError("The recall report is written once a recall has been decided")
        if victims_in_scheme != VictimsInScheme.YES:
            vlo_told_on = vlo_told_on if victims_in_scheme == VictimsInScheme.NO else None
        check_answers(
            recall=recall, victims_in_scheme=victims_in_scheme, vlo_told_on=vlo_told_on, today=today
        )
        report = RecallReport.objects.filter(recall=recall).first()
        answers = (victims_in_scheme, vlo_told_on)
        if report is not None and report.version != expected_version:
            if expected_version == 0 and (report.victims_in_scheme, report.vlo_told_on) == answers:
                return report  # the first save sent twice
            raise ConflictError(
                CONFLICT,
                changes=[
                    FieldChange(
                        label="Victims in the scheme",
                        theirs=report.get_victims_in_scheme_display(),
                        by="another user",
                        at=report.updated_at,
                    )
                ],
            )
        action = AuditAction.UPDATE
        if report is None:
            report = RecallReport(recall=recall, completed_by=actor, version=0)
            action = AuditAction.CREATE
        report.victims_in_scheme, report.vlo_told_on = answers
        report.completed_by = actor
        report.version += 1
        report.save()
        audit_record(
            actor=actor,
            action=action,
            crn=person.crn,
            object_type=RECALL_REPORT,
            object_id=report.pk,
            detail={"recall": recall.pk, "victims_in_scheme": victims_in_scheme, "version": report.version},
        )
    return report
