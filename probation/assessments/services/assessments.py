"""Starting, answering and completing needs assessments (issue 4 item 6; ADR 0011).

Every function takes the acting user and the CRN, locks the case through people's scoped
``person_for_change`` (role, partner scope, limited access and the managing PDU all apply), checks
the rules, writes and audits in one transaction. A refusal raises before anything is written.
"""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.assessments.models import Assessment, AssessmentChange, AssessmentStatus
from probation.assessments.questions import SECTIONS_BY_KEY, Section, section_for
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import now
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.rules.tiering.needs import score_section

OBJECT_TYPE = "assessment"
LOCKED_MESSAGE = "This assessment has been completed and can no longer be changed"


def _lock(*, person: Person, assessment_id: int) -> Assessment:
    assessment = Assessment.objects.select_for_update().filter(person=person, pk=assessment_id).first()
    if assessment is None:
        raise NotFound(assessment_id)
    if not assessment.is_draft:
        raise ServiceError(LOCKED_MESSAGE)
    return assessment


def _clean_answers(section: Section, answers: Mapping[str, str | None]) -> dict[str, str]:
    """Keep the answered questions; refuse a question or answer the section does not have."""
    cleaned: dict[str, str] = {}
    for name, value in answers.items():
        question = section.question(name)
        if question is None:
            raise ServiceError(f"{section.title} has no question {name!r}")
        if value in (None, ""):
            continue
        if value not in dict(question.choices):
            raise ServiceError(f"Select an answer for: {question.label}", field=name)
        cleaned[name] = value
    return cleaned


def _conflict(*, assessment: Assessment, expected_version: int, section: str | None) -> ConflictError:
    rows = assessment.changes.filter(version__gt=expected_version).select_related("changed_by")
    if section is not None:
        rows = rows.filter(section=section)
    latest: dict[tuple[str, str], FieldChange] = {}
    for row in rows:
        spec = SECTIONS_BY_KEY[row.section]
        # In the section's question order: jsonb does not keep key order.
        for question in spec.questions:
            if question.name not in row.changes:
                continue
            new = row.changes[question.name][1]
            latest[(row.section, question.name)] = FieldChange(
                label=f"{spec.title}: {question.label}",
                theirs=question.answer_label(new),
                by=str(row.changed_by),
                at=row.changed_at,
            )
    return ConflictError(
        "Someone else changed this assessment while you were working on it. Your changes have not "
        "been saved. Check their changes below and make your changes again.",
        changes=list(latest.values()),
    )


def assessment_start(*, actor: User, crn: str, copy_latest: bool = False) -> Assessment:
    """Start a draft: blank, or copying the answers of the latest completed assessment. Refused while
    a draft exists (one draft per person, also a database constraint)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ASSESSMENT_MANAGE)
        if Assessment.objects.drafts().filter(person=person).exists():
            raise ServiceError("An assessment is already in progress. Continue it instead.")
        source = None
        if copy_latest:
            source = Assessment.objects.completed().filter(person=person).order_by("-completed_at").first()
            if source is None:
                raise ServiceError("There is no completed assessment to copy", field="copy_latest")
        assessment = Assessment.objects.create(
            person=person,
            answers=dict(source.answers) if source else {},
            started_by=actor,
            started_at=now(),
            copied_from=source,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type=OBJECT_TYPE,
            object_id=assessment.pk,
            detail={"copied_from": source.pk if source else None},
        )
    return assessment


def assessment_save_section(
    *,
    actor: User,
    crn: str,
    assessment_id: int,
    section: str,
    expected_version: int,
    answers: Mapping[str, str | None],
) -> list[str]:
    """Replace one section's answers in a draft; returns the questions that changed.

    Refused when the assessment is completed, and (ConflictError) when someone else changed this
    section since ``expected_version``; changes to other sections cannot be lost by this save, as it
    only replaces this section, so they do not conflict.
    """
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ASSESSMENT_MANAGE)
        assessment = _lock(person=person, assessment_id=assessment_id)
        spec = section_for(section, person.gender)
        if spec is None:
            raise NotFound(section)
        cleaned = _clean_answers(spec, answers)
        if assessment.changes.filter(version__gt=expected_version, section=section).exists():
            raise _conflict(assessment=assessment, expected_version=expected_version, section=section)
        old: dict[str, Any] = assessment.answers.get(section, {})
        diff = {
            q.name: [old.get(q.name), cleaned.get(q.name)]
            for q in spec.questions
            if old.get(q.name) != cleaned.get(q.name)
        }
        if not diff:
            return []
        assessment.answers = assessment.answers | {section: cleaned}
        assessment.version += 1
        assessment.save(update_fields=["answers", "version", "updated_at"])
        AssessmentChange.objects.create(
            assessment=assessment, version=assessment.version, section=section, changes=diff, changed_by=actor
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type=OBJECT_TYPE,
            object_id=assessment.pk,
            detail={"section": section, "questions": list(diff), "version": assessment.version},
        )
    return list(diff)


def assessment_complete(*, actor: User, crn: str, assessment_id: int, expected_version: int) -> Assessment:
    """Complete and lock a draft. The user confirms the answers they saw, so any change since that
    version is a conflict. Refused when no need section has a real answer: tiering would ignore
    every section, and a completed but empty assessment would lower the change level (tiering.md
    § Change level: no assessment ⇒ 2, an assessment with no needs ⇒ by OGRS and IOM only)."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ASSESSMENT_MANAGE)
        assessment = _lock(person=person, assessment_id=assessment_id)
        if assessment.version != expected_version:
            raise _conflict(assessment=assessment, expected_version=expected_version, section=None)
        # Tiering's own rule for "section ignored": the predictor answers a need section also asks
        # (impulsivity, temper control, relationship with partner) are not scored, so alone they
        # do not make a section count.
        needs = [s.need for s in SECTIONS_BY_KEY.values() if s.need is not None]
        if all(score_section(n, assessment.answers.get(str(n), {})).severity is None for n in needs):
            raise ServiceError(
                "Answer at least one question in a need section (other than Unknown) before completing"
            )
        assessment.status = AssessmentStatus.COMPLETED
        assessment.completed_by = actor
        assessment.completed_at = now()
        assessment.version += 1
        assessment.save(update_fields=["status", "completed_by", "completed_at", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type=OBJECT_TYPE,
            object_id=assessment.pk,
            detail={"status": AssessmentStatus.COMPLETED, "version": assessment.version},
        )
        case_inputs_changed(person_id=person.pk, reason="needs assessment completed", actor=actor)
    return assessment
