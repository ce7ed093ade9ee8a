"""Change level 0–3 (tiering.md § Change level (0–3), evaluated in order)."""

from collections.abc import Iterable

from probation.rules.tiering.inputs import Sentence
from probation.rules.tiering.needs import describe_need
from probation.rules.tiering.result import Axis, Contribution, NeedScore
from probation.rules.tiering.tables import (
    CHANGE_BANDS,
    IOM_POINTS,
    MAX_NEEDS_POINTS,
    OGRS_POINTS_DIVISOR,
    UNPAID_WORK_CATEGORIES,
)


def _line(rule: str, points: int, reason: str) -> Contribution:
    return Contribution(axis=Axis.CHANGE, rule=rule, points=points, reason=reason)


def current_sentences(sentences: Iterable[Sentence]) -> list[Sentence]:
    """tiering.md § Inputs: a sentence with no termination date is current."""
    return [s for s in sentences if s.termination_date is None]


def gives_mandate(sentence: Sentence) -> bool:
    """§ Change 1: a custodial sentence, or one with a requirement that is not restrictive, ignoring
    requirements of main category W (unpaid work) and W1 (order extended)."""
    if sentence.custodial:
        return True
    return any(
        not requirement.restrictive and requirement.main_category not in UNPAID_WORK_CATEGORIES
        for requirement in sentence.requirements
    )


def has_mandate_for_change(sentences: Iterable[Sentence]) -> bool:
    """§ Change 1: mandate if at least one *current* sentence gives one; no current sentence ⇒ none."""
    return any(gives_mandate(sentence) for sentence in current_sentences(sentences))


def no_mandate_reason(sentences: Iterable[Sentence]) -> str:
    if not current_sentences(sentences):
        return "no current sentence, so no mandate for change: change level 0"
    return (
        "no current sentence is custodial or has a non-restrictive requirement other than unpaid work "
        "or order extended, so no mandate for change: change level 0"
    )


def ogrs_points(ogrs: int) -> int:
    """§ Change 3: OGRS % integer-divided by 10 (0–9 ⇒ 0 … 100 ⇒ 10)."""
    return ogrs // OGRS_POINTS_DIVISOR


def change_breakdown(needs: tuple[NeedScore, ...], ogrs: int, iom: bool) -> list[Contribution]:
    """§ Change 3: points = needs + OGRS + IOM, one line per need section then OGRS then IOM."""
    lines = [_line(f"need_{need.section.value}", need.points, describe_need(need)) for need in needs]
    # The cap can never bind (2×2 + 2×2 + 6×1×2 = 20) but is stated in the specification; check it.
    assert sum(line.points for line in lines) <= MAX_NEEDS_POINTS
    lines.append(_line("ogrs", ogrs_points(ogrs), f"OGRS {ogrs}% ÷ 10, rounded down, = {ogrs_points(ogrs)}"))
    lines.append(
        _line(
            "iom",
            IOM_POINTS if iom else 0,
            "integrated offender management (IIOM registration)" if iom else "not managed under IOM",
        )
    )
    return lines


def change_level_for(points: int) -> int:
    """§ Change 3 bands: ≥ 20 ⇒ 3; 10–19 ⇒ 2; 0–9 ⇒ 1."""
    for lowest, level in CHANGE_BANDS:
        if points >= lowest:
            return level
    raise ValueError(f"change points cannot be negative, got {points}")


def change_reason(points: int, level: int) -> str:
    ranges = {3: "20 or more", 2: "10–19", 1: "0–9"}
    return f"{points} change points is in the {ranges[level]} band, so change level {level}"
