"""The assessors' work list: each assessment with its notice type, deadline and what it needs."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.approved_premises.models import ApType, Assessment, NoticeType, Qualification
from probation.approved_premises.presenters.applications import when


@dataclass(frozen=True)
class AssessmentRow:
    crn: str
    name: str
    url: str
    ap_type: str
    notice: str
    due: str
    overdue: bool
    needs: str


def needs_text(assessment: Assessment) -> str:
    needs = []
    if assessment.needs_emergency:
        needs.append(Qualification.EMERGENCY.label)
    if assessment.needs_specialism:
        needs.append(Qualification(assessment.needs_specialism).label)
    if assessment.needs_lao:
        needs.append(Qualification.LAO.label)
    return ", ".join(needs) or "Any assessor"


def assessment_row(assessment: Assessment, *, at: dt.datetime) -> AssessmentRow:
    application = assessment.application
    person = application.person
    return AssessmentRow(
        crn=person.crn,
        name=f"{person.first_name} {person.surname}",
        url=reverse("approved_premises:assess", args=[person.crn, application.pk]),
        ap_type=ApType(application.ap_type).label,
        notice=NoticeType(application.notice_type).label if application.notice_type else "",
        due=when(assessment.due_at),
        overdue=assessment.due_at < at,
        needs=needs_text(assessment),
    )
