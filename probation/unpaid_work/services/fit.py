"""The person's side of the restriction rules, read from their record: active registrations, sex,
and the assessment's placement type, exclusion zones and supervisor restriction."""

from probation.people.models import Person
from probation.risk.models import Registration
from probation.rules.unpaid_work.restrictions import PersonFit, Placement, ProjectFit, SupervisorSex
from probation.unpaid_work.models import Assessment, ProjectDay


def person_fit(*, person: Person, assessment: Assessment | None) -> PersonFit:
    codes = frozenset(
        Registration.objects.active().filter(person=person).values_list("register_type", flat=True)
    )
    return PersonFit(
        registrations=codes,
        female=person.gender == "F",
        placement=Placement(assessment.placement) if assessment else Placement.MIXED,
        excluded_areas=frozenset(assessment.excluded_area_list) if assessment else frozenset(),
        supervisor_sex=SupervisorSex(assessment.supervisor_sex) if assessment else SupervisorSex.ANY,
    )


def project_fit(day: ProjectDay) -> ProjectFit:
    """``day`` with project and supervisor's ``upw_supervisor`` read (or missing)."""
    project = day.project
    profile = getattr(day.supervisor, "upw_supervisor", None)
    return ProjectFit(
        kind=project.kind,
        area=project.area,
        with_children=project.with_children,
        with_adults_at_risk=project.with_adults_at_risk,
        female_only=project.female_only,
        supervisor_sex=profile.sex if profile is not None else "",
    )
