"""Builders shared by the tiering tests (no tests here): terse, readable construction of inputs."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from probation.rules.tiering import (
    Gender,
    NeedsAssessment,
    NeedSection,
    Registration,
    Requirement,
    Sentence,
    TierInputs,
)
from probation.rules.tiering.tables import ANSWER_SCORES, NEED_SECTIONS, QuestionKind

DAY = dt.date(2024, 6, 1)


def day(offset: int = 0) -> dt.date:
    """A fixed date shifted by `offset` days, so tests never depend on today."""
    return DAY + dt.timedelta(days=offset)


def reg(code: str, on: dt.date = DAY, level: str | None = None, category: str | None = None) -> Registration:
    return Registration(code=code, date=on, level=level, category=category)


def req(main_category: str, restrictive: bool = False) -> Requirement:
    return Requirement(main_category=main_category, restrictive=restrictive)


def community(*requirements: Requirement, terminated: dt.date | None = None) -> Sentence:
    return Sentence(custodial=False, requirements=tuple(requirements), termination_date=terminated)


def custody(terminated: dt.date | None = None) -> Sentence:
    return Sentence(custodial=True, requirements=(), termination_date=terminated)


def assessment(
    answers: Mapping[str, Mapping[str, str | None]] | None = None,
    parenting: str | None = None,
    impulsivity: str | None = None,
    temper: str | None = None,
) -> NeedsAssessment:
    return NeedsAssessment(
        answers=answers or {},
        parenting_responsibilities=parenting,
        impulsivity=impulsivity,
        temper_control=temper,
    )


def answers_scoring(section: NeedSection, score: int) -> dict[str, str]:
    """Answers for `section` summing to exactly `score` (yes/no questions filled first, as they only
    score 0 or 2, so problem questions can absorb an odd remainder)."""
    questions = sorted(NEED_SECTIONS[section].questions, key=lambda q: q[1] != QuestionKind.YES_NO)
    answers: dict[str, str] = {}
    remaining = score
    for question, kind in questions:
        options = sorted(ANSWER_SCORES[kind].items(), key=lambda item: item[1], reverse=True)
        value, points = next((v, p) for v, p in options if p <= remaining and v != "unknown")
        answers[question] = value
        remaining -= points
    if remaining:
        raise ValueError(f"{section} cannot score {score}")
    return answers


def assessment_scoring(**scores: int) -> NeedsAssessment:
    """An assessment where each named section (NeedSection value) scores exactly the given score."""
    return assessment({name: answers_scoring(NeedSection(name), score) for name, score in scores.items()})


def severe_everywhere() -> NeedsAssessment:
    """Every section at its severe threshold: the maximum 20 needs points."""
    return assessment_scoring(**{s.value: rule.severe_threshold for s, rule in NEED_SECTIONS.items()})


def inputs(
    gender: Gender | str = Gender.MALE,
    registrations: tuple[Registration, ...] = (),
    sentences: tuple[Sentence, ...] = (),
    previous_enforcement_activity: bool = False,
    needs_assessment: NeedsAssessment | None = None,
    rsr: str | Decimal | int | None = None,
    ogrs: int | None = None,
) -> TierInputs:
    return TierInputs(
        gender=gender,
        registrations=registrations,
        sentences=sentences,
        previous_enforcement_activity=previous_enforcement_activity,
        needs_assessment=needs_assessment,
        rsr_percentage=Decimal(rsr) if isinstance(rsr, str) else rsr,
        ogrs_percentage=ogrs,
    )


def mandated(**kwargs: object) -> TierInputs:
    """Inputs with a current custodial sentence, i.e. a mandate for change."""
    return inputs(sentences=(custody(),), **kwargs)  # type: ignore[arg-type]


def points_by_rule(result: object) -> dict[str, int]:
    return {line.rule: line.points for line in result.breakdown}  # type: ignore[attr-defined]
