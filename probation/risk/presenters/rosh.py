"""RoSH and risk management plan pages: display rows from what probation.risk.selectors.rosh read,
so templates hold no logic."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import capfirst

from probation.core.models import concrete_field
from probation.people.models import PersonChange
from probation.people.models.person import RoshLevel
from probation.risk.forms.rosh import RMP_LABELS
from probation.risk.models import RiskManagementPlan, RoshAssessment
from probation.risk.models.rosh import COMMUNITY_GROUPS, CUSTODY_GROUPS, EVIDENCE_FIELDS, REGISTER_FOR_LEVEL
from probation.risk.presenters.tags import Tag
from probation.risk.registers import register_type


def level_tag(level: str) -> Tag | None:
    """The level as a tag in the colour of its RoSH registration, so the page matches the header."""
    if not level:
        return None
    register = register_type(REGISTER_FOR_LEVEL[RoshLevel(level)])
    colour = register.tag_colour if register else "grey"
    return Tag(label=RoshLevel(level).label, colour=colour)


@dataclass(frozen=True)
class GridRow:
    group: str
    community: Tag | None
    custody: Tag | None
    community_applies: bool


@dataclass(frozen=True)
class LabelledText:
    label: str
    text: str


@dataclass(frozen=True)
class AssessmentRow:
    pk: int
    assessed_on: dt.date
    assessor: str
    overall: Tag | None
    url: str


def rosh_grid(assessment: RoshAssessment) -> list[GridRow]:
    community = {key for key, _ in COMMUNITY_GROUPS}
    return [
        GridRow(
            group=label,
            community=level_tag(getattr(assessment, f"{key}_community", "")) if key in community else None,
            custody=level_tag(getattr(assessment, f"{key}_custody")),
            community_applies=key in community,
        )
        for key, label in CUSTODY_GROUPS
    ]


def rosh_evidence(assessment: RoshAssessment) -> list[LabelledText]:
    return [
        LabelledText(
            capfirst(str(concrete_field(RoshAssessment, n).verbose_name)),
            getattr(assessment, n) or "Not recorded",
        )
        for n in EVIDENCE_FIELDS
    ]


def assessment_row(assessment: RoshAssessment, *, crn: str) -> AssessmentRow:
    return AssessmentRow(
        pk=assessment.pk,
        assessed_on=assessment.assessed_on,
        assessor=assessment.assessor.name,
        overall=level_tag(assessment.overall_level),
        url=reverse("risk:rosh-detail", args=[crn, assessment.pk]),
    )


def plan_sections(plan: RiskManagementPlan) -> list[LabelledText]:
    return [LabelledText(label, getattr(plan, name) or "Not recorded") for name, label in RMP_LABELS.items()]


@dataclass(frozen=True)
class PlanVersion:
    version: int
    changed_by: str
    changed_at: dt.datetime
    fields: str


def plan_versions(changes: QuerySet[PersonChange]) -> list[PlanVersion]:
    labels = RMP_LABELS | {"next_review_on": "Next review date"}
    return [
        PlanVersion(
            version=change.version,
            changed_by=str(change.changed_by),
            changed_at=change.changed_at,
            fields=", ".join(labels.get(name, name) for name in change.changes),
        )
        for change in changes
    ]
