"""The project sessions of the user's PDU for one person: those that fit (suggested) and those that do
not, each with every reason (probation.rules.unpaid_work.restrictions)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max

from probation.accounts.models import User
from probation.contacts.models import Contact
from probation.contacts.times import local
from probation.core.clock import today_uk
from probation.people.models import Person
from probation.rules.unpaid_work.deadlines import Extension, completion_deadline
from probation.rules.unpaid_work.incentive import EarnedReduction, WorkEvent, earned_reduction, ete_allowance
from probation.rules.unpaid_work.restrictions import refusals
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Assessment, DeadlineExtension, EteCredit, ProjectDay
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
    deadline: dt.date  # in force: the latest extension's, else 12 months from the order
    extensions: list[DeadlineExtension]
    ete_allowed: int
    ete_used: int
    reduction: EarnedReduction

    @property
    def ete_left(self) -> int:
        return max(self.ete_allowed - self.ete_used, 0)

    @property
    def required(self) -> int:
        """The minutes still to work once the earned reduction so far is taken off."""
        return max(self.remaining - self.reduction.discount, 0)


def requirement_summary(*, requirement: Requirement) -> RequirementSummary:
    """What officers and staff see of the order (unpaid-work.md § What officers see): minutes ordered,
    credited and left, the deadline in force (with the court's extensions), the ETE allowance and use,
    and the earned reduction. The reduction reads every outcome on the order, oldest first: sessions,
    ETE time and appointments the officer recorded alike (Contact.credited is minutes, ADR 0048), so
    any unacceptable outcome loses it. Three queries (sub-type W01 assumed: requirements record none)."""
    order_date = requirement.sentence.sentence_date
    ordered = (requirement.ordered or 0) * 60
    contacts = (
        Contact.objects.filter(requirement=requirement, is_appointment=True)
        .exclude(outcome="")
        .only("id", "type", "outcome", "credited", "starts_at", "requirement_id", "licence_condition_id")
    )
    events = [
        WorkEvent(
            date=local(c.starts_at).date(),
            minutes=c.credited,
            outcome=c.outcome,
            enforceable=c.is_failure_to_comply,
        )
        for c in contacts
    ]
    extensions = list(DeadlineExtension.objects.filter(requirement=requirement).select_related("recorded_by"))
    return RequirementSummary(
        ordered=ordered,
        credited=requirement.done_minutes,
        remaining=ordered - requirement.done_minutes,
        deadline=completion_deadline(
            order_date, [Extension(e.granted_on, e.new_deadline) for e in extensions]
        ),
        extensions=extensions,
        ete_allowed=ete_allowance(ordered_minutes=ordered, order_date=order_date),
        ete_used=sum(EteCredit.objects.filter(requirement=requirement).values_list("minutes", flat=True)),
        reduction=earned_reduction(
            order_type=ORDER_TYPE_CODES.get(requirement.sentence.type, ""),
            sub_type="W01",
            order_date=order_date,
            ordered_minutes=ordered,
            events=events,
        ),
    )


def extended_deadlines(requirement_ids: list[int] | None = None) -> dict[int, dt.date]:
    """The latest extended deadline of each requirement that has one (for the at-risk list and My
    work, which otherwise count 12 months from the start); None: every requirement. One query."""
    extensions = DeadlineExtension.objects.all()
    if requirement_ids is not None:
        extensions = extensions.filter(requirement_id__in=requirement_ids)
    return dict(
        extensions.order_by()
        .values("requirement_id")
        .annotate(latest=Max("new_deadline"))
        .values_list("requirement_id", "latest")
    )
