"""Display formatting for the tier page and the case header, so templates hold no logic."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from probation.risk.registers import register_type
from probation.risk.tiering import NeedSection
from probation.risk.tiering.rules import NEED_SECTIONS
from probation.tiers.models import TierCalculation

RULE_LABELS = {
    "rsr": "RSR",
    "rosh": "RoSH",
    "rsr_rosh_overlap": "Only the higher of RSR and RoSH counts",
    "mappa": "MAPPA",
    "complexity": "Complexity factors",
    "womens_factors": "Women's factors",
    "womens_parenting": "Women's factors: parenting responsibilities",
    "womens_self_control": "Women's factors: impulsivity or temper control",
    "womens_enforcement": "Women's factors: breach or recall",
    "ogrs": "OGRS",
    "iom": "Integrated offender management",
} | {f"need_{section.value}": f"Need: {NEED_SECTIONS[section].title}" for section in NeedSection}

# Inputs this system does not record yet (sentences: issue 3; breach and recall; predictor scores
# per person). tiering.md defines how each counts when absent; the page says so plainly.
NOT_YET_RECORDED = (
    ("Sentences", "No sentence is recorded, so there is no mandate for change (change level 0)."),
    (
        "Breach or recall",
        "No breach or recall is recorded, so there is no previous enforcement activity.",
    ),
    ("RSR", "No RSR score is recorded for this person, so RSR counts as 0."),
    ("OGRS", "No OGRS score is recorded for this person, so OGRS counts as 0."),
)

GENDER_LABELS = {"female": "Female", "male": "Male", "other": "Other", "not_known": "Not known"}


@dataclass(frozen=True)
class Line:
    label: str
    points: int
    reason: str


@dataclass(frozen=True)
class TierSummary:
    tier: str
    protect_level: str
    change_level: int
    unsupervised: bool
    protect_points: int
    change_points: int | None
    protect_reason: str
    change_reason: str
    calculated_at: dt.datetime
    reason: str
    protect_lines: list[Line]
    change_lines: list[Line]
    inputs: list[tuple[str, str]]


@dataclass(frozen=True)
class HistoryRow:
    calculated_at: dt.datetime
    tier: str
    reason: str
    by: str


def _lines(breakdown: list[dict[str, Any]], axis: str) -> list[Line]:
    return [
        Line(
            RULE_LABELS.get(line["rule"], line["rule"].replace("_", " ").capitalize()),
            line["points"],
            line["reason"],
        )
        for line in breakdown
        if line["axis"] == axis
    ]


def _registration(item: dict[str, Any]) -> str:
    found = register_type(item["code"])
    text = f"{found.description if found else item['code']} ({item['code']})"
    if item.get("level"):
        text += f", level {item['level']}, category {item.get('category') or 'none'}"
    return f"{text}, from {dt.date.fromisoformat(item['date']):%-d %B %Y}"


def _inputs(inputs: dict[str, Any]) -> list[tuple[str, str]]:
    registrations = [_registration(item) for item in inputs["registrations"]]
    return [
        ("Gender", GENDER_LABELS.get(inputs["gender"], inputs["gender"])),
        ("Active registrations", "; ".join(registrations) if registrations else "None"),
        (
            "Needs assessment",
            "The latest completed needs assessment" if inputs["needs_assessment"] else "None completed",
        ),
    ]


def tier_summary(calculation: TierCalculation) -> TierSummary:
    return TierSummary(
        tier=calculation.tier,
        protect_level=calculation.protect_level,
        change_level=calculation.change_level,
        unsupervised=calculation.unsupervised,
        protect_points=calculation.protect_points,
        change_points=calculation.change_points,
        protect_reason=calculation.protect_reason,
        change_reason=calculation.change_reason,
        calculated_at=calculation.calculated_at,
        reason=calculation.reason,
        protect_lines=_lines(calculation.breakdown, "protect"),
        change_lines=_lines(calculation.breakdown, "change"),
        inputs=_inputs(calculation.inputs),
    )


def history_rows(calculations: list[TierCalculation]) -> list[HistoryRow]:
    return [
        HistoryRow(
            calculated_at=c.calculated_at,
            tier=c.tier,
            reason=c.reason[:1].upper() + c.reason[1:],
            by=_by(c),
        )
        for c in calculations
    ]


def _by(calculation: TierCalculation) -> str:
    user = calculation.calculated_by
    if user is None:
        return "System"
    staff = getattr(user, "staff", None)
    return staff.name if staff is not None else user.get_username()
