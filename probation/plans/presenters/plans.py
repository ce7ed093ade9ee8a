"""Display rows for the plan pages, so templates hold no logic: the editor's goal blocks (with the
values typed and their errors), the read-only goals, the answer, the due date and the history."""

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from probation.plans.forms.plan import OTHER_DATE
from probation.plans.goals import goals_from
from probation.plans.models import PlanVersion
from probation.plans.selectors.due import PlanDue
from probation.rules.law.dated import day
from probation.rules.plans.areas import AREA_LABELS, Area, Suggestion
from probation.rules.plans.content import (
    ACTOR_LABELS,
    AGREEMENT_LABELS,
    GOAL_STATUS_LABELS,
    STEP_STATUS_LABELS,
    Actor,
    Agreement,
    Goal,
    GoalStatus,
    StepStatus,
    target_date_options,
)
from probation.rules.plans.history import VersionChange, version_changes

Choice = tuple[str, str]


def options_html(choices: tuple[Choice, ...], selected: str) -> SafeString:
    """A select's options with ``selected`` chosen, escaped: the editor repeats its selects for every
    goal and step, and building them here keeps the plan page inside its time budget."""
    return _options(choices, selected)


@lru_cache(maxsize=512)
def _options(choices: tuple[Choice, ...], selected: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, mark_safe(" selected") if value == selected else "", label) for value, label in choices),
    )


def related_html(prefix: str, choices: tuple[Choice, ...], checked: list[str]) -> SafeString:
    """The related-area checkboxes of one goal (GOV.UK checkboxes markup), escaped."""
    return format_html_join(
        "",
        '<div class="govuk-checkboxes__item">'
        '<input class="govuk-checkboxes__input" id="{0}-related-{1}" name="{0}-related" type="checkbox" '
        'value="{1}"{2}><label class="govuk-label govuk-checkboxes__label" for="{0}-related-{1}">{3}</label>'
        "</div>",
        (
            (prefix, value, mark_safe(" checked") if value in checked else "", label)
            for value, label in choices
        ),
    )


AREA_CHOICES: tuple[Choice, ...] = tuple((a.value, label) for a, label in AREA_LABELS.items())
STATUS_CHOICES: tuple[Choice, ...] = tuple((s.value, label) for s, label in GOAL_STATUS_LABELS.items())
ACTOR_CHOICES: tuple[Choice, ...] = tuple((a.value, label) for a, label in ACTOR_LABELS.items())
STEP_STATUS_CHOICES: tuple[Choice, ...] = tuple((s.value, label) for s, label in STEP_STATUS_LABELS.items())
AREA_OPTIONS: tuple[Choice, ...] = (("", "Choose an area"), *AREA_CHOICES)
GOAL_TAGS = {
    GoalStatus.ACTIVE: "govuk-tag govuk-tag--blue",
    GoalStatus.FUTURE: "govuk-tag govuk-tag--grey",
    GoalStatus.ACHIEVED: "govuk-tag govuk-tag--green",
    GoalStatus.REMOVED: "govuk-tag govuk-tag--red",
}
ANSWER_TAGS = {
    Agreement.AGREED: "govuk-tag govuk-tag--green",
    Agreement.UPDATED_AGREED: "govuk-tag govuk-tag--green",
    Agreement.NOT_AGREED: "govuk-tag govuk-tag--red",
    Agreement.UPDATED_NOT_AGREED: "govuk-tag govuk-tag--red",
    Agreement.COULD_NOT_ANSWER: "govuk-tag govuk-tag--yellow",
}


@dataclass
class StepBlock:
    prefix: str
    description: str = ""
    actor: str = Actor.PERSON.value
    actor_other: str = ""
    status: str = StepStatus.NOT_STARTED.value
    new: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def actor_options(self) -> SafeString:
        return options_html(ACTOR_CHOICES, self.actor)

    @property
    def status_options(self) -> SafeString:
        return options_html(STEP_STATUS_CHOICES, self.status)


@dataclass
class GoalBlock:
    index: int
    prefix: str
    key: str
    title: str
    area: str
    related: list[str]
    status: str
    target_choice: str
    target_day: str
    target_month: str
    target_year: str
    notes: str
    steps: list[StepBlock]
    new: bool
    heading: str
    errors: dict[str, str] = field(default_factory=dict)

    target_choices: tuple[Choice, ...] = ()

    @property
    def step_count(self) -> int:
        return len(self.steps)

    @property
    def area_options(self) -> SafeString:
        return options_html(AREA_OPTIONS, self.area)

    @property
    def status_options(self) -> SafeString:
        return options_html(STATUS_CHOICES, self.status)

    @property
    def target_options(self) -> SafeString:
        return options_html(self.target_choices, self.target_choice)

    @property
    def related_checkboxes(self) -> SafeString:
        return related_html(self.prefix, AREA_CHOICES, self.related)


def _step_blocks(prefix: str, steps: list[dict[str, Any]], errors: dict[str, str]) -> list[StepBlock]:
    blocks = [
        StepBlock(
            prefix=f"{prefix}-step-{j}",
            description=s.get("description", ""),
            actor=s.get("actor", Actor.PERSON.value),
            actor_other=s.get("actor_other", ""),
            status=s.get("status", StepStatus.NOT_STARTED.value),
        )
        for j, s in enumerate(steps)
    ]
    blocks.append(StepBlock(prefix=f"{prefix}-step-{len(steps)}", new=True))
    for block in blocks:
        block.errors = {
            k.removeprefix(block.prefix + "-"): v
            for k, v in errors.items()
            if k.startswith(block.prefix + "-")
        }
    return blocks


