"""Structured interventions and toolkits, recorded as rehabilitation activity (RAR) days.

Source: interventions.md § Structured interventions and toolkits, and § Requirements that carry
interventions. A structured intervention is non-accredited, has a set format (group or one-to-one),
**at least 4 sessions**, and is approved by the HMPPS Effective Interventions Panel; each region offers
at least one per need area (attitudes/thinking/behaviour, domestic abuse, emotional management). A
toolkit is one-to-one material the practitioner uses. Both count as RAR activity days: a day is a
distinct date with an attended RAR activity (the contacts app credits it when the outcome is recorded).

The catalogue is reference data dated like the law (ADR 0030): the domain names its examples and asks
for what each region offers, so the list is a ``RuleVersion`` marked *verify*.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.errors import RuleError
from probation.rules.law.dated import Commencement, RuleVersion, version_in_force_on

MINIMUM_STRUCTURED_SESSIONS = 4


class Kind(StrEnum):
    STRUCTURED = "structured"
    TOOLKIT = "toolkit"


class NeedArea(StrEnum):
    THINKING = "attitudes_thinking_behaviour"
    DOMESTIC_ABUSE = "domestic_abuse"
    EMOTIONS = "emotional_management"
    GENERAL = "general"


NEED_AREA_LABELS = {
    NeedArea.THINKING: "Attitudes, thinking and behaviour",
    NeedArea.DOMESTIC_ABUSE: "Domestic abuse",
    NeedArea.EMOTIONS: "Emotional management",
    NeedArea.GENERAL: "Any need area",
}


@dataclass(frozen=True)
class Intervention:
    key: str
    name: str
    kind: Kind
    need_area: NeedArea
    delivery: str  # "group or one-to-one", "one-to-one"
    minimum_sessions: int

    @property
    def label(self) -> str:
        what = "structured intervention" if self.kind is Kind.STRUCTURED else "toolkit"
        return f"{self.name} ({what}, {NEED_AREA_LABELS[self.need_area].lower()})"


CATALOGUE: tuple[RuleVersion[tuple[Intervention, ...]], ...] = (
    RuleVersion(
        Commencement(
            "structured_interventions_catalogue",
            dt.date(2021, 6, 26),  # the unified Probation Service's first structured interventions
            "HMPPS Effective Interventions Panel approvals (interventions.md § Structured interventions)",
            verify="the interventions each region offers",
        ),
        (
            Intervention(
                "stepwise_problem_solving",
                "Stepwise Problem Solving",
                Kind.STRUCTURED,
                NeedArea.THINKING,
                "group or one-to-one",
                MINIMUM_STRUCTURED_SESSIONS,
            ),
            Intervention(
                "stepwise_relationships",
                "Stepwise Relationships",
                Kind.STRUCTURED,
                NeedArea.DOMESTIC_ABUSE,
                "group or one-to-one",
                MINIMUM_STRUCTURED_SESSIONS,
            ),
            Intervention(
                "stepwise_emotions",
                "Stepwise Emotions",
                Kind.STRUCTURED,
                NeedArea.EMOTIONS,
                "group or one-to-one",
                MINIMUM_STRUCTURED_SESSIONS,
            ),
            Intervention("toolkit", "Practitioner toolkit", Kind.TOOLKIT, NeedArea.GENERAL, "one-to-one", 1),
        ),
        "Stepwise Problem Solving, Stepwise Relationships, Stepwise Emotions and practitioner toolkits",
    ),
)


def catalogue_on(on: dt.date) -> tuple[Intervention, ...]:
    return version_in_force_on(CATALOGUE, on, what="structured interventions").rule


def intervention(key: str, *, on: dt.date) -> Intervention:
    """The intervention ``key`` offered on ``on``; refused if there is none."""
    for item in catalogue_on(on):
        if item.key == key:
            return item
    raise RuleError("Choose a structured intervention or toolkit from the list", field="intervention")


@dataclass(frozen=True)
class Progress:
    attended: int
    minimum: int

    @property
    def complete(self) -> bool:
        return self.attended >= self.minimum

    @property
    def text(self) -> str:
        if self.minimum <= 1:
            return f"{self.attended} session{'s' if self.attended != 1 else ''} attended"
        return f"{self.attended} of at least {self.minimum} sessions attended"


def progress(item: Intervention, *, attended: int) -> Progress:
    """How far the person has got through an intervention: a structured intervention is done after
    at least its minimum sessions; a toolkit has no minimum beyond one."""
    if attended < 0:
        raise RuleError("Sessions attended cannot be negative", field="attended")
    return Progress(attended, item.minimum_sessions)
