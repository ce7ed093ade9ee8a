#!/usr/bin/env python
"""Custody at national scale (issue 14): the nightly key-date calculation for every prisoner (target
≤ 30 s for about 80,000 prisoners), and the releases list and a prisoner's custody overview (p95 target
≤ 50 ms each, with a query count that does not grow with the rows).

The nightly job is timed on every custody record in the database (``generate_custody`` after
``generate_case_history``) and extrapolated linearly to 80,000 records; the pure calculation is also
timed alone on 80,000 synthetic sentences, so the share of the database in the job is visible. The
nightly run writes the rows it changes: run it on a benchmark database.

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_custody.py
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.custody.models import CustodyRecord  # noqa: E402
from probation.custody.services.nightly import key_dates_recalculate_all  # noqa: E402
from probation.rules.custody.key_dates import CustodialTerm, ReleaseSentenceType, compute_key_dates  # noqa: E402

NATIONAL_PRISONERS = 80_000
NIGHTLY_TARGET_S = 30.0
PAGE_P95_TARGET_MS = 50.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_pure(count: int, seed: int) -> dict:
    rng = Random(seed)
    terms = [
        CustodialTerm(
            ReleaseSentenceType.SDS if rng.random() < 0.9 else ReleaseSentenceType.EDS,
            dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 4300)),
            months=rng.randint(12, 120),
            extension_months=24,
            remand_days=rng.choice((0, 30, 90)),
        )
        for _ in range(count)
    ]
    started = time.perf_counter()
    for term in terms:
        compute_key_dates(term)
    seconds = time.perf_counter() - started
    return {"sentences": count, "seconds": round(seconds, 2)}


def add_prisoners(count: int, seed: int) -> int:
    """Add ``count`` prisoners on the generated people (an event, a custodial sentence and its custody
    record each), so the nightly job is timed on more rows than the demo scale gives."""
    from probation.demo.custody.generate import _record
    from probation.people.models import Person
    from probation.sentences.models import Event, Sentence

    rng = Random(seed)
    user = User.objects.get(username="spo")
    people = list(Person.objects.only("id", "date_of_birth").order_by("id")[:count])
    today = today_uk()
    events, sentences = [], []
    for n in range(count):
        person = people[n % len(people)]
        day = today - dt.timedelta(days=rng.randint(30, 1500))
        events.append(
            Event(person=person, number=10_000 + n, conviction_date=day, court="Bench", created_by=user)
        )
    Event.objects.bulk_create(events, batch_size=2000)
    for event in events:
        months = rng.choice((12, 18, 24, 36, 48, 60, 96))
        sentences.append(
            Sentence(
                event=event,
                person=event.person,
                type="custodial",
                sentence_date=event.conviction_date,
                start_date=event.conviction_date,
                custodial_months=months,
            )
        )
    Sentence.objects.bulk_create(sentences, batch_size=2000)
    records = [_record(rng, sentence, today) for sentence in sentences]
    CustodyRecord.objects.bulk_create(records, batch_size=2000)
    return len(records)


def time_nightly() -> dict:
    records = CustodyRecord.objects.filter(released_on__isnull=True).count()
    if not records:
        raise SystemExit("No custody records: run generate_custody first")
    CustodyRecord.objects.update(calculated_on=None, crd=None)  # every row changes: the worst night
    cpu = time.process_time()
    result = key_dates_recalculate_all(today=today_uk())
    cpu = time.process_time() - cpu
    quiet = time.process_time()
    unchanged = key_dates_recalculate_all(today=today_uk())  # an ordinary night: nothing changed
    quiet = time.process_time() - quiet
    extrapolated = result.seconds * NATIONAL_PRISONERS / records
    return {
        "records": records,
        "seconds": result.seconds,
        "changed": result.changed,
        "cpu_seconds": round(cpu, 2),
        "extrapolated_to_80000_s": round(extrapolated, 1),
        "cpu_extrapolated_to_80000_s": round(cpu * NATIONAL_PRISONERS / records, 1),
        "unchanged_night_s": unchanged.seconds,
        "unchanged_night_cpu_extrapolated_to_80000_s": round(quiet * NATIONAL_PRISONERS / records, 1),
        "pass": extrapolated <= NIGHTLY_TARGET_S,
    }


def time_page(client: Client, url: str, iterations: int) -> dict:
    times, counts = [], []
    for i in range(10 + iterations):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed * 1000)
            counts.append(len(captured.captured_queries))
    p95 = percentile(times, 0.95)
    return {
        "url": url,
        "iterations": iterations,
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(p95, 2),
        "queries": max(counts),
        "pass": p95 <= PAGE_P95_TARGET_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--pure", type=int, default=NATIONAL_PRISONERS, help="synthetic sentences to compute")
    parser.add_argument("--add-prisoners", type=int, default=0, help="prisoners to add before timing")
    options = parser.parse_args()
    spo = User.objects.select_related("staff__team").get(username="spo")
    client = Client()
    client.force_login(spo)
    prisoner = (
        CustodyRecord.objects.filter(person__pdu=spo.staff.team.pdu, released_on__isnull=True)
        .select_related("person")
        .order_by("release_date")
        .first()
    )
    if prisoner is None:
        raise SystemExit("No prisoner in the demo senior PO's PDU")
    if options.add_prisoners:
        add_prisoners(options.add_prisoners, options.seed)
    releases = reverse("custody:releases")
    report = {
        "prisoners": CustodyRecord.objects.count(),
        "pure_calculation": time_pure(options.pure, options.seed),
        "nightly": time_nightly(),
        "releases_list": time_page(client, releases, options.iterations),
        "releases_rows": client.get(releases).content.decode().count('class="govuk-table__row'),
        "overview": time_page(
            client, reverse("custody:overview", args=[prisoner.person.crn]), options.iterations
        ),
        # The same person's sentences page on the same machine at the same time: what the shared case
        # shell costs here, to read the figures above against when the machine is busy.
        "baseline_sentences_page": time_page(
            client, reverse("sentences:list", args=[prisoner.person.crn]), options.iterations
        ),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
