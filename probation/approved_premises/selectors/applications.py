"""Reads of applications and assessments, scoped to the user.

A case's applications are read through the case shell (the case policy has already allowed the
person). The assessors' list is routed by qualification (probation.approved_premises.policy) and
holds only people the user may open."""

from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.models import Application, ApplicationStatus, Assessment
from probation.approved_premises.policy import assessments_routed_to
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import can_change_case, people_visible_to


def applications_for_person(*, user: User, person: Person) -> list[Application]:
    if not has_permission(user, Permission.AP_ESTATE_VIEW):
        return []
    return list(
        Application.objects.filter(person=person)
        .select_related("assessment", "created_by")
        .prefetch_related("placement_requests__bookings__premises", "assessment__information_requests")
        .order_by("-created_at")
    )


def application_get(*, user: User, person: Person, application_id: int) -> Application:
    found = next(
        (a for a in applications_for_person(user=user, person=person) if a.pk == application_id), None
    )
    if found is None:
        raise NotFound(application_id)
    return found


def may_apply(user: User, person: Person) -> bool:
    return can_change_case(user, person, Permission.AP_APPLY)


def may_edit(user: User, application: Application) -> bool:
    return application.status == ApplicationStatus.DRAFT and may_apply(user, application.person)


def open_assessments(user: User) -> QuerySet[Assessment]:
    """Assessments waiting for a decision that this user may take, soonest deadline first."""
    if not has_permission(user, Permission.AP_ASSESS):
        return Assessment.objects.none()
    queryset = Assessment.objects.filter(decision="", application__person__in=people_visible_to(user))
    return (
        assessments_routed_to(user, queryset)
        .select_related("application__person", "assessor")
        .order_by("due_at", "pk")
    )


def assessment_for(*, user: User, application: Application) -> Assessment | None:
    """The application's assessment if this user may assess it (routing applies), else None."""
    if not has_permission(user, Permission.AP_ASSESS):
        return None
    return assessments_routed_to(user, Assessment.objects.filter(application=application)).first()
