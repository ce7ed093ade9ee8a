"""Reads of sentence plans. The person always comes from people's scoped selectors (``case_get``),
so these only narrow to that person; the plan is the person's, so it is as visible as the case."""

from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.assessments.models import Assessment
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.plans.models import Plan, PlanVersion
from probation.rules.plans.areas import SectionNeed
from probation.rules.tiering import NeedSection
from probation.rules.tiering.needs import score_section


def may_edit_plan(user: User, person: Person) -> bool:
    """The case's officers and their managers: PLAN_MANAGE (practitioners and senior POs) in the
    case's managing PDU, as every change to a case (people.policy.can_change_case)."""
    return can_change_case(user, person, Permission.PLAN_MANAGE)


def plan_for(person: Person) -> Plan | None:
    plan = Plan.objects.filter(person=person).select_related("last_saved_by__staff").first()
    if plan is not None:
        plan.person = person
    return plan


def plan_versions(plan: Plan) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan=plan).select_related("recorded_by__staff")


def plan_version_get(*, person: Person, number: int) -> PlanVersion:
    """One answered version of this person's plan; another person's (or none) looks missing."""
    version = (
        PlanVersion.objects.filter(plan__person=person, number=number)
        .select_related("recorded_by__staff")
        .first()
    )
    if version is None:
        raise NotFound(number)
    return version


def latest_needs(person: Person) -> tuple[Assessment | None, list[SectionNeed]]:
    """The latest completed needs assessment and each scored section's severity and score
    (tiering's ``score_section``: the same severity the assessment page and the tier show)."""
    latest = (
        Assessment.objects.completed()
        .filter(person=person)
        .only("id", "answers", "completed_at", "person_id")
        .order_by("-completed_at", "-id")
        .first()
    )
    if latest is None:
        return None, []
    needs = []
    for need in NeedSection:
        scored = score_section(need, latest.answers.get(str(need), {}))  # reads its own questions only
        needs.append(
            SectionNeed(need, scored.severity, scored.score if scored.severity is not None else None)
        )
    return latest, needs
