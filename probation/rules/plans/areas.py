"""Areas of need of a sentence plan, and the goals a needs assessment suggests.

Source: interventions.md § Sentence plan (the eight areas, after hmpps-sentence-plan). The needs
assessment scores eight sections (tiering.md § Need severity); each maps to one area. Finance and
health and wellbeing have no scored section (financial management and emotional wellbeing are asked
but never scored, ADR 0011), so an assessment never suggests them: the practitioner adds such goals
by hand.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.tables import Severity


class Area(StrEnum):
    ACCOMMODATION = "accommodation"
    EMPLOYMENT_EDUCATION = "employment_education"
    FINANCE = "finance"
    DRUG_USE = "drug_use"
    ALCOHOL_USE = "alcohol_use"
    HEALTH_WELLBEING = "health_wellbeing"
    RELATIONSHIPS_COMMUNITY = "relationships_community"
    THINKING_BEHAVIOURS_ATTITUDES = "thinking_behaviours_attitudes"


AREA_LABELS: dict[Area, str] = {
    Area.ACCOMMODATION: "Accommodation",
    Area.EMPLOYMENT_EDUCATION: "Employment and education",
    Area.FINANCE: "Finance",
    Area.DRUG_USE: "Drug use",
    Area.ALCOHOL_USE: "Alcohol use",
    Area.HEALTH_WELLBEING: "Health and wellbeing",
    Area.RELATIONSHIPS_COMMUNITY: "Personal relationships and community",
    Area.THINKING_BEHAVIOURS_ATTITUDES: "Thinking, behaviours and attitudes",
}

# Each scored section of the needs assessment and the plan area it informs.
SECTION_AREAS: dict[NeedSection, Area] = {
    NeedSection.ACCOMMODATION: Area.ACCOMMODATION,
    NeedSection.EDUCATION_TRAINING_EMPLOYABILITY: Area.EMPLOYMENT_EDUCATION,
    NeedSection.RELATIONSHIPS: Area.RELATIONSHIPS_COMMUNITY,
    NeedSection.LIFESTYLE_ASSOCIATES: Area.RELATIONSHIPS_COMMUNITY,
    NeedSection.DRUG_MISUSE: Area.DRUG_USE,
    NeedSection.ALCOHOL_MISUSE: Area.ALCOHOL_USE,
    NeedSection.THINKING_BEHAVIOUR: Area.THINKING_BEHAVIOURS_ATTITUDES,
    NeedSection.ATTITUDES: Area.THINKING_BEHAVIOURS_ATTITUDES,
}

SECTION_LABELS: dict[NeedSection, str] = {
    NeedSection.ACCOMMODATION: "Accommodation",
    NeedSection.EDUCATION_TRAINING_EMPLOYABILITY: "Education, training and employability",
    NeedSection.RELATIONSHIPS: "Relationships",
    NeedSection.LIFESTYLE_ASSOCIATES: "Lifestyle and associates",
    NeedSection.DRUG_MISUSE: "Drug misuse",
    NeedSection.ALCOHOL_MISUSE: "Alcohol misuse",
    NeedSection.THINKING_BEHAVIOUR: "Thinking and behaviour",
    NeedSection.ATTITUDES: "Attitudes",
}

SUGGESTING = (Severity.SEVERE, Severity.STANDARD)


@dataclass(frozen=True)
class SectionNeed:
    """One assessed section: its severity (None: not answered) and score."""

    section: NeedSection
    severity: Severity | None
    score: int | None = None


@dataclass(frozen=True)
class Suggestion:
    area: Area
    severity: Severity  # the highest severity among the sections that suggest it
    reasons: tuple[str, ...]  # why, one line per section: shown beside the suggestion

    @property
    def label(self) -> str:
        return AREA_LABELS[self.area]


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def suggested_areas(
    needs: Mapping[NeedSection, SectionNeed] | list[SectionNeed],
    *,
    completed_on: dt.date,
    already_planned: frozenset[Area] = frozenset(),
) -> list[Suggestion]:
    """The areas to suggest a goal in: every area with a *standard* or *severe* section in the latest
    completed needs assessment, severe first, then in the plan's order of areas. An area that already
    has an active or future goal is not suggested again. Each suggestion says which sections and
    severities suggest it and the assessment's date."""
    rows = list(needs.values()) if isinstance(needs, Mapping) else list(needs)
    found: dict[Area, list[SectionNeed]] = {}
    for need in rows:
        if need.severity in SUGGESTING:
            found.setdefault(SECTION_AREAS[need.section], []).append(need)
    suggestions = []
    for area, sections in found.items():
        if area in already_planned:
            continue
        severity = (
            Severity.SEVERE if any(s.severity is Severity.SEVERE for s in sections) else Severity.STANDARD
        )
        reasons = tuple(
            f"{SECTION_LABELS[s.section]}: {s.severity} need"
            + (f" (score {s.score})" if s.score is not None else "")
            + f" in the needs assessment completed {_day(completed_on)}"
            for s in sorted(sections, key=lambda s: list(NeedSection).index(s.section))
        )
        suggestions.append(Suggestion(area, severity, reasons))
    order = list(Area)
    return sorted(suggestions, key=lambda s: (s.severity is not Severity.SEVERE, order.index(s.area)))
