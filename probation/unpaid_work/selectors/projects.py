"""Reads for unpaid-work pages, scoped to the user: staff see their PDU's projects; a supervisor sees
only the sessions they supervise and, on a sheet, only what the sheet needs of each person (name,
CRN, hours left, PPE and health from the assessment) — never the case record. Limited access applies:
a person the user is excluded from or restricted from shows only as "Restricted" with the CRN."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import limited_access_denied_q, people_listable_to
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Place, Project, ProjectDay, Session
from probation.unpaid_work.services.projects import staff_pdu_id
from probation.unpaid_work.services.sheets import may_record


def projects_list(*, user: User) -> QuerySet[Project]:
    if not has_permission(user, Permission.UPW_MANAGE):
        raise NotFound("projects")
    return (
        Project.objects.filter(pdu_id=staff_pdu_id(user))
        .prefetch_related(Prefetch("days", ProjectDay.objects.select_related("supervisor")))
        .order_by("name", "id")
    )


def project_get(*, user: User, project_id: int) -> Project:
    project = projects_list(user=user).filter(pk=project_id).first()
    if project is None:
        raise NotFound(project_id)
    return project


def project_sessions(*, project: Project, start: dt.date, days: int = 28) -> list[Session]:
    """The project's sessions from ``start``: each with its supervisor and the number booked."""
    return list(
        Session.objects.filter(project=project, date__gte=start, date__lt=start + dt.timedelta(days=days))
        .select_related("day", "supervisor")
        .annotate(booked=Count("places", filter=Q(places__contact__cancelled_at__isnull=True)))
        .order_by("date", "day__starts_at")
    )


def supervisors_for(*, user: User) -> QuerySet[Staff]:
    return Staff.objects.filter(active=True, team__pdu_id=staff_pdu_id(user)).order_by("surname", "forename")


def my_sessions(*, user: User, start: dt.date, end: dt.date) -> list[Session]:
    if not has_permission(user, Permission.UPW_SESSION_RECORD) or user.staff is None:
        raise NotFound("sessions")
    return list(
        Session.objects.filter(supervisor=user.staff, date__gte=start, date__lte=end)
        .select_related("project", "day")
        .annotate(booked=Count("places", filter=Q(places__contact__cancelled_at__isnull=True)))
        .order_by("date", "day__starts_at")
    )


@dataclass(frozen=True)
class SheetPerson:
    place: Place
    name: str
    crn: str
    restricted: bool
    left_minutes: int
    ppe: str
    health: str


def sheet_get(*, user: User, session_id: int) -> tuple[Session, list[SheetPerson]]:
    """The session and who is expected: three queries, whatever the number of people."""
    session = (
        Session.objects.select_related("project", "day", "supervisor", "saved_by")
        .filter(pk=session_id)
        .first()
    )
    if session is None or not may_record(user, session):
        raise NotFound(session_id)
    places = list(
        Place.objects.filter(session=session, contact__cancelled_at__isnull=True)
        .select_related(
            "contact__person", "contact__outcome_recorded_by", "allocation__requirement__upw_assessment"
        )
        .order_by("contact__person__surname", "contact__person__first_name", "id")
    )
    ids = {p.contact.person_id for p in places}
    # A supervisor has no case permission: limited access (exclusions, restrictions) is read directly.
    denied = set(
        Person.objects.filter(pk__in=ids).filter(limited_access_denied_q(user)).values_list("pk", flat=True)
    )
    people = []
    for place in places:
        person, requirement = place.contact.person, place.allocation.requirement
        assessment = getattr(requirement, "upw_assessment", None)
        ppe = ""
        if assessment is not None:
            sizes = [
                s
                for s in (
                    assessment.ppe_clothing,
                    assessment.ppe_footwear and f"boots {assessment.ppe_footwear}",
                )
                if s
            ]
            ppe = ", ".join(str(s) for s in sizes)
        restricted = person.pk in denied
        people.append(
            SheetPerson(
                place=place,
                name="Restricted" if restricted else f"{person.first_name} {person.surname}",
                crn=person.crn,
                restricted=restricted,
                left_minutes=(requirement.ordered or 0) * 60 - requirement.done_minutes,
                ppe="" if restricted else ppe,
                health="" if restricted or assessment is None else assessment.health,
            )
        )
    return session, people


@dataclass(frozen=True)
class AwaitingRow:
    requirement: Requirement
    crn: str
    name: str
    restricted: bool


def awaiting_allocation(*, user: User, size: int = 50) -> list[AwaitingRow]:
    """Active unpaid-work requirements of the PDU's cases with nothing booked yet, oldest order first
    (two queries). A case the user may not open shows only as "Restricted" with its CRN."""
    requirements = list(
        Requirement.objects.filter(
            type=RequirementType.UNPAID_WORK,
            terminated_on__isnull=True,
            sentence__person__pdu_id=staff_pdu_id(user),
            upw_allocations__isnull=True,
        )
        .select_related("sentence__person")
        .order_by("start_date", "id")[:size]
    )
    people = {r.sentence.person_id for r in requirements}
    denied = {
        p["pk"]
        for p in people_listable_to(user, Person.objects.filter(pk__in=people)).values(
            "pk", "lao_excluded", "lao_restricted"
        )
        if p["lao_excluded"] or p["lao_restricted"]
    }
    rows = []
    for requirement in requirements:
        person = requirement.sentence.person
        hidden = person.pk in denied
        name = "Restricted" if hidden else f"{person.first_name} {person.surname}"
        rows.append(AwaitingRow(requirement, person.crn, name, hidden))
    return rows
