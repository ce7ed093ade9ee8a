"""Unpaid-work demo data (issue 13): every PDU whose cases have unpaid-work sessions gets a group
project running every day (09:00–16:00) with a supervisor, and an individual charity-shop placement;
the unpaid-work sessions case history generated (booked in the officer's diary) move onto the
project's dated sessions, run by its supervisor and no longer in the officer's diary. Past sessions
keep their outcomes as saved sheets (sign-in and sign-out from the appointment, credit in minutes).
Demo sign-ins ``upw-staff`` and ``upw-supervisor`` join the demo PO's PDU.

Written in bulk (a few queries per thousand rows): quick at 3,000 people. Running it again adds nothing.
"""

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from probation.accounts.models import PDU, Role, Staff, Team, User
from probation.contacts.models import Contact
from probation.contacts.times import local
from probation.demo.people.access import DEFAULT_DEMO_PASSWORD
from probation.rules.sentences.requirements import unpaid_work_deadline
from probation.sentences.models import Requirement
from probation.unpaid_work.models import (
    Allocation,
    DeadlineExtension,
    Place,
    Project,
    ProjectDay,
    Session,
    Supervisor,
)

CODE_PREFIX = "DEMO"
START, END = dt.time(9), dt.time(16)
CAPACITY = 20
DEMO_PO = "po"


class NoDemoData(Exception):
    pass


@dataclass
class Result:
    projects: int = 0
    sessions: int = 0
    moved: int = 0
    extensions: int = 0


def _supervisor(pdu: PDU, team: Team, n: int) -> Staff:
    staff = Staff.objects.create(
        code=f"UPW{pdu.pk:04d}{n}",
        forename="Sam" if n == 1 else "Alex",
        surname=f"Payback{pdu.code}",
        grade="UPWS",
        team=team,
    )
    Supervisor.objects.create(staff=staff, sex="F" if n == 1 else "M")
    return staff


def _projects(pdus: list[PDU], teams: dict[int, Team], start: dt.date) -> dict[int, list[ProjectDay]]:
    """Per PDU, the group project's seven days (Monday first) and an individual placement."""
    days: dict[int, list[ProjectDay]] = {}
    for pdu in pdus:
        team = teams[pdu.pk]
        lead, second = _supervisor(pdu, team, 1), _supervisor(pdu, team, 2)
        group = Project.objects.create(
            pdu=pdu,
            code=f"{CODE_PREFIX}{pdu.pk}G",
            name=f"{pdu.name} community payback",
            project_type="NP1",
            address=f"Depot, {pdu.name}",
            area=pdu.name,
            starts_on=start,
            beneficiary="Local council",
        )
        shop = Project.objects.create(
            pdu=pdu,
            code=f"{CODE_PREFIX}{pdu.pk}S",
            name=f"{pdu.name} charity shop",
            project_type="ICP",
            address=f"High Street, {pdu.name}",
            area=pdu.name,
            starts_on=start,
            with_adults_at_risk=True,
            beneficiary="Hospice charity shop",
        )
        days[pdu.pk] = ProjectDay.objects.bulk_create(
            [
                ProjectDay(
                    project=group,
                    weekday=w,
                    starts_at=START,
                    ends_at=END,
                    capacity=CAPACITY,
                    supervisor=lead if w % 2 == 0 else second,
                )
                for w in range(7)
            ]
        )
        ProjectDay.objects.create(
            project=shop, weekday=1, starts_at=dt.time(10), ends_at=dt.time(15), capacity=2, supervisor=second
        )
    return days


def _demo_logins(pdu_team: Team, days: list[ProjectDay]) -> None:
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    staff = Staff.objects.create(code="UPWSTAFF", forename="Jo", surname="Castle", grade="CPO", team=pdu_team)
    User.objects.create(
        username="upw-staff",
        password=password,
        role=Role.UPW_STAFF,
        staff=staff,
        first_name="Jo",
        last_name="Castle",
    )
    supervisor = days[5].supervisor  # the Saturday session's
    User.objects.create(
        username="upw-supervisor",
        password=password,
        role=Role.UPW_SUPERVISOR,
        staff=supervisor,
        first_name=supervisor.forename,
        last_name=supervisor.surname,
    )


