#!/usr/bin/env python
"""The licence page (issue 14 item 5): a custody record's licence with its conditions, the hard stop, the
standard conditions in force and the victims' requests panel, as the COM sees it; p95 target ≤ 50 ms,
with a query count that does not grow with the conditions (a draft with 1 condition against one with 12).

Conditions are added inside a transaction rolled back at the end, so the database is left as it was.
Run after generate_data --demo-users, generate_case_history and generate_custody:

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_licence.py
"""

import argparse
import json
import os
import sys
import time
import warnings
from pathlib import Path

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
from probation.custody.models import CustodyLicence, DraftCondition  # noqa: E402
from probation.people.models import Person  # noqa: E402

PAGE_P95_TARGET_MS = 50.0
BIG = 12


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(client: Client, url: str, iterations: int) -> dict[str, float]:
    wall, cpu, counts = [], [], []
    for i in range(10 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            wall.append(elapsed * 1000)
            cpu.append(elapsed_cpu * 1000)
            counts.append(len(captured.captured_queries))
    return {
        "p50_ms": round(percentile(wall, 0.5), 2),
        "p95_ms": round(percentile(wall, 0.95), 2),
        "cpu_ms_p50": round(percentile(cpu, 0.5), 2),
        "queries": max(counts),
    }


def _conditions(licence: CustodyLicence, count: int) -> None:
    licence.conditions.all().delete()
    DraftCondition.objects.bulk_create(
        DraftCondition(
            licence=licence, category="curfew", text=f"Condition {n}", justification="Needed", ordinal=n
        )
        for n in range(1, count + 1)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200, help="page requests (default 200)")
    options = parser.parse_args()
    user = User.objects.select_related("staff").get(username="po")
    drafts = list(
        CustodyLicence.objects.filter(
            status="in_progress", custody__person__is_restricted=False, custody__person__has_exclusions=False
        )
        .select_related("custody__person")
        .order_by("id")[:2]
    )
    if len(drafts) < 2:
        raise SystemExit("run generate_custody first: fewer than two draft licences")
    client = Client()
    client.force_login(user)
    with transaction.atomic():
        _conditions(drafts[0], 1)
        _conditions(drafts[1], BIG)
        urls = [reverse("custody:licence", args=[d.custody.person.crn, d.custody_id]) for d in drafts]
        small = timed(client, urls[0], options.iterations)
        big = timed(client, urls[1], options.iterations)
        baseline = timed(
            client, reverse("custody:overview", args=[drafts[1].custody.person.crn]), options.iterations
        )
        transaction.set_rollback(True)
    report = {
        "people": Person.objects.count(),
        "licences": CustodyLicence.objects.count(),
        "licence_page_1_condition": small,
        f"licence_page_{BIG}_conditions": big,
        "baseline_custody_overview": baseline,
        "constant_queries": small["queries"] == big["queries"],
        "pass": big["p95_ms"] <= PAGE_P95_TARGET_MS and small["queries"] == big["queries"],
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
