"""What changed between two agreed versions of a sentence plan (interventions.md: versioned, history
kept). Goals are matched by their key, so a goal reworded, moved to another area or achieved reads as
a change to that goal, not as one removed and another added."""

from collections.abc import Sequence
from dataclasses import dataclass

from probation.rules.law.dated import day
from probation.rules.plans.areas import AREA_LABELS
from probation.rules.plans.content import (
    ACTOR_LABELS,
    AGREEMENT_LABELS,
    GOAL_STATUS_LABELS,
    STEP_STATUS_LABELS,
    Agreement,
    Goal,
    Step,
)


@dataclass(frozen=True)
class VersionChange:
    goal: str  # the goal's title in the newer version ("" for the plan as a whole)
    what: str  # one line in plain English


def _step_line(step: Step) -> str:
    who = step.actor_other or ACTOR_LABELS[step.actor]
    return f"{step.description} ({who}, {STEP_STATUS_LABELS[step.status].lower()})"


def _goal_changes(old: Goal, new: Goal) -> list[str]:
    lines = []
    if old.title != new.title:
        lines.append(f"Reworded from “{old.title}”")
    if old.area != new.area:
        lines.append(f"Area of need changed from {AREA_LABELS[old.area]} to {AREA_LABELS[new.area]}")
    if old.status != new.status:
        lines.append(
            f"Status changed from {GOAL_STATUS_LABELS[old.status].lower()} "
            f"to {GOAL_STATUS_LABELS[new.status].lower()}"
        )
    if old.target_date != new.target_date:
        when = day(new.target_date) if new.target_date else "none"
        lines.append(f"Target date changed to {when}")
    if set(old.related_areas) != set(new.related_areas):
        lines.append("Related areas changed")
    old_steps = {s.description: s for s in old.steps}
    new_steps = {s.description: s for s in new.steps}
    for text, step in new_steps.items():
        before = old_steps.get(text)
        if before is None:
            lines.append(f"Step added: {_step_line(step)}")
        elif before != step:
            lines.append(f"Step changed: {_step_line(step)}")
    lines.extend(f"Step removed: {text}" for text in old_steps if text not in new_steps)
    if old.notes != new.notes:
        lines.append("Notes changed")
    return lines


def version_changes(
    old: Sequence[Goal] | None,
    new: Sequence[Goal],
    *,
    old_answer: Agreement | None = None,
    new_answer: Agreement | None = None,
) -> list[VersionChange]:
    """Every difference from ``old`` to ``new`` (``old`` None: the first version), goals in the new
    version's order, then goals no longer in the plan, then the person's answer."""
    if old is None:
        return [VersionChange(g.title, "Goal added") for g in new]
    before = {g.key: g for g in old}
    changes = []
    for goal in new:
        previous = before.get(goal.key)
        if previous is None:
            changes.append(VersionChange(goal.title, "Goal added"))
            continue
        changes.extend(VersionChange(goal.title, line) for line in _goal_changes(previous, goal))
    kept = {g.key for g in new}
    changes.extend(VersionChange(g.title, "Goal taken out of the plan") for g in old if g.key not in kept)
    if old_answer is not None and new_answer is not None and old_answer != new_answer:
        changes.append(
            VersionChange(
                "",
                f"The person's answer changed from “{AGREEMENT_LABELS[old_answer]}” "
                f"to “{AGREEMENT_LABELS[new_answer]}”",
            )
        )
    return changes