def goal_blocks(
    goals: list[dict[str, Any]],
    *,
    next_key: str,
    today: dt.date,
    errors: dict[str, str] | None = None,
    suggested_area: str = "",
) -> list[GoalBlock]:
    """Every goal of the plan, then one empty goal to add (carrying the key it will be saved under)."""
    errors = errors or {}
    targets = target_choices(today)
    blocks = []
    for i, goal in enumerate([*goals, {"key": next_key, "area": suggested_area, "new": True}]):
        prefix = f"goal-{i}"
        target = goal.get("target_date")
        date = dt.date.fromisoformat(target) if target else None
        block = GoalBlock(
            index=i,
            prefix=prefix,
            key=goal["key"],
            title=goal.get("title", ""),
            area=goal.get("area", ""),
            related=list(goal.get("related_areas", [])),
            status=goal.get("status", GoalStatus.ACTIVE.value),
            target_choice=OTHER_DATE if date else "",
            target_day=str(date.day) if date else "",
            target_month=str(date.month) if date else "",
            target_year=str(date.year) if date else "",
            notes=goal.get("notes", ""),
            steps=[],
            new=bool(goal.get("new")),
            heading="Add a goal" if goal.get("new") else f"Goal {i + 1}",
            target_choices=targets,
        )
        block.steps = _step_blocks(prefix, goal.get("steps", []), errors)
        block.errors = {
            k.removeprefix(prefix + "-"): v
            for k, v in errors.items()
            if k.startswith(prefix + "-") and "-step-" not in k
        }
        blocks.append(block)
    return blocks


def target_choices(today: dt.date) -> tuple[Choice, ...]:
    return (
        ("", "No target date yet"),
        *(
            (str(months), f"{months} months from today ({day(on)})")
            for months, on in target_date_options(today)
        ),
        (OTHER_DATE, "Another date (enter it below)"),
    )


@dataclass(frozen=True)
class StepRow:
    description: str
    who: str
    status: str


@dataclass(frozen=True)
class GoalRow:
    title: str
    area: str
    related: str
    status: str
    tag: str
    target_date: dt.date | None
    steps: tuple[StepRow, ...]
    notes: str


def goal_rows(goals: list[Goal]) -> list[GoalRow]:
    return [
        GoalRow(
            title=g.title,
            area=AREA_LABELS[g.area],
            related=", ".join(AREA_LABELS[a] for a in g.related_areas),
            status=GOAL_STATUS_LABELS[g.status],
            tag=GOAL_TAGS[g.status],
            target_date=g.target_date,
            steps=tuple(
                StepRow(s.description, s.actor_other or ACTOR_LABELS[s.actor], STEP_STATUS_LABELS[s.status])
                for s in g.steps
            ),
            notes=g.notes,
        )
        for g in goals
    ]


def goal_rows_by_status(goals: list[Goal]) -> list[tuple[str, list[GoalRow]]]:
    """Goals grouped as the person reads them: now, later, achieved, removed (empty groups left out)."""
    groups = []
    for status, heading in (
        (GoalStatus.ACTIVE, "Goals to work on now"),
        (GoalStatus.FUTURE, "Future goals"),
        (GoalStatus.ACHIEVED, "Achieved goals"),
        (GoalStatus.REMOVED, "Removed goals"),
    ):
        rows = goal_rows([g for g in goals if g.status is status])
        if rows:
            groups.append((heading, rows))
    return groups


@dataclass(frozen=True)
class AnswerRow:
    number: int
    label: str
    tag: str
    reason: str
    notes: str
    answered_on: dt.date
    recorded_by: str
    goals: int
    changes: tuple[VersionChange, ...]


def _name(user: object) -> str:
    staff = getattr(user, "staff", None)
    return staff.name if staff is not None else str(user or "")


def answer_row(version: PlanVersion, previous: PlanVersion | None = None) -> AnswerRow:
    answer = Agreement(version.agreement)
    changes = version_changes(
        goals_from(previous.goals) if previous else None,
        goals_from(version.goals),
        old_answer=Agreement(previous.agreement) if previous else None,
        new_answer=answer,
    )
    return AnswerRow(
        number=version.number,
        label=AGREEMENT_LABELS[answer],
        tag=ANSWER_TAGS[answer],
        reason=version.reason,
        notes=version.notes,
        answered_on=version.answered_on,
        recorded_by=_name(version.recorded_by),
        goals=len(version.goals),
        changes=tuple(changes),
    )


def history_rows(versions: list[PlanVersion]) -> list[AnswerRow]:
    """Newest first, each with what changed since the one before it."""
    ordered = sorted(versions, key=lambda v: v.number)
    rows = [answer_row(v, ordered[i - 1] if i else None) for i, v in enumerate(ordered)]
    return list(reversed(rows))


@dataclass(frozen=True)
class DueRow:
    heading: str
    due_on: dt.date
    overdue: bool
    reasons: tuple[str, ...]


def due_row(due: PlanDue | None, today: dt.date) -> DueRow | None:
    if due is None:
        return None
    heading = "First plan due" if due.kind == "first" else "Review due"
    return DueRow(heading, due.due_on, due.overdue(today), due.reasons)


@dataclass(frozen=True)
class SuggestionRow:
    area: str
    label: str
    severity: str
    reasons: tuple[str, ...]


def suggestion_rows(suggestions: list[Suggestion]) -> list[SuggestionRow]:
    return [SuggestionRow(s.area.value, s.label, str(s.severity), s.reasons) for s in suggestions]


def planned_areas(goals: list[Goal]) -> frozenset[Area]:
    return frozenset(g.area for g in goals if g.status in (GoalStatus.ACTIVE, GoalStatus.FUTURE))
