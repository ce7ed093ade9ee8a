#!/usr/bin/env python
"""Unpaid work (issue 13): a 20-person session sheet saved in one request (query
count constant as the sheet grows: 2 people vs 20), and the project, projects and operations pages
(p95 target ≤ 50 ms), with CPU ms per request. Setup and timing loop: bench/common.py.

Needs the demo data with its unpaid-work projects (generate_data --demo-users, generate_case_history,
generate_unpaid_work). The sheets are made on a weekly session of the demo project added for the run,
on past dates no generated session uses, for people with unpaid-work hours left; each save runs in a
transaction rolled back at its end, so runs are repeatable and the database is left as it was.

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_unpaid_work.py
"""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import setup

setup()

from common import Timer, database, rolled_back, summarise, time_page, user  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.contacts.models import Contact  # noqa: E402
from probation.contacts.times import london_datetime  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.sentences.models import Requirement  # noqa: E402
from probation.unpaid_work.models import Allocation, Place, Project, ProjectDay, Session  # noqa: E402

SHEET = 20
SMALL = 2


def _sheet(day: ProjectDay, date: dt.date, requirements: list[Requirement], staff: User) -> Session:
    session = Session.objects.create(day=day, project=day.project, date=date, supervisor=day.supervisor)
    for requirement in requirements:
        allocation = Allocation.objects.create(
            requirement=requirement, day=day, frequency="once", starts_on=date, created_by=staff
        )
        contact = Contact.objects.create(
            person=requirement.sentence.person,
            type="unpaid_work_session",
            is_appointment=True,
            starts_at=london_datetime(date, day.starts_at),
            ends_at=london_datetime(date, day.ends_at),
            officer=day.supervisor,
            sentence=requirement.sentence,
            requirement=requirement,
            on_project=True,
            created_by=staff,
        )
        Place.objects.create(session=session, allocation=allocation, contact=contact)
    return session


def _post(session: Session) -> dict[str, str]:
    data = {"version": str(session.version)}
    for place in session.places.all():
        data |= {
            f"{place.pk}-outcome": "ATTC",
            f"{place.pk}-signed_in": "06:00",
            f"{place.pk}-signed_out": "08:30",
            f"{place.pk}-penalty": "10",
        }
    return data


def time_sheet_save(staff: User, supervisor: User, project: Project, runs: int) -> dict:
    client = Client()
    client.force_login(supervisor)
    requirements = list(
        Requirement.objects.filter(
            type="unpaid_work",
            terminated_on__isnull=True,
            sentence__person__pdu_id=project.pdu_id,
            done__lt=F("ordered") - 3,
        ).select_related("sentence__person")[:SHEET]
    )
    if len(requirements) < SHEET:
        raise SystemExit(f"Only {len(requirements)} unpaid-work orders with hours left in the PDU")
    walls: dict[int, list[float]] = {SHEET: [], SMALL: []}
    cpus: dict[int, list[float]] = {SHEET: [], SMALL: []}
    queries: dict[int, list[int]] = {SHEET: [], SMALL: []}
    # Mondays in the last weeks (a session may not be recorded before it happens).
    monday = today_uk() - dt.timedelta(days=today_uk().weekday() + 7)
    for run in range(runs):
        for size in (SMALL, SHEET):
            with rolled_back():
                day = ProjectDay.objects.create(
                    project=project,
                    weekday=0,
                    starts_at=dt.time(6),
                    ends_at=dt.time(8, 30),
                    capacity=SHEET,
                    supervisor=supervisor.staff,
                )
                session = _sheet(day, monday - dt.timedelta(days=7 * run), requirements[:size], staff)
                data = _post(session)
                with Timer() as timer:
                    response = client.post(reverse("unpaid_work:sheet", args=[session.pk]), data)
                if response.status_code != 302:
                    raise SystemExit(f"sheet save returned {response.status_code}")
                walls[size].append(timer.wall_ms)
                cpus[size].append(timer.cpu_ms)
                queries[size].append(timer.queries)
    return summarise(walls[SHEET], cpus[SHEET], queries[SHEET], target_ms=float("inf")) | {
        "people": SHEET,
        f"queries_with_{SMALL}_people": max(queries[SMALL]),
        "constant_queries": max(queries[SHEET]) == max(queries[SMALL]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="sheet saves to time (default 5)")
    parser.add_argument("--iterations", type=int, default=200, help="page requests (default 200)")
    options = parser.parse_args()
    staff, supervisor = user("upw-staff"), user("upw-supervisor")
    project = Project.objects.filter(pdu_id=staff.staff.team.pdu_id, project_type="NP1").first()
    if project is None:
        raise SystemExit("No demo project: run generate_unpaid_work")
    report = {
        "database": database(),
        "projects": Project.objects.count(),
        "sessions": Session.objects.count(),
        "places": Place.objects.count(),
        "sheet_save": time_sheet_save(staff, supervisor, project, options.runs),
        "project_page": time_page(
            staff, reverse("unpaid_work:project", args=[project.pk]), options.iterations
        ),
        "projects_page": time_page(staff, reverse("unpaid_work:projects"), options.iterations),
        "operations_page": time_page(staff, reverse("unpaid_work:operations"), options.iterations),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