def generate(*, today: dt.date, log: Callable[[str], object] = print) -> Result:
    result = Result()
    if Project.objects.filter(code__startswith=CODE_PREFIX).exists():
        log("Unpaid-work demo projects already exist: nothing added")
        return result
    po = User.objects.select_related("staff__team").filter(username=DEMO_PO).first()
    if po is None or po.staff is None:
        raise NoDemoData("No demo PO: run generate_data --demo-users first")
    contacts = list(
        Contact.objects.filter(type="unpaid_work_session", requirement__isnull=False, on_project=False)
        .select_related("person")
        .only("id", "starts_at", "ends_at", "outcome", "credited", "requirement_id", "person__pdu_id")
        .order_by("starts_at", "id")
    )
    pdu_ids = sorted({c.person.pdu_id for c in contacts} | {po.staff.team.pdu_id})
    pdus = list(PDU.objects.filter(pk__in=pdu_ids))
    teams = {t.pdu_id: t for t in Team.objects.filter(pdu_id__in=pdu_ids).order_by("-code")}
    with transaction.atomic():
        start = min([local(c.starts_at).date() for c in contacts[:1]] or [today]) - dt.timedelta(days=1)
        days = _projects(pdus, teams, start)
        result.projects = len(pdus) * 2
        _demo_logins(po.staff.team, days[po.staff.team.pdu_id])
        result.sessions, result.moved = _move(contacts, days, po)
        result.extensions = _extensions(today, po)
    log(
        f"{result.projects} unpaid-work projects, {result.sessions} sessions, "
        f"{result.moved} appointments moved, {result.extensions} deadlines extended by the court"
    )
    return result


def _move(contacts: list[Contact], days: dict[int, list[ProjectDay]], actor: User) -> tuple[int, int]:
    """Sessions, allocations (one per requirement and weekly session; another where the history has two
    sessions of one order on a day) and places, then the contacts moved in one UPDATE per supervisor."""
    sessions: dict[tuple[int, dt.date], Session] = {}
    allocations: dict[tuple[int, int, int], Allocation] = {}
    placed: list[tuple[Contact, tuple[int, dt.date], tuple[int, int, int]]] = []
    used: set[tuple[tuple[int, dt.date], tuple[int, int, int]]] = set()
    moved: dict[tuple[int, str], list[int]] = {}
    for contact in contacts:
        when = local(contact.starts_at)
        day = days[contact.person.pdu_id][when.weekday()]
        key = (day.pk, when.date())
        if key not in sessions:
            sessions[key] = Session(
                day=day, project_id=day.project_id, date=when.date(), supervisor_id=day.supervisor_id
            )
        requirement_id = contact.requirement_id or 0  # the query asks for requirement__isnull=False
        n = 0
        while (key, (requirement_id, day.pk, n)) in used:
            n += 1
        allocation_key = (requirement_id, day.pk, n)
        used.add((key, allocation_key))
        if allocation_key not in allocations:
            allocations[allocation_key] = Allocation(
                requirement_id=requirement_id,
                day=day,
                frequency="weekly",
                starts_on=when.date(),
                created_by=actor,
            )
        placed.append((contact, key, allocation_key))
        moved.setdefault((day.supervisor_id, day.project.name[:120]), []).append(contact.pk)
    Session.objects.bulk_create(list(sessions.values()), batch_size=2000)
    Allocation.objects.bulk_create(list(allocations.values()), batch_size=2000)
    Place.objects.bulk_create(
        [
            Place(
                session=sessions[key],
                allocation=allocations[allocation_key],
                contact=contact,
                signed_in=local(contact.starts_at).time() if contact.credited else None,
                signed_out=local(contact.ends_at).time() if contact.credited and contact.ends_at else None,
                credited_minutes=contact.credited,  # minutes (ADR 0048)
            )
            for contact, key, allocation_key in placed
        ],
        batch_size=2000,
    )
    for (supervisor_id, location), ids in moved.items():
        for start in range(0, len(ids), 900):  # SQLite allows 999 parameters a statement
            Contact.objects.filter(pk__in=ids[start : start + 900]).update(
                officer_id=supervisor_id, on_project=True, location=location
            )
    return len(sessions), len(contacts)


def _extensions(today: dt.date, actor: User) -> int:
    """Every other live order past (or within a month of) its 12 months with hours left goes back to
    court and is extended by six months, granted two weeks ago; the rest stay on the at-risk list."""
    rows = (
        Requirement.objects.filter(type="unpaid_work", terminated_on__isnull=True, ordered__isnull=False)
        .exclude(done__gte=models.F("ordered"))
        .values_list("id", "sentence__sentence_date")
        .order_by("id")
    )
    granted_on = today - dt.timedelta(days=14)
    extensions = []
    for n, (pk, order_date) in enumerate(
        (pk, d)
        for pk, d in rows
        if unpaid_work_deadline(d) <= today + dt.timedelta(days=30) and d <= granted_on
    ):
        if n % 2:
            continue
        deadline = max(unpaid_work_deadline(order_date), today)
        extensions.append(
            DeadlineExtension(
                requirement_id=pk,
                granted_on=granted_on,
                new_deadline=deadline + dt.timedelta(days=182),
                court="Magistrates' court",
                recorded_by=actor,
            )
        )
    DeadlineExtension.objects.bulk_create(extensions, batch_size=2000)
    return len(extensions)
