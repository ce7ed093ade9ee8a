"""Protect level A–D (tiering.md § Protect level)."""

from decimal import Decimal

from probation.rules.tiering.inputs import NeedsAssessment
from probation.rules.tiering.needs import answer_score
from probation.rules.tiering.registrations import RegistrationFacts
from probation.rules.tiering.result import Axis, Contribution
from probation.rules.tiering.tables import (
    COMPLEXITY_FACTORS,
    MAPPA_POINTS,
    MAX_COMPLEXITY_POINTS,
    MAX_WOMENS_POINTS,
    POINTS_PER_COMPLEXITY_FACTOR,
    PROTECT_BANDS,
    ROSH_POINTS,
    RSR_BANDS,
    WOMENS_ENFORCEMENT_POINTS,
    WOMENS_POINTS_PER_UNIT,
    QuestionKind,
)

_ROSH_TEXT = {"very_high": "very high", "high": "high", "medium": "medium", "low": "low"}


def _line(rule: str, points: int, reason: str) -> Contribution:
    return Contribution(axis=Axis.PROTECT, rule=rule, points=points, reason=reason)


def rsr_points(rsr: Decimal) -> int:
    """§ Protect: 20 if 7.00 ≤ RSR ≤ 99.99; 10 if 3.00 ≤ RSR ≤ 6.99; else 0.

    Compared exactly, without rounding: 6.995 falls in the published gap and scores 0."""
    for band in RSR_BANDS:
        if band.lower <= rsr <= band.upper:
            return band.points
    return 0


def rsr_line(rsr: Decimal) -> Contribution:
    points = rsr_points(rsr)
    band = next((b for b in RSR_BANDS if b.points == points), None)
    if band is None:
        reason = f"RSR {rsr}% is outside 3.00–6.99 and 7.00–99.99, so scores 0"
    else:
        reason = f"RSR {rsr}% is within {band.lower}–{band.upper}, so scores {points}"
    return _line("rsr", points, reason)


def rosh_line(facts: RegistrationFacts) -> Contribution:
    """§ Protect: RoSH very high 150; high 20; medium 10; low or none 0."""
    points = ROSH_POINTS[facts.rosh_level]
    level = _ROSH_TEXT[facts.rosh_level] if facts.rosh_level else "none (no RoSH registration)"
    return _line("rosh", points, f"RoSH {level} scores {points}")


def overlap_line(rsr: Contribution, rosh: Contribution) -> Contribution:
    """§ Protect: total minus the smaller of (RSR points, RoSH points) — only the higher counts."""
    smaller = min(rsr.points, rosh.points)
    if rsr.points == rosh.points:
        reason = f"RSR and RoSH both score {smaller}; only one of them counts"
    else:
        lower = "RSR" if rsr.points < rosh.points else "RoSH"
        reason = (
            f"only the higher of RSR ({rsr.points}) and RoSH ({rosh.points}) counts, so {lower} is discounted"
        )
    return _line("rsr_rosh_overlap", -smaller, reason)


def mappa_line(facts: RegistrationFacts) -> Contribution:
    """§ Protect: MAPPA level M2 or M3: 150; M1: 5; none 0."""
    points = MAPPA_POINTS[facts.mappa_level]
    if facts.mappa_level is None:
        return _line("mappa", 0, "no MAPPA registration at level M1, M2 or M3")
    return _line("mappa", points, f"MAPPA level {facts.mappa_level} scores {points}")


def complexity_line(facts: RegistrationFacts) -> Contribution:
    """§ Protect: 2 × number of distinct complexity factors (max 20)."""
    count = len(facts.complexity_factors)
    points = min(POINTS_PER_COMPLEXITY_FACTOR * count, MAX_COMPLEXITY_POINTS)
    if not count:
        return _line("complexity", 0, "no complexity factors")
    names = ", ".join(f"{code} {COMPLEXITY_FACTORS[code]}" for code in facts.complexity_factors)
    return _line("complexity", points, f"{count} complexity factor(s) × 2: {names}")


def womens_lines(
    female: bool, assessment: NeedsAssessment | None, previous_enforcement_activity: bool
) -> list[Contribution]:
    """§ Protect, women's factors (female only): 2 per unit — parenting responsibilities (Yes) is one
    unit; impulsivity or temper control with a problem score > 0 is one unit (once, even if both); no
    assessment ⇒ 0 units. Plus 2 if previous enforcement activity. Max 6."""
    if not female:
        return [_line("womens_factors", 0, "women's factors apply to female cases only")]
    if assessment is None:
        parenting = self_control = False
        parenting_reason = self_control_reason = "no needs assessment, so no unit"
    else:
        parenting = assessment.parenting_responsibilities == "yes"
        parenting_reason = (
            "parenting responsibilities: yes" if parenting else "no parenting responsibilities recorded"
        )
        scores = {
            "impulsivity": answer_score(assessment.impulsivity, QuestionKind.PROBLEM),
            "temper control": answer_score(assessment.temper_control, QuestionKind.PROBLEM),
        }
        problems = [name for name, score in scores.items() if score > 0]
        self_control = bool(problems)
        self_control_reason = (
            f"problem with {' and '.join(problems)} (counted once)"
            if problems
            else "no impulsivity or temper problem"
        )
    lines = [
        _line("womens_parenting", WOMENS_POINTS_PER_UNIT * parenting, parenting_reason),
        _line("womens_self_control", WOMENS_POINTS_PER_UNIT * self_control, self_control_reason),
        _line(
            "womens_enforcement",
            WOMENS_ENFORCEMENT_POINTS * previous_enforcement_activity,
            "breach or recall with an outcome referred in the last 365 days"
            if previous_enforcement_activity
            else "no breach or recall with an outcome in the last 365 days",
        ),
    ]
    # The cap can never bind (2 + 2 + 2 = 6) but is stated in the specification; assert it holds.
    assert sum(line.points for line in lines) <= MAX_WOMENS_POINTS
    return lines


def protect_level_for(points: int) -> str:
    """§ Protect bands: ≥ 150 ⇒ A; 20–149 ⇒ B; 10–19 ⇒ C; 0–9 ⇒ D."""
    for lowest, level in PROTECT_BANDS:
        if points >= lowest:
            return level
    raise ValueError(f"protect points cannot be negative, got {points}")


def protect_breakdown(
    rsr: Decimal,
    facts: RegistrationFacts,
    female: bool,
    assessment: NeedsAssessment | None,
    previous_enforcement_activity: bool,
) -> list[Contribution]:
    """Every protect contribution, in the order of the § Protect level table."""
    rsr_contribution = rsr_line(rsr)
    rosh_contribution = rosh_line(facts)
    return [
        rsr_contribution,
        rosh_contribution,
        overlap_line(rsr_contribution, rosh_contribution),
        mappa_line(facts),
        complexity_line(facts),
        *womens_lines(female, assessment, previous_enforcement_activity),
    ]


def protect_reason(points: int, level: str) -> str:
    ranges = {"A": "150 or more", "B": "20–149", "C": "10–19", "D": "0–9"}
    return f"{points} protect points is in the {ranges[level]} band, so protect level {level}"
