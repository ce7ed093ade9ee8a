"""Reads of RoSH assessments and the risk management plan, for a person already loaded through people's
scoped selector: another person's assessment is "not found" exactly like a missing one."""

from django.db.models import QuerySet

from probation.core.errors import NotFound
from probation.people.models import Person, PersonChange
from probation.risk.models import RiskManagementPlan, RoshAssessment
from probation.risk.services.rosh import RMP_ENTITY

HISTORY_LIMIT = 50


def rosh_assessment_list(*, person: Person) -> QuerySet[RoshAssessment]:
    """Every assessment of the person, newest first."""
    return (
        RoshAssessment.objects.filter(person=person)
        .select_related("assessor")
        .order_by("-assessed_on", "-id")
    )


def rosh_assessment_get(*, person: Person, assessment_id: int) -> RoshAssessment:
    """One assessment of this person; another person's is "not found"."""
    found = rosh_assessment_list(person=person).filter(pk=assessment_id).first()
    if found is None:
        raise NotFound(assessment_id)
    return found


def risk_management_plan_get(*, person: Person) -> RiskManagementPlan | None:
    return RiskManagementPlan.objects.filter(person=person).select_related("rosh_assessment").first()


def risk_management_plan_history(*, plan: RiskManagementPlan) -> QuerySet[PersonChange]:
    return (
        PersonChange.objects.filter(entity=RMP_ENTITY, entity_id=plan.pk)
        .select_related("changed_by__staff")
        .order_by("-version")[:HISTORY_LIMIT]
    )
