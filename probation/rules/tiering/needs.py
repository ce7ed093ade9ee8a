"""Need severity from assessment answers (tiering.md § Need severity from assessment answers)."""

from collections.abc import Mapping

from probation.rules.tiering.inputs import NeedsAssessment, NeedSection
from probation.rules.tiering.result import NeedScore
from probation.rules.tiering.tables import (
    ANSWER_SCORES,
    NEED_SECTIONS,
    SEVERITY_VALUES,
    UNKNOWN_ANSWER,
    NeedSectionRule,
    QuestionKind,
    Severity,
)


def answer_score(answer: str | None, kind: QuestionKind) -> int:
    """Score of one answer: yes/no Yes 2, No/Unknown 0; problem None 0, Some 1, Significant 2;
    ever injected Never 0, Previously 1, Currently 2. A missing answer scores 0."""
    if answer is None:
        return 0
    return ANSWER_SCORES[kind][answer]


def is_answered(answer: str | None) -> bool:
    """Missing and "unknown" answers both count as unanswered for the section-ignored rule."""
    return answer is not None and answer != UNKNOWN_ANSWER


def severity_for(score: int, rule: NeedSectionRule) -> Severity:
    """Severe if score ≥ severe threshold, standard if ≥ standard threshold, else no need."""
    if score >= rule.severe_threshold:
        return Severity.SEVERE
    if score >= rule.standard_threshold:
        return Severity.STANDARD
    return Severity.NO_NEED


def score_section(section: NeedSection, answers: Mapping[str, str | None]) -> NeedScore:
    """Score one section: the sum of its answers; ignored (severity None, 0 points) when every answer
    is missing or unknown. Points = weighting × severity (no need 0, standard 1, severe 2)."""
    rule = NEED_SECTIONS[section]
    values = [answers.get(question) for question, _ in rule.questions]
    if not any(is_answered(value) for value in values):
        return NeedScore(section=section, score=0, severity=None, weighting=rule.weighting, points=0)
    score = sum(answer_score(answers.get(question), kind) for question, kind in rule.questions)
    severity = severity_for(score, rule)
    return NeedScore(
        section=section,
        score=score,
        severity=severity,
        weighting=rule.weighting,
        points=rule.weighting * SEVERITY_VALUES[severity],
    )


def score_needs(assessment: NeedsAssessment) -> tuple[NeedScore, ...]:
    """Score all 8 sections, in the specification's order (a missing section is ignored)."""
    return tuple(score_section(section, assessment.answers.get(section, {})) for section in NEED_SECTIONS)


def describe_need(need: NeedScore) -> str:
    """Human-readable reason for one need section's points."""
    rule = NEED_SECTIONS[need.section]
    if need.severity is None:
        return f"{rule.title}: not assessed (every answer missing or unknown), so ignored"
    thresholds = f"standard ≥ {rule.standard_threshold}, severe ≥ {rule.severe_threshold}"
    severity_text = {
        Severity.NO_NEED: "no need",
        Severity.STANDARD: "standard need",
        Severity.SEVERE: "severe need",
    }[need.severity]
    return (
        f"{rule.title}: score {need.score} ({thresholds}) is {severity_text}; "
        f"weighting {need.weighting} × {SEVERITY_VALUES[need.severity]} = {need.points}"
    )
