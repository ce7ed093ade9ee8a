"""The project sessions of the user's PDU for one person: those that fit (suggested) and those that do
not, each with every reason (probation.rules.unpaid_work.restrictions)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F

from probation.accounts.models import User
from probation.core.clock import today_uk
from probation.people.models import Person
from probation.rules.sentences.requirements import unpaid_work_deadline
from probation.rules.unpaid_work.incentive import EarnedReduction, WorkEvent, earned_reduction, ete_allowance
from probation.rules.unpaid_work.restrictions import refusals
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Assessment, Place, ProjectDay
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


# Sentencing Act 2020 order types as nDelius codes: community order 340, suspended sentence order 341.
ORDER_TYPE_CODES = {"community_order": "340", "suspended_sentence_order": "341"}


@dataclass(frozen=True)
class RequirementSummary:
    ordered: int  # minutes
    credited: int
    remaining: int
    deadline: dt.date
    ete_allowed: int
    reduction: EarnedReduction


def requirement_summary(*, requirement: Requirement) -> RequirementSummary:
    """What officers and staff see of the order (unpaid-work.md § What officers see): minutes ordered,
    credited and left, the 12-month deadline, the ETE allowance and the earned reduction. One query
    for the sessions recorded on sheets (sub-type W01 assumed: requirements record none yet)."""
    order_date = requirement.sentence.sentence_date
    ordered = (requirement.ordered or 0) * 60
    places = Place.objects.filter(allocation__requirement=requirement).select_related("contact")
    events = [
        WorkEvent(
            date=p.session_date,
            minutes=p.credited_minutes + p.travel_minutes,
            outcome=p.contact.outcome,
            enforceable=p.contact.is_failure_to_comply,
        )
        for p in places.annotate(session_date=F("session__date"))
    ]
    return RequirementSummary(
        ordered=ordered,
        credited=requirement.done_minutes,
        remaining=ordered - requirement.done_minutes,
        deadline=unpaid_work_deadline(order_date),
        ete_allowed=ete_allowance(ordered_minutes=ordered, order_date=order_date),
        reduction=earned_reduction(
            order_type=ORDER_TYPE_CODES.get(requirement.sentence.type, ""),
            sub_type="W01",
            order_date=order_date,
            ordered_minutes=ordered,
            events=events,
        ),
    )
