"""The Programme Needs Identifier (PNI): which pathway a person's scores and assessment answers point
to (interventions.md § Programme Needs Identifier).

Risk level is the highest that applies; need is the sum of four domains scored 0–2 from assessment
answers (each 0 none / 1 some / 2 significant). High need with high risk is the high-intensity
pathway; medium or high need with medium or high risk otherwise is moderate; any low risk or low need
is the alternative pathway (structured interventions, toolkits). Every step is given as a reason; an
input that could change the answer and is not recorded is named as missing and no pathway is given.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Pathway(StrEnum):
    HIGH_INTENSITY = "high_intensity"
    MODERATE = "moderate"
    ALTERNATIVE = "alternative"


PATHWAY_LABELS = {
    Pathway.HIGH_INTENSITY: "High intensity",
    Pathway.MODERATE: "Moderate intensity",
    Pathway.ALTERNATIVE: "Alternative pathway (structured interventions and toolkits)",
}
LDC_THRESHOLD = 3
_ORDER = [Level.LOW, Level.MEDIUM, Level.HIGH]

# The PNI answers, by key, with the label a missing one is named by.
SEX_ITEMS = {
    "sexual_preoccupation": "Sexual preoccupation",
    "offence_related_sexual_interests": "Offence-related sexual interests",
    "emotional_congruence": "Emotional congruence with children",
}
THINKING_ITEMS = {
    "pro_criminal_attitudes": "Pro-criminal attitudes",
    "hostile_orientation": "Hostile orientation",
}
RELATIONSHIP_ITEMS = {
    "close_family": "Relationship with close family members",
    "previous_close_relationships": "Previous experience of close relationships",
    "easily_influenced": "Easily influenced by criminal associates",
    "aggressive_controlling": "Aggressive or controlling behaviour",
}
SELF_MANAGEMENT_ITEMS = {
    "impulsivity": "Impulsivity",
    "temper_control": "Temper control",
    "problem_solving": "Problem-solving skills",
    "coping": "Difficulties coping",
}


@dataclass(frozen=True)
class RiskInputs:
    """The scores, as stored: OGRS3 and OVP 2-year %, OSP bands (men), RSR %, SARA levels."""

    male: bool
    ogrs3: Decimal | None = None
    ovp: Decimal | None = None
    osp_dc: str | None = None  # band: low / medium / high / very_high
    osp_iic: str | None = None
    rsr: Decimal | None = None
    sara_partner: Level | None = None  # None: no SARA (not an IPV case)
    sara_others: Level | None = None


@dataclass(frozen=True)
class Finding:
    level: Level | None  # None: information missing
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()


def _band_level(band: str | None) -> Level | None:
    if band in ("high", "very_high"):
        return Level.HIGH
    if band == "medium":
        return Level.MEDIUM
    return None


def _threshold(value: Decimal | None, high: Decimal, medium: Decimal) -> Level | None:
    if value is None:
        return None
    if value >= high:
        return Level.HIGH
    if value >= medium:
        return Level.MEDIUM
    return None


def _risk_signals(r: RiskInputs) -> list[tuple[Level, str]]:
    signals: list[tuple[Level, str]] = []
    for name, value, high, medium in (
        ("OGRS3", r.ogrs3, Decimal(75), Decimal(50)),
        ("OVP", r.ovp, Decimal(60), Decimal(30)),
    ):
        level = _threshold(value, high, medium)
        if level:
            signals.append((level, f"{name} {value}% is {level} (high ≥ {high}, medium ≥ {medium})"))
    has_osp = r.male and (r.osp_dc is not None or r.osp_iic is not None)
    if r.male:
        for name, band in (("OSP/DC", r.osp_dc), ("OSP/IIC", r.osp_iic)):
            level = _band_level(band)
            if level:
                signals.append((level, f"{name} band {band.replace('_', ' ')} is {level}"))  # type: ignore[union-attr]
    if not has_osp:
        level = _threshold(r.rsr, Decimal("3.00"), Decimal("1.00"))
        if level:
            signals.append((level, f"RSR {r.rsr}% is {level} (high ≥ 3.00, medium ≥ 1.00)"))
    for name, sara in (("SARA (partner)", r.sara_partner), ("SARA (others)", r.sara_others)):
        if sara in (Level.HIGH, Level.MEDIUM):
            signals.append((sara, f"{name} {sara} is {sara}"))
    return signals


def risk_level(r: RiskInputs) -> Finding:
    """The highest level any score reaches. High is certain whatever else is missing; a lower level
    needs OGRS3, OVP and (women, and men with no OSP score) RSR recorded."""
    signals = _risk_signals(r)
    best = max((lvl for lvl, _ in signals), key=_ORDER.index, default=Level.LOW)
    reasons = tuple(text for lvl, text in signals if lvl is best)
    if best is Level.HIGH:
        return Finding(Level.HIGH, reasons)
    missing = [name for name, value in (("OGRS3", r.ogrs3), ("OVP", r.ovp)) if value is None]
    has_osp = r.male and (r.osp_dc is not None or r.osp_iic is not None)
    if not has_osp and r.rsr is None:
        missing.append("RSR")
    if missing:
        return Finding(None, reasons, tuple(missing))
    if best is Level.LOW:
        reasons = ("No score reaches medium risk",)
    return Finding(best, reasons)


@dataclass(frozen=True)
class Domain:
    name: str
    score: int | None
    reason: str
    missing: tuple[str, ...] = ()


def _answers(answers: Mapping[str, int | None], items: Mapping[str, str]) -> tuple[list[int], list[str]]:
    values, missing = [], []
    for key, label in items.items():
        value = answers.get(key)
        if value is None:
            missing.append(label)
        else:
            values.append(value)
    return values, missing


def _band(total: int, bands: tuple[int, int]) -> int:
    """0 up to bands[0], 1 up to bands[1], else 2."""
    return 0 if total <= bands[0] else 1 if total <= bands[1] else 2


def sex_domain(answers: Mapping[str, int | None], *, needs_all: bool) -> Domain:
    """0–1→0, 2–3→1, 4–6→2; offence-related interests at 2 makes it 2. Men with an OSP score need all
    three answers; for anyone else an unanswered item scores 0 (no sexual offending to assess)."""
    values, missing = _answers(answers, SEX_ITEMS)
    if missing and needs_all:
        return Domain("Sex", None, "Men with an OSP score need all three sex items", tuple(missing))
    total = sum(values)
    if answers.get("offence_related_sexual_interests") == 2:
        return Domain("Sex", 2, "Offence-related sexual interests score 2, so the domain is 2")
    score = _band(total, (1, 3))
    return Domain("Sex", score, f"Items total {total} (0–1→0, 2–3→1, 4–6→2)")


def thinking_domain(answers: Mapping[str, int | None]) -> Domain:
    """0→0, 1–2→1, 3–4→2; pro-criminal attitudes at 2 makes it 2."""
    values, missing = _answers(answers, THINKING_ITEMS)
    if answers.get("pro_criminal_attitudes") == 2:
        return Domain("Thinking", 2, "Pro-criminal attitudes score 2, so the domain is 2")
    if missing:
        return Domain("Thinking", None, "Answers needed", tuple(missing))
    total = sum(values)
    return Domain("Thinking", _band(total, (0, 2)), f"Items total {total} (0→0, 1–2→1, 3–4→2)")


def _four_item_domain(name: str, answers: Mapping[str, int | None], items: Mapping[str, str]) -> Domain:
    values, missing = _answers(answers, items)
    if missing:
        return Domain(name, None, "Answers needed", tuple(missing))
    total = sum(values)
    return Domain(name, _band(total, (1, 4)), f"Items total {total} (0–1→0, 2–4→1, 5–8→2)")


@dataclass(frozen=True)
class NeedFinding:
    level: Level | None
    score: int | None
    domains: tuple[Domain, ...]
    missing: tuple[str, ...] = ()


def need_level(answers: Mapping[str, int | None], *, needs_all_sex_items: bool) -> NeedFinding:
    domains = (
        sex_domain(answers, needs_all=needs_all_sex_items),
        thinking_domain(answers),
        _four_item_domain("Relationships", answers, RELATIONSHIP_ITEMS),
        _four_item_domain("Self-management", answers, SELF_MANAGEMENT_ITEMS),
    )
    missing = tuple(m for d in domains for m in d.missing)
    if missing:
        return NeedFinding(None, None, domains, missing)
    total = sum(d.score or 0 for d in domains)
    level = Level.LOW if total <= 2 else Level.MEDIUM if total <= 5 else Level.HIGH
    return NeedFinding(level, total, domains)


@dataclass(frozen=True)
class PathwayResult:
    pathway: Pathway | None  # None: information missing
    risk: Finding
    need: NeedFinding
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()
    ldc: bool | None = None  # None: not screened
    ldc_reason: str = ""

    @property
    def label(self) -> str:
        return PATHWAY_LABELS[self.pathway] if self.pathway else "Information missing"


def _ldc(score: int | None) -> tuple[bool | None, str]:
    if score is None:
        return None, "Not screened for learning disabilities or challenges"
    if score >= LDC_THRESHOLD:
        return True, f"LDC screening score {score} (≥ {LDC_THRESHOLD}): adapted delivery"
    return False, f"LDC screening score {score} (below {LDC_THRESHOLD})"


def pathway(
    risk_inputs: RiskInputs, answers: Mapping[str, int | None], *, ldc_score: int | None
) -> PathwayResult:
    """The pathway, with its reasons; or None with what is missing when the missing input could change
    it (a known low risk or low need gives the alternative pathway whatever else is missing)."""
    has_osp = risk_inputs.male and (risk_inputs.osp_dc is not None or risk_inputs.osp_iic is not None)
    risk = risk_level(risk_inputs)
    need = need_level(answers, needs_all_sex_items=has_osp)
    ldc, ldc_reason = _ldc(ldc_score)
    missing: tuple[str, ...] = ()
    if risk.level is Level.LOW or need.level is Level.LOW:
        low = "risk" if risk.level is Level.LOW else "need"
        result, reason = Pathway.ALTERNATIVE, f"Low {low}: alternative pathway"
    elif risk.level is None or need.level is None:
        result, reason, missing = None, "", risk.missing + need.missing
    elif risk.level is Level.HIGH and need.level is Level.HIGH:
        result, reason = Pathway.HIGH_INTENSITY, "High risk and high need: high intensity"
    else:
        result = Pathway.MODERATE
        reason = f"{risk.level.capitalize()} risk and {need.level} need: moderate intensity"
    return PathwayResult(
        result, risk, need, (reason,) if reason else (), missing, ldc=ldc, ldc_reason=ldc_reason
    )


PROBLEM_SCALE = {"none": 0, "some": 1, "significant": 2}
PROBLEM_LABELS = {0: "0 – no problems", 1: "1 – some problems", 2: "2 – significant problems"}
SARA_LEVELS = {"low": Level.LOW, "medium": Level.MEDIUM, "high": Level.HIGH}

__all__ = ["Level", "Pathway", "PathwayResult", "RiskInputs", "pathway"]
