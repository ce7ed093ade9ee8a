"""What a sentence plan holds and when it may be agreed (interventions.md § Sentence plan).

A goal is in the person's own words under one area of need (with optional related areas), with a
status and a target date; each step says who does what and how far it has got. The person's answer
to the plan is recorded as given: agreed, not agreed (a reason is required) or could not answer (a
reason is required; ask next time). Agreeing needs at least one active goal and every active goal
needs a step. Texts are at most 4,000 characters.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from probation.rules.calendar.periods import add_months
from probation.rules.errors import RuleError
from probation.rules.plans.areas import Area

TEXT_LIMIT = 4_000


class GoalStatus(StrEnum):
    ACTIVE = "active"  # work on it now
    FUTURE = "future"  # work on it later
    ACHIEVED = "achieved"
    REMOVED = "removed"


GOAL_STATUS_LABELS = {
    GoalStatus.ACTIVE: "Working on it now",
    GoalStatus.FUTURE: "Future goal",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.REMOVED: "Removed",
}


class Actor(StrEnum):
    PERSON = "person"
    PRACTITIONER = "practitioner"
    PROGRAMME_STAFF = "programme_staff"
    PARTNERSHIP_AGENCY = "partnership_agency"
    CRS_PROVIDER = "crs_provider"
    SOMEONE_ELSE = "someone_else"


ACTOR_LABELS = {
    Actor.PERSON: "The person on probation",
    Actor.PRACTITIONER: "Probation practitioner",
    Actor.PROGRAMME_STAFF: "Programme staff",
    Actor.PARTNERSHIP_AGENCY: "Partnership agency",
    Actor.CRS_PROVIDER: "Commissioned rehabilitative services (CRS) provider",
    Actor.SOMEONE_ELSE: "Someone else",
}


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANNOT_BE_DONE_YET = "cannot_be_done_yet"
    NO_LONGER_NEEDED = "no_longer_needed"


STEP_STATUS_LABELS = {
    StepStatus.NOT_STARTED: "Not started",
    StepStatus.IN_PROGRESS: "In progress",
    StepStatus.COMPLETED: "Completed",
    StepStatus.CANNOT_BE_DONE_YET: "Cannot be done yet",
    StepStatus.NO_LONGER_NEEDED: "No longer needed",
}


class Agreement(StrEnum):
    AGREED = "agreed"
    NOT_AGREED = "not_agreed"
    COULD_NOT_ANSWER = "could_not_answer"
    # A later answer to an already-agreed plan is stored as an update (interventions.md).
    UPDATED_AGREED = "updated_agreed"
    UPDATED_NOT_AGREED = "updated_not_agreed"


AGREEMENT_LABELS = {
    Agreement.AGREED: "Agreed",
    Agreement.NOT_AGREED: "Did not agree",
    Agreement.COULD_NOT_ANSWER: "Could not answer",
    Agreement.UPDATED_AGREED: "Agreed to the updated plan",
    Agreement.UPDATED_NOT_AGREED: "Did not agree to the updated plan",
}

# The answers the person gives; the two "updated" values are what is stored for a later answer.
ANSWERS = (Agreement.AGREED, Agreement.NOT_AGREED, Agreement.COULD_NOT_ANSWER)
NEEDS_REASON = frozenset({Agreement.NOT_AGREED, Agreement.COULD_NOT_ANSWER, Agreement.UPDATED_NOT_AGREED})


@dataclass(frozen=True)
class Step:
    description: str
    actor: Actor
    status: StepStatus = StepStatus.NOT_STARTED
    actor_other: str = ""  # who, when the actor is someone else or a named agency


@dataclass(frozen=True)
class Goal:
    key: str  # stable across versions, so what changed can be told
    title: str
    area: Area
    status: GoalStatus
    target_date: dt.date | None = None
    related_areas: tuple[Area, ...] = ()
    steps: tuple[Step, ...] = ()
    notes: str = ""


# Target dates offered: 3, 6 or 12 months ahead, or a chosen date that is not in the past.
TARGET_MONTHS = (3, 6, 12)


def target_date_options(today: dt.date) -> list[tuple[int, dt.date]]:
    return [(months, add_months(today, months)) for months in TARGET_MONTHS]


def check_target_date(target: dt.date | None, *, today: dt.date, status: GoalStatus) -> None:
    """A goal being worked on now needs a target date that is not in the past; a future goal may
    leave it unset; an achieved or removed goal keeps the date it had."""
    if status is GoalStatus.ACTIVE and target is None:
        raise RuleError("Enter a target date for a goal you are working on now", field="target_date")
    if status in (GoalStatus.ACTIVE, GoalStatus.FUTURE) and target is not None and target < today:
        raise RuleError("The target date must be today or in the future", field="target_date")


def check_goal(goal: Goal, *, today: dt.date) -> list[RuleError]:
    errors = []
    if not goal.title.strip():
        errors.append(RuleError("Enter the goal in the person's own words", field="title"))
    if len(goal.title) > TEXT_LIMIT or len(goal.notes) > TEXT_LIMIT:
        errors.append(RuleError(f"A goal's text must be {TEXT_LIMIT:,} characters or fewer", field="title"))
    if goal.area in goal.related_areas:
        errors.append(RuleError("A related area cannot be the goal's own area", field="related_areas"))
    try:
        check_target_date(goal.target_date, today=today, status=goal.status)
    except RuleError as error:
        errors.append(error)
    for step in goal.steps:
        if not step.description.strip():
            errors.append(RuleError("Describe what the step is", field="steps"))
        if len(step.description) > TEXT_LIMIT:
            errors.append(RuleError(f"A step must be {TEXT_LIMIT:,} characters or fewer", field="steps"))
        if step.actor is Actor.SOMEONE_ELSE and not step.actor_other.strip():
            errors.append(RuleError("Say who will do the step", field="steps"))
    return errors


@dataclass(frozen=True)
class AgreementCheck:
    errors: tuple[RuleError, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_agreement(
    goals: Sequence[Goal], *, answer: Agreement, reason: str, notes: str = ""
) -> AgreementCheck:
    """Whether the plan can be put to the person with this answer: at least one active goal, each
    active goal with a step; a reason for "not agreed" and "could not answer"; texts within limits."""
    errors = []
    active = [g for g in goals if g.status is GoalStatus.ACTIVE]
    if not active:
        errors.append(
            RuleError("Add at least one goal to work on now before agreeing the plan", field="goals")
        )
    for goal in active:
        if not goal.steps:
            errors.append(RuleError(f"Add a step to the goal “{goal.title}”", field="goals"))
    if answer in NEEDS_REASON and not reason.strip():
        errors.append(
            RuleError("Give the reason the person did not agree or could not answer", field="reason")
        )
    if len(reason) > TEXT_LIMIT or len(notes) > TEXT_LIMIT:
        errors.append(
            RuleError(f"Reasons and notes must be {TEXT_LIMIT:,} characters or fewer", field="reason")
        )
    return AgreementCheck(tuple(errors))


def stored_answer(answer: Agreement, *, first: bool) -> Agreement:
    """The value stored for the person's answer: a later answer to a plan already agreed once is an
    update (updated agreed / updated not agreed); "could not answer" is kept as it is."""
    if first or answer is Agreement.COULD_NOT_ANSWER:
        return answer
    if answer in (Agreement.AGREED, Agreement.UPDATED_AGREED):
        return Agreement.UPDATED_AGREED
    return Agreement.UPDATED_NOT_AGREED
