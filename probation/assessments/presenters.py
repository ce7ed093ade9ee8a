"""Display rows for assessments so templates hold no logic. Severity comes from tiering's
``score_section``: the page shows exactly what the tier calculation would use."""

from dataclasses import dataclass

from django.urls import reverse

from probation.assessments.models import Assessment
from probation.assessments.questions import Section, sections_for
from probation.rules.tiering import NeedSection, Severity
from probation.rules.tiering.needs import score_section


@dataclass(frozen=True)
class Tag:
    label: str
    css_class: str


SEVERITY_TAGS: dict[Severity | None, Tag] = {
    Severity.SEVERE: Tag("Severe need", "govuk-tag govuk-tag--red"),
    Severity.STANDARD: Tag("Standard need", "govuk-tag govuk-tag--orange"),
    Severity.NO_NEED: Tag("No need", "govuk-tag govuk-tag--green"),
    None: Tag("Section not assessed", "govuk-tag govuk-tag--grey"),
}
NOT_SCORED = Tag("Not scored", "govuk-tag govuk-tag--grey")
STATUS_TAGS = {
    "draft": Tag("Draft", "govuk-tag govuk-tag--light-blue"),
    "completed": Tag("Completed", "govuk-tag govuk-tag--green"),
}
NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str


@dataclass(frozen=True)
class SectionRow:
    key: str
    title: str
    status: str
    status_tag: Tag | None  # None for "Completed": GOV.UK task lists show it as plain text
    severity: Tag
    score: int | None
    answers: tuple[AnswerRow, ...]
    url: str


@dataclass(frozen=True)
class AssessmentRow:
    pk: int
    status: Tag
    started_at: object
    started_by: str
    completed_at: object
    completed_by: str
    copied: bool
    url: str


def severity_tag(section: Section, answers: dict[str, str]) -> tuple[Tag, int | None]:
    if section.need is None:
        return NOT_SCORED, None
    scored = score_section(NeedSection(section.need), answers)
    return SEVERITY_TAGS[scored.severity], (scored.score if scored.severity is not None else None)


def section_status(section: Section, answers: dict[str, str]) -> str:
    answered = sum(1 for q in section.questions if answers.get(q.name))
    if answered == 0:
        return NOT_STARTED
    return COMPLETED if answered == len(section.questions) else IN_PROGRESS


def section_rows(assessment: Assessment, *, crn: str, gender: str) -> list[SectionRow]:
    rows = []
    for section in sections_for(gender):
        answers = assessment.answers.get(section.key, {})
        status = section_status(section, answers)
        severity, score = severity_tag(section, answers)
        rows.append(
            SectionRow(
                key=section.key,
                title=section.title,
                status=status,
                status_tag=None
                if status == COMPLETED
                else Tag(
                    status, "govuk-tag govuk-tag--" + ("light-blue" if status == IN_PROGRESS else "blue")
                ),
                severity=severity,
                score=score,
                answers=tuple(
                    AnswerRow(q.label, q.answer_label(answers.get(q.name))) for q in section.questions
                ),
                url=reverse("assessments:section", args=[crn, assessment.pk, section.key]),
            )
        )
    return rows


def _name(user: object) -> str:
    staff = getattr(user, "staff", None)
    return staff.name if staff is not None else str(user or "")


def assessment_rows(assessments: list[Assessment], *, crn: str) -> list[AssessmentRow]:
    return [
        AssessmentRow(
            pk=a.pk,
            status=STATUS_TAGS[a.status],
            started_at=a.started_at,
            started_by=_name(a.started_by),
            completed_at=a.completed_at,
            completed_by=_name(a.completed_by) if a.completed_by_id else "",
            copied=a.copied_from_id is not None,
            url=reverse("assessments:detail", args=[crn, a.pk]),
        )
        for a in assessments
    ]
