"""A completed needs assessment for most people (tiering.md § Need severity), answered question by
question from the assessment's own sections (probation.assessments.questions), so the answers are
exactly what the assessment pages would have saved.

A person has a general level of need (most have a few moderate needs, some many severe ones) and
each section moves around it; the offence shifts the sections it is known to go with (drug offences
and drug misuse, violence and thinking & behaviour, drink driving and alcohol). About 3% of answers
are "Unknown", as in practice.
"""

import datetime as dt
import json
from dataclasses import dataclass
from random import Random

from probation.assessments.questions import sections_for
from probation.demo.case_history.state import RunState, at
from probation.rules.tiering.tables import UNKNOWN_ANSWER, QuestionKind

# The share of people with a completed assessment: most people on a current sentence, fewer of
# those whose supervision has ended (their assessment was done when they were supervised).
ASSESSED_CURRENT = 0.88
ASSESSED_ENDED = 0.5
UNKNOWN_SHARE = 0.03
HIGH_NEED_SHARE = 0.12
# How an offence group moves a section's level of need (added to the person's level, 0–1).
OFFENCE_SECTIONS: dict[str, dict[str, float]] = {
    "drug": {"drug_misuse": 0.35, "lifestyle_associates": 0.15},
    "violent": {"thinking_behaviour": 0.2, "alcohol_misuse": 0.1, "attitudes": 0.1},
    "sexual": {"relationships": 0.25, "thinking_behaviour": 0.15, "attitudes": 0.15},
    "acquisitive": {"education_training_employability": 0.2, "drug_misuse": 0.2, "accommodation": 0.1},
    "drink": {"alcohol_misuse": 0.4},
    "other": {},
}


@dataclass(frozen=True)
class NeedsPerson:
    id: int
    gender: str
    offence_group: str
    current: bool
    assessor_user: int
    assessed_from: dt.date  # the earliest day the assessment can have been done (sentence start)


def _problem(rng: Random, level: float) -> str:
    roll = rng.random()
    if roll < UNKNOWN_SHARE:
        return UNKNOWN_ANSWER
    draw = rng.random()
    if draw < level * level * 0.8:
        return "significant"
    if draw < level * 0.9 + 0.05:
        return "some"
    return "none"


def _answer(rng: Random, kind: QuestionKind, level: float) -> str:
    if kind is QuestionKind.YES_NO:
        if rng.random() < UNKNOWN_SHARE:
            return UNKNOWN_ANSWER
        return "yes" if rng.random() < level * 0.8 else "no"
    if kind is QuestionKind.EVER_INJECTED:
        roll = rng.random()
        return "currently" if roll < level * 0.12 else ("previously" if roll < level * 0.3 else "never")
    return _problem(rng, level)


def needs_answers(rng: Random, person: NeedsPerson) -> dict[str, dict[str, str]]:
    """Answers for every section asked of the person: ``{section: {question: answer}}``."""
    general = min(0.97, rng.betavariate(2.2, 2.7))
    if rng.random() < HIGH_NEED_SHARE:  # many severe needs at once (change level 3 with a high OGRS)
        general = rng.uniform(0.75, 0.97)
    shifts = OFFENCE_SECTIONS.get(person.offence_group, {})
    answers: dict[str, dict[str, str]] = {}
    for section in sections_for(person.gender):
        level = min(1.0, max(0.0, general + shifts.get(section.key, 0.0) + rng.uniform(-0.25, 0.2)))
        if section.key in ("drug_misuse", "alcohol_misuse") and rng.random() < 0.45 - shifts.get(
            section.key, 0.0
        ):
            level *= 0.2  # many people have no substance misuse at all
        answers[section.key] = {q.name: _answer(rng, q.kind, level) for q in section.questions}
    return answers


def needs_assessment_add(
    rng: Random, state: RunState, person: NeedsPerson
) -> dict[str, dict[str, str]] | None:
    """Appends a completed assessment row for most people; returns its answers (None: not assessed)."""
    if rng.random() >= (ASSESSED_CURRENT if person.current else ASSESSED_ENDED):
        return None
    answers = needs_answers(rng, person)
    today = state.today
    earliest = min(person.assessed_from + dt.timedelta(days=10), today)
    completed_on = today - dt.timedelta(days=int(rng.random() * max(0, min(300, (today - earliest).days))))
    started = at(completed_on - dt.timedelta(days=rng.randint(0, 6)), 10, rng.randrange(60))
    completed = min(at(completed_on, 15, rng.randrange(60)), state.moment)
    started = min(started, completed)
    state.rows["assessment"].append(
        [person.id, "completed", json.dumps(answers), person.assessor_user, started, person.assessor_user,
         completed, None, started, completed, 2]
    )  # fmt: skip
    return answers
