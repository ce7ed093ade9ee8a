"""The project sessions of the user's PDU for one person: those that fit (suggested) and those that do
not, each with every reason (probation.rules.unpaid_work.restrictions)."""

from dataclasses import dataclass

from probation.accounts.models import User
from probation.core.clock import today_uk
from probation.people.models import Person
from probation.rules.unpaid_work.restrictions import refusals
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Assessment, ProjectDay
from probation.unpaid_work.services.fit import person_fit, project_fit
from probation.unpaid_work.services.projects import staff_pdu_id


@dataclass(frozen=True)
class DayOption:
    day: ProjectDay
    label: str
    reasons: list[str]
    available: bool  # on a day the assessment says the person is available


def assessment_for(*, requirement: Requirement) -> Assessment | None:
    """The requirement's assessment (the caller loaded the requirement through the case policy)."""
    return Assessment.objects.filter(requirement=requirement).first()


def allocation_options(*, user: User, person: Person, requirement: Requirement) -> list[DayOption]:
    assessment = assessment_for(requirement=requirement)
    fit = person_fit(person=person, assessment=assessment)
    today = today_uk()
    days = (
        ProjectDay.objects.filter(project__pdu_id=staff_pdu_id(user))
        .exclude(project__ends_on__lt=today)
        .select_related("project", "supervisor__upw_supervisor")
        .order_by("project__name", "weekday", "starts_at")
    )
    available = set(assessment.available_days) if assessment and assessment.available_days else set(range(7))
    options = [
        DayOption(
            day=day,
            label=f"{day.project.name}: {day} (capacity {day.capacity}, supervisor {day.supervisor.name})",
            reasons=refusals(fit, project_fit(day)),
            available=day.weekday in available,
        )
        for day in days
    ]
    # Suggested first: those that fit on a day the person is available.
    return sorted(options, key=lambda o: (bool(o.reasons), not o.available))
