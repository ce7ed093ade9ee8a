"""Reads of the RAR activities of one requirement (the person comes from the scoped case selectors)."""

from django.db.models import QuerySet

from probation.people.models import Person
from probation.plans.models import RarActivity
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement


def rar_requirements(person: Person) -> list[Requirement]:
    """The person's current rehabilitation activity requirements (the plan page links each one's
    structured interventions and toolkits)."""
    return list(
        Requirement.objects.filter(
            sentence__person=person,
            sentence__terminated_on__isnull=True,
            terminated_on__isnull=True,
            type=RequirementType.REHABILITATION_ACTIVITY,
        )
        .only("id", "ordered", "done", "start_date")
        .order_by("start_date", "id")
    )


def rar_activity_list(*, requirement: Requirement) -> QuerySet[RarActivity]:
    """Every structured intervention and toolkit session of the requirement, soonest first, with the
    contact's date, type and outcome (never its notes)."""
    return (
        RarActivity.objects.filter(requirement=requirement)
        .select_related("contact")
        .only(
            "id",
            "intervention",
            "toolkit_name",
            "requirement_id",
            "contact__id",
            "contact__starts_at",
            "contact__type",
            "contact__outcome",
            "contact__cancelled_at",
        )
        .order_by("contact__starts_at", "id")
    )
