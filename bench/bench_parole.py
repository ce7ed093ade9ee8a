#!/usr/bin/env python
"""Parole (issue 14 item 7): the PAROM1 editor as its author sees it (every section, the "from the
record now" lists re-read from custody, RoSH, plans, MAPPA and the risk plan) and the case's parole
page; p50/p95 wall time, CPU ms per request and the query count.

The review is written inside a transaction rolled back at the end, so the database is left as it was.
Run on a small demo database (generate_data --demo-users, then generate_custody, generate_plans):

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_parole.py
"""

import argparse
import datetime as dt
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
from probation.core.clock import today_uk  # noqa: E402
from probation.custody.models import CustodyRecord  # noqa: E402
from probation.custody.services.key_dates import calculate  # noqa: E402
from probation.parole.services.reviews import review_request  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.rules.law.dated import NO_CHANGES  # noqa: E402
from probation.sentences.models import Sentence  # noqa: E402

PAGE_P95_TARGET_MS = 50.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(client: Client, url: str, iterations: int) -> dict[str, float]:
    times, cpu, counts = [], [], []
    for i in range(5 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 5:
            times.append(elapsed * 1000)
            cpu.append(elapsed_cpu * 1000)
            counts.append(len(captured.captured_queries))
    return {
        "iterations": iterations,
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "cpu_ms_per_request": round(sum(cpu) / len(cpu), 2),
        "queries": max(counts),
    }


def lifer(person: Person, today: dt.date) -> CustodyRecord:
    sentence = Sentence.objects.filter(person=person).select_related("event").first()
    if sentence is None:
        raise SystemExit(f"{person.crn} has no sentence")
    CustodyRecord.objects.filter(sentence=sentence).delete()
    record = CustodyRecord(
        person=person, sentence=sentence, release_type="life", term_months=120, age_at_sentence=30
    )
    calculate(record, sentence, settings=NO_CHANGES, today=today)
    record.save()
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    options = parser.parse_args()
    officer = User.objects.select_related("staff").get(username="po")
    person = (
        Person.objects.filter(
            officer=officer.staff, is_restricted=False, has_exclusions=False, sentences__isnull=False
        )
        .order_by("crn")
        .first()
    )
    if person is None:
        raise SystemExit("the po demo user holds no case with a sentence")
    client = Client()
    client.force_login(officer)
    today = today_uk()
    with transaction.atomic():
        record = lifer(person, today)
        review = review_request(
            actor=officer,
            person=person,
            custody_id=record.pk,
            target_on=today + dt.timedelta(weeks=26),
            author=officer,
            today=today,
        )
        editor = timed(client, reverse("parole:review", args=[person.crn, review.pk]), options.iterations)
        case = timed(client, reverse("parole:case", args=[person.crn]), options.iterations)
        baseline = timed(client, reverse("custody:overview", args=[person.crn]), options.iterations)
        transaction.set_rollback(True)
    report = {
        "people": Person.objects.count(),
        "parom1_editor": editor | {"pass": editor["p95_ms"] <= PAGE_P95_TARGET_MS},
        "parole_case_page": case,
        "baseline_custody_overview": baseline,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
