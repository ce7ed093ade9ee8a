#!/usr/bin/env python
"""Sentence plans (issue 12): the person's plan page, as the practitioner who writes it sees it (the
editor, the suggestions from the needs assessment, when it is due and why), p95 target ≤ 50 ms, with a
query count that does not grow with the plan (a 2-goal plan answered once against a 12-goal plan with
6 answered versions).

Both plans are written inside a transaction rolled back at the end, so the database is left as it
was. Run through bench/run.sh, or on its own after generate_data --demo-users and generate_plans:

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_plans.py
"""

import argparse
import datetime as dt
import json
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.demo.plans.generate import GOALS  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.plans.models import Plan, PlanVersion  # noqa: E402

PAGE_P95_TARGET_MS = 50.0
BIG_GOALS = 12
BIG_VERSIONS = 6


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def goals(count: int, today: dt.date) -> list[dict[str, Any]]:
    made = []
    for i in range(count):
        area, title, steps = GOALS[i % len(GOALS)]
        made.append(
            {
                "key": f"g{i + 1}",
                "title": title,
                "area": area,
                "related_areas": [],
                "status": "active",
                "target_date": (today + dt.timedelta(days=182)).isoformat(),
                "notes": "",
                "steps": [
                    {"description": d, "actor": a, "actor_other": "", "status": "in_progress"}
                    for d, a in steps
                ],
            }
        )
    return made


def plan_for(person: Person, user: User, goal_count: int, versions: int, today: dt.date) -> None:
    Plan.objects.filter(person=person).delete()
    document = goals(goal_count, today)
    plan = Plan.objects.create(
        person=person,
        goals=document,
        next_goal=goal_count + 1,
        created_by=user,
        last_saved_by=user,
        agreed_on=today,
        versions_count=versions,
    )
    PlanVersion.objects.bulk_create(
        PlanVersion(
            plan=plan, number=n, goals=document, agreement="agreed", answered_on=today, recorded_by=user
        )
        for n in range(1, versions + 1)
    )


def timed(client: Client, url: str, iterations: int) -> tuple[list[float], int]:
    times, counts = [], []
    for i in range(10 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed * 1000)
            counts.append(len(captured.captured_queries))
    return times, max(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200, help="plan page requests (default 200)")
    options = parser.parse_args()
    officer = User.objects.select_related("staff").get(username="po")
    people = list(
        Person.objects.filter(officer=officer.staff, is_restricted=False, has_exclusions=False).order_by(
            "crn"
        )[:2]
    )
    client = Client()
    client.force_login(officer)
    today = today_uk()
    with transaction.atomic():
        plan_for(people[0], officer, 2, 1, today)
        plan_for(people[1], officer, BIG_GOALS, BIG_VERSIONS, today)
        small, small_queries = timed(client, reverse("plans:plan", args=[people[0].crn]), options.iterations)
        times, queries = timed(client, reverse("plans:plan", args=[people[1].crn]), options.iterations)
        # The machine's own baseline: an existing case page of the same person, timed the same way.
        baseline, _ = timed(client, reverse("assessments:list", args=[people[1].crn]), options.iterations)
        transaction.set_rollback(True)
    p95 = percentile(times, 0.95)
    report = {
        "people": Person.objects.count(),
        "plan_page": {
            "goals": BIG_GOALS,
            "versions": BIG_VERSIONS,
            "iterations": options.iterations,
            "p50_ms": round(percentile(times, 0.5), 2),
            "p95_ms": round(p95, 2),
            "queries": queries,
            "queries_with_2_goals": small_queries,
            "p50_ms_2_goals": round(percentile(small, 0.5), 2),
            "p95_ms_2_goals": round(percentile(small, 0.95), 2),
            "baseline_assessments_page_p50_ms": round(percentile(baseline, 0.5), 2),
            "baseline_assessments_page_p95_ms": round(percentile(baseline, 0.95), 2),
            "constant_queries": queries == small_queries,
            "pass": p95 <= PAGE_P95_TARGET_MS and queries == small_queries,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
