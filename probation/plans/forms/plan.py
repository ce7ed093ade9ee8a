"""The plan editor's form, read from the POST: shape only (known choices, real dates, lengths). The
rules that need the whole plan (a target date not in the past, a step for every active goal before
agreeing) are the rules package's, run by the service.

The editor shows every goal of the plan and one empty goal to add, each with its steps and one empty
step to add; field names are ``goal-<i>-<field>`` and ``goal-<i>-step-<j>-<field>``. An empty goal
or step (nothing typed) is not added. A field that does not parse keeps what was saved before and is
reported, so an autosave never loses the rest of the page (ADR 0032).
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.http import QueryDict

from probation.frontend.forms.dates import MAX_YEAR, MIN_YEAR
from probation.rules.calendar.periods import add_months
from probation.rules.plans.areas import Area
from probation.rules.plans.content import TARGET_MONTHS, TEXT_LIMIT, Actor, GoalStatus, StepStatus

MAX_GOALS = 30
MAX_STEPS = 30
OTHER_DATE = "date"


@dataclass
class ParsedPlan:
    version: int | None
    goals: list[dict[str, Any]] = field(default_factory=list)  # new goals have key ""
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message


def _count(data: QueryDict, name: str, limit: int) -> int:
    try:
        return max(0, min(int(data.get(name, "0")), limit))
    except ValueError:
        return 0


def _choice(value: str, allowed: type[StrEnum], default: str) -> str:
    return value if value in {m.value for m in allowed} else default


def _text(data: QueryDict, name: str, errors: dict[str, str], label: str) -> str:
    value = data.get(name, "")
    if len(value) > TEXT_LIMIT:
        errors[name] = f"{label} must be {TEXT_LIMIT:,} characters or fewer"
        return value[:TEXT_LIMIT]
    return value


def _date(data: QueryDict, prefix: str, errors: dict[str, str]) -> tuple[bool, dt.date | None]:
    parts = [data.get(f"{prefix}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        errors[f"{prefix}-day"] = "Enter the target date"
        return False, None
    try:
        day, month, year = (int(p) for p in parts)
        value = dt.date(year, month, day)
    except ValueError:
        errors[f"{prefix}-day"] = "The target date must be a real date"
        return False, None
    if not MIN_YEAR <= value.year <= MAX_YEAR or len(parts[2]) != 4:
        errors[f"{prefix}-day"] = "The target date must be a real date"
        return False, None
    return True, value


def _target(data: QueryDict, p: str, today: dt.date, errors: dict[str, str]) -> tuple[bool, str | None]:
    """(parsed, ISO date or None). Not parsed: keep what was saved."""
    choice = data.get(f"{p}-target", "")
    if choice in {str(m) for m in TARGET_MONTHS}:
        return True, add_months(today, int(choice)).isoformat()
    if choice == OTHER_DATE:
        ok, value = _date(data, f"{p}-target", errors)
        return ok, value.isoformat() if value else None
    return True, None


def _steps(data: QueryDict, p: str, errors: dict[str, str]) -> list[dict[str, Any]]:
    steps = []
    for j in range(_count(data, f"{p}-step-count", MAX_STEPS)):
        s = f"{p}-step-{j}"
        description = _text(data, f"{s}-description", errors, "A step")
        if not description.strip():
            continue
        steps.append(
            {
                "description": description,
                "actor": _choice(data.get(f"{s}-actor", ""), Actor, Actor.PERSON),
                "actor_other": data.get(f"{s}-actor_other", "")[:200],
                "status": _choice(data.get(f"{s}-status", ""), StepStatus, StepStatus.NOT_STARTED),
            }
        )
    return steps


def parse_plan(data: QueryDict, *, today: dt.date) -> ParsedPlan:
    try:
        version: int | None = int(data.get("version", ""))
    except ValueError:
        version = None
    parsed = ParsedPlan(version=version)
    errors = parsed.errors
    for i in range(_count(data, "goal-count", MAX_GOALS)):
        p = f"goal-{i}"
        title = _text(data, f"{p}-title", errors, "The goal")
        steps = _steps(data, p, errors)
        key = data.get(f"{p}-key", "")
        if data.get(f"{p}-new") and not title.strip() and not steps:
            continue  # the empty goal left empty
        area = data.get(f"{p}-area", "")
        if area not in {a.value for a in Area}:
            errors[f"{p}-area"] = "Select the area of need"
        parsed_date, target = _target(data, p, today, errors)
        goal: dict[str, Any] = {
            "key": key,
            "title": title,
            "related_areas": [
                a for a in data.getlist(f"{p}-related") if a in {x.value for x in Area} and a != area
            ],
            "status": _choice(data.get(f"{p}-status", ""), GoalStatus, GoalStatus.ACTIVE),
            "notes": _text(data, f"{p}-notes", errors, "Notes"),
            "steps": steps,
        }
        if area in {a.value for a in Area}:
            goal["area"] = area
        if parsed_date:
            goal["target_date"] = target
        parsed.goals.append(goal)
    return parsed
