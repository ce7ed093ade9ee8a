"""Writing a sentence plan: start it, save its draft (the Save button and the autosave alike), and
record the person's answer, which keeps the goals as a numbered version (interventions.md § Sentence
plan; ADR 0032 for the autosave pattern).

Saves use optimistic locking (ADR 0005): the caller names the version it read; if the plan moved on,
nothing is written and ``ConflictError`` says so. Only the case's officers and managers write
(``may_edit_plan``). Every change is audited with what changed (goal keys, counts, the answer), never
the person's words.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound
from probation.people.models import Person
from probation.plans.goals import goal_from_dict, goals_document, goals_from
from probation.plans.models import Plan, PlanVersion
from probation.plans.selectors.plans import may_edit_plan
from probation.risk.models import RoshAssessment
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.plans.content import Agreement, check_agreement, check_goal, stored_answer

CONFLICT_MESSAGE = (
    "This plan was changed in another window. Your changes have not been saved. "
    "Copy anything you need, then reload the plan to see the latest version."
)
PLAN = "sentence_plan"


def _audit(*, actor: User, plan: Plan, action: AuditAction, detail: dict[str, Any]) -> None:
    audit_record(
        actor=actor, action=action, crn=plan.person.crn, object_type=PLAN, object_id=plan.pk, detail=detail
    )


def plan_start(*, actor: User, person: Person) -> Plan:
    """The person's plan, created (empty) on the first visit of someone who may write it. Refuses
    (``NotFound``) anyone else when there is none yet."""
    existing = Plan.objects.filter(person=person).first()
    if existing is not None:
        existing.person = person
        return existing
    if not may_edit_plan(actor, person):
        raise NotFound(person.crn)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        existing = Plan.objects.filter(person=person).first()
        if existing is not None:  # opened in two tabs at once: the first made it
            existing.person = person
            return existing
        plan = Plan.objects.create(person=person, created_by=actor, last_saved_by=actor)
        plan.person = person
        _audit(actor=actor, plan=plan, action=AuditAction.CREATE, detail={})
    return plan


@dataclass(frozen=True)
class DraftSaved:
    plan: Plan
    changed: bool
    problems: list[RuleError]  # what must be put right before the plan can be agreed


def plan_problems(plan: Plan, *, today: dt.date) -> list[RuleError]:
    return [error for goal in goals_from(plan.goals) for error in check_goal(goal, today=today)]


def _new_key_number(plan: Plan, key: str) -> int | None:
    """The number of a key the editor offered for a new goal (``g<n>``, n at least ``next_goal``):
    the empty goal carries its key from the start, so the autosave after it was first saved updates
    it rather than adding it again."""
    if key.startswith("g") and key[1:].isdigit() and int(key[1:]) >= plan.next_goal:
        return int(key[1:])
    return None


def _merge(plan: Plan, goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The goals as typed, over what was saved (a field that did not parse is absent from ``goals``
    and keeps its saved value). A new goal needs its area; a key neither saved nor offered is
    refused."""
    saved = {g["key"]: g for g in plan.goals}
    merged = []
    for goal in goals:
        key = goal.get("key") or ""
        if key not in saved:
            number = _new_key_number(plan, key)
            if number is None:
                raise RuleError("This plan was changed in another window: reload it", field="goals")
            if "area" not in goal:
                continue
            plan.next_goal = number + 1
            goal = {"target_date": None, **goal}
        merged.append(saved.get(key, {}) | goal)
    kept = {g["key"] for g in merged}
    # A goal is never dropped by a save: the editor shows them all; "removed" is a status.
    merged.extend(g for g in plan.goals if g["key"] not in kept)
    return goals_document([goal_from_dict(g) for g in merged])


def plan_save_draft(
    *, actor: User, person: Person, expected_version: int, goals: list[dict[str, Any]], autosave: bool = False
) -> DraftSaved:
    """Save the goals and steps as typed. A draft may be unfinished (a goal with no step, no target
    date): what must be put right before agreeing is returned, not refused."""
    if expected_version == 0:  # the editor was opened before the plan existed: start it
        plan_start(actor=actor, person=person)
        expected_version = 1
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(person=person).first()
        if plan is None or not may_edit_plan(actor, person):
            raise NotFound(person.crn)
        plan.person = person
        if plan.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        before = plan.goals
        plan.goals = _merge(plan, goals)
        changed = plan.goals != before
        if changed:
            plan.version += 1
            plan.last_saved_by = actor
            plan.changed_since_agreed = plan.versions_count > 0
            plan.save()
            _audit(
                actor=actor,
                plan=plan,
                action=AuditAction.UPDATE,
                detail={
                    "goals": [g["key"] for g in plan.goals],
                    "steps": sum(len(g["steps"]) for g in plan.goals),
                    "version": plan.version,
                    "autosave": autosave,
                },
            )
    return DraftSaved(plan=plan, changed=changed, problems=plan_problems(plan, today=today_uk()))


def _rosh_now(person: Person) -> str:
    latest = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-id").first()
    return latest.overall_level if latest else ""


def plan_record_answer(
    *,
    actor: User,
    person: Person,
    expected_version: int,
    answer: Agreement,
    reason: str = "",
    notes: str = "",
    answered_on: dt.date | None = None,
) -> PlanVersion:
    """Record the person's answer to the plan as it stands: the goals are kept as the next numbered
    version with the answer. Refused (nothing written) unless there is an active goal and each active
    goal has a step, every goal is complete, and a reason is given for "not agreed" or "could not
    answer"."""
    today = today_uk()
    answered_on = answered_on or today
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(person=person).first()
        if not may_edit_plan(actor, person):
            raise NotFound(person.crn)
        if plan is None:
            raise RuleErrors(
                [RuleError("Add at least one goal to work on now before agreeing the plan", field="goals")]
            )
        plan.person = person
        if plan.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE, changes=[])
        if answered_on > today:
            raise RuleError("The date of the person's answer cannot be in the future", field="answered_on")
        goals = goals_from(plan.goals)
        errors = list(check_agreement(goals, answer=answer, reason=reason, notes=notes).errors)
        errors += plan_problems(plan, today=today)
        if errors:
            raise RuleErrors(errors)
        stored = stored_answer(answer, first=plan.versions_count == 0)
        version = PlanVersion.objects.create(
            plan=plan,
            number=plan.versions_count + 1,
            goals=plan.goals,
            agreement=stored,
            reason=reason.strip()
            if stored != Agreement.AGREED and stored != Agreement.UPDATED_AGREED
            else "",
            notes=notes,
            answered_on=answered_on,
            recorded_by=actor,
        )
        plan.versions_count = version.number
        plan.agreed_on = answered_on
        plan.rosh_at_agreement = _rosh_now(person)
        plan.changed_since_agreed = False
        plan.version += 1
        plan.last_saved_by = actor
        plan.save()
        _audit(
            actor=actor,
            plan=plan,
            action=AuditAction.UPDATE,
            detail={"answer": str(stored), "plan_version": version.number, "goals": [g.key for g in goals]},
        )
    return version
