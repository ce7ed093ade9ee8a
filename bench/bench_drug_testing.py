#!/usr/bin/env python
"""Drug and alcohol testing (issue 12 item 5): the person's tests page (the list, trend, results chart
with its table, DRR schedule and alcohol monitoring days), as the practitioner sees it, with a query
count that does not grow with the number of tests (2 tests against 60 over a year). Reports p50/p95
wall-clock and CPU milliseconds per request.

The tests are recorded through the service inside a transaction rolled back at the end, so the
database is left as it was. Run after generate_data --demo-users (and generate_case_history):

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_drug_testing.py
"""

import argparse
import datetime as dt
import json
import os
import sys
import time
import uuid
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
from probation.core.clock import LONDON, today_uk  # noqa: E402
from probation.drug_testing.selectors.bases import basis_sources, source_key  # noqa: E402
from probation.drug_testing.services.records import DrugTestInput, ResultInput, drug_test_record  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.sentences.models import Requirement, Sentence  # noqa: E402

PAGE_P95_TARGET_MS = 50.0
MANY = 60


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def with_drr(person: Person, today: dt.date) -> str:
    sentence = Sentence.objects.filter(person=person).order_by("-start_date").first()
    if sentence is None:
        raise SystemExit(f"{person.crn} has no sentence")
    Requirement.objects.create(
        sentence=sentence, type="drug_rehabilitation", start_date=today - dt.timedelta(days=400)
    )
    return next(source_key(s) for s in basis_sources(person) if s.basis == "drr")


def record_tests(user: User, person: Person, count: int, today: dt.date) -> None:
    key = with_drr(person, today)
    for i in range(count):
        day = today - dt.timedelta(days=6 * i + 1)
        reading = "non_negative" if i % 5 == 0 else "negative"
        drug_test_record(
            actor=user,
            crn=person.crn,
            data=DrugTestInput(
                basis_key=key,
                method="instant_oral",
                substances=("cocaine", "heroin", "cannabis"),
                taken_at=dt.datetime.combine(day, dt.time(10), tzinfo=LONDON),
                no_medication=True,
                results=(
                    ResultInput("cocaine", reading),
                    ResultInput("heroin", "negative"),
                    ResultInput("cannabis", "negative"),
                ),
            ),
            submission_key=uuid.uuid4(),
        )


def timed(client: Client, url: str, iterations: int) -> tuple[list[float], list[float], int]:
    times, cpu, counts = [], [], []
    for i in range(10 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed * 1000)
            cpu.append(elapsed_cpu * 1000)
            counts.append(len(captured.captured_queries))
    return times, cpu, max(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200, help="page requests (default 200)")
    options = parser.parse_args()
    officer = User.objects.select_related("staff").get(username="po")
    people = list(
        Person.objects.filter(
            officer=officer.staff, is_restricted=False, has_exclusions=False, sentences__isnull=False
        )
        .distinct()
        .order_by("crn")[:2]
    )
    client = Client()
    client.force_login(officer)
    today = today_uk()
    with transaction.atomic():
        record_tests(officer, people[0], 2, today)
        record_tests(officer, people[1], MANY, today)
        _, _, few_queries = timed(
            client, reverse("drug_testing:tests", args=[people[0].crn]), options.iterations
        )
        times, cpu, queries = timed(
            client, reverse("drug_testing:tests", args=[people[1].crn]), options.iterations
        )
        transaction.set_rollback(True)
    p95 = percentile(times, 0.95)
    report = {
        "people": Person.objects.count(),
        "tests_page": {
            "tests": MANY,
            "iterations": options.iterations,
            "p50_ms": round(percentile(times, 0.5), 2),
            "p95_ms": round(p95, 2),
            "cpu_ms_p50": round(percentile(cpu, 0.5), 2),
            "cpu_ms_p95": round(percentile(cpu, 0.95), 2),
            "queries": queries,
            "queries_with_2_tests": few_queries,
            "constant_queries": queries == few_queries,
            "pass": p95 <= PAGE_P95_TARGET_MS and queries == few_queries,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
