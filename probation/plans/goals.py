"""The plan's goals document (``Plan.goals``, ``PlanVersion.goals``) read as the rules' ``Goal``
values and written back: one place knows the JSON shape."""

import datetime as dt
from typing import Any

from probation.rules.plans.areas import Area
from probation.rules.plans.content import Actor, Goal, GoalStatus, Step, StepStatus


def step_from_dict(data: dict[str, Any]) -> Step:
    return Step(
        description=str(data.get("description", "")),
        actor=Actor(data.get("actor") or Actor.PERSON),
        status=StepStatus(data.get("status") or StepStatus.NOT_STARTED),
        actor_other=str(data.get("actor_other", "")),
    )


def goal_from_dict(data: dict[str, Any]) -> Goal:
    target = data.get("target_date")
    return Goal(
        key=str(data["key"]),
        title=str(data.get("title", "")),
        area=Area(data["area"]),
        status=GoalStatus(data.get("status") or GoalStatus.ACTIVE),
        target_date=dt.date.fromisoformat(target) if target else None,
        related_areas=tuple(Area(a) for a in data.get("related_areas", ())),
        steps=tuple(step_from_dict(s) for s in data.get("steps", ())),
        notes=str(data.get("notes", "")),
    )


def goals_from(document: list[dict[str, Any]]) -> list[Goal]:
    return [goal_from_dict(item) for item in document]


def step_to_dict(step: Step) -> dict[str, Any]:
    return {
        "description": step.description,
        "actor": step.actor.value,
        "actor_other": step.actor_other,
        "status": step.status.value,
    }


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    return {
        "key": goal.key,
        "title": goal.title,
        "area": goal.area.value,
        "related_areas": [a.value for a in goal.related_areas],
        "status": goal.status.value,
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "notes": goal.notes,
        "steps": [step_to_dict(s) for s in goal.steps],
    }


def goals_document(goals: list[Goal]) -> list[dict[str, Any]]:
    return [goal_to_dict(g) for g in goals]
