"""Display formatting for the tier page and the case header, so templates hold no logic."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from probation.risk.registers import register_type
from probation.rules import tiering
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType
from probation.rules.tiering import NeedSection
from probation.rules.tiering.change import gives_mandate
from probation.rules.tiering.tables import NEED_SECTIONS, UNPAID_WORK_CATEGORIES
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

# Predictor scores the tier reads from the person's stored scores. tiering.md counts a missing one
# as 0; the page says so plainly, and where to calculate it.
NOT_YET_RECORDED = (
    ("RSR", "rsr_percentage", "No RSR score is recorded for this person, so RSR counts as 0."),
    ("OGRS", "ogrs_percentage", "No OGRS score is recorded for this person, so OGRS counts as 0."),
)


def missing_scores(calculation: TierCalculation | None) -> list[tuple[str, str]]:
    """The scores the latest calculation did not have (all of them before any calculation)."""
    inputs = calculation.inputs if calculation is not None else {}
    return [(label, text) for label, key, text in NOT_YET_RECORDED if inputs.get(key) is None]


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
    sentences: list[str]


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


def _requirement(item: dict[str, Any]) -> str:
    category = item["main_category"]
    if category in UNPAID_WORK_CATEGORIES:
        return f"{UNPAID_WORK_CATEGORIES[category].capitalize()} (not counted)"
    try:
        label = REQUIREMENT_RULES[RequirementType(category)].label
    except ValueError:
        label = category
    return f"{label} ({'restrictive' if item['restrictive'] else 'not restrictive'})"


def _sentence(item: dict[str, Any]) -> str:
    """One stored sentence input and whether it gave a mandate for change (tiering.md § Change 1)."""
    kind = "Custodial sentence" if item["custodial"] else "Community sentence"
    requirements = [_requirement(r) for r in item["requirements"]]
    text = kind + (f" with requirements: {', '.join(requirements)}" if requirements else ", no requirements")
    if item["termination_date"]:
        ended = dt.date.fromisoformat(item["termination_date"])
        return f"{text}. Ended {ended:%-d %B %Y}, so not counted"
    sentence = tiering.Sentence(
        custodial=item["custodial"],
        requirements=tuple(tiering.Requirement(**r) for r in item["requirements"]),
    )
    if not gives_mandate(sentence):
        return (
            f"{text}. Current, but gives no mandate for change (only restrictive or unpaid work requirements)"
        )
    why = "custodial" if item["custodial"] else "it has a requirement that is not restrictive"
    return f"{text}. Current: gives a mandate for change ({why})"


def sentence_lines(inputs: dict[str, Any]) -> list[str]:
    """The sentence inputs, current ones first, saying which gave the mandate for change."""
    items = inputs.get("sentences", [])
    current = [_sentence(item) for item in items if not item["termination_date"]]
    past = [_sentence(item) for item in items if item["termination_date"]]
    return current + past


def _inputs(inputs: dict[str, Any]) -> list[tuple[str, str]]:
    registrations = [_registration(item) for item in inputs["registrations"]]
    return [
        ("Gender", GENDER_LABELS.get(inputs["gender"], inputs["gender"])),
        ("Active registrations", "; ".join(registrations) if registrations else "None"),
        (
            "Needs assessment",
            "The latest completed needs assessment" if inputs["needs_assessment"] else "None completed",
        ),
        (
            "Breach or recall",
            "A breach or recall with an outcome was referred in the last 12 months"
            if inputs["previous_enforcement_activity"]
            else "No breach or recall with an outcome was referred in the last 12 months",
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
        sentences=sentence_lines(calculation.inputs),
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
