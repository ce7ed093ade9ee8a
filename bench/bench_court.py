#!/usr/bin/env python
"""Court work at national scale (issue 11): import and match a 170-defendant court list (target
≤ 2 s), and the court duty page of a 170-defendant day (p95 target ≤ 50 ms, with a query count that
does not grow with the defendants).

The list is made from the generated record as the demo generator makes lists
(probation.demo.court_lists.generate): about four in ten defendants on the record by PNC number, two
in ten under a misspelt name with their date of birth (the typo-tolerant search), the rest new. Each
import runs in a transaction rolled back at its end, so runs are repeatable and the database is left
as it was; the duty page is timed on one list kept for the run and then deleted.

Run through bench/run.sh (after generate_data --demo-users), or on its own:

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_court.py
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
import warnings
import zlib
from pathlib import Path
from random import Random

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
from faker import Faker  # noqa: E402

from probation.court.models import Court, CourtKind, CourtList  # noqa: E402
from probation.court.services.formats import ParsedList  # noqa: E402
from probation.court.services.imports import court_list_import  # noqa: E402
from probation.demo.court_lists.generate import (  # noqa: E402
    _confirm_exact_matches,
    _court_officer,
    _hearings,
    courts_ensure,
)
from probation.people.models import Person  # noqa: E402

IMPORT_TARGET_S = 2.0
PAGE_P95_TARGET_MS = 50.0
DEFENDANTS = 170
SMALL = 20  # a small day, to show the duty page's query count does not grow with the defendants
FAR_DAY = dt.date(2199, 1, 5)  # a sitting day no generated list uses


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def the_court(officer) -> Court:
    courts = courts_ensure(officer)
    own = officer.staff.team.pdu_id
    return next(c for c in courts if c.pdu_id == own and c.kind == CourtKind.MAGISTRATES)


def listed(court: Court, day: dt.date, count: int, seed: int) -> ParsedList:
    rng = Random(zlib.crc32(f"{seed}:{court.code}:{day}".encode()))
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    known = list(Person.objects.filter(pdu_id=court.pdu_id).order_by("pk")[:4000])
    return ParsedList(court.code, day, "morning", _hearings(rng, fake, known, count))


def time_import(officer, court: Court, runs: int, seed: int) -> dict:
    seconds, candidates, queries = [], [], []
    for run in range(runs):
        parsed = listed(court, FAR_DAY + dt.timedelta(days=run), DEFENDANTS, seed + run)
        with transaction.atomic():
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                result = court_list_import(actor=officer, parsed=parsed)
                seconds.append(time.perf_counter() - started)
            candidates.append(result.court_list.hearings.filter(candidates__isnull=False).distinct().count())
            queries.append(len(captured.captured_queries))
            transaction.set_rollback(True)
    return {
        "defendants": DEFENDANTS,
        "runs": runs,
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "queries": round(statistics.median(queries)),
        "defendants_with_candidates": round(statistics.median(candidates)),
        "pass": max(seconds) <= IMPORT_TARGET_S,
    }


def duty_page(client: Client, url: str, iterations: int) -> tuple[list[float], list[int], list[float]]:
    """Wall-clock times, query counts and this process's CPU times (the page's Python work, apart from
    the database server's: a figure a busy shared machine inflates less than the wall clock)."""
    times, counts, cpu = [], [], []
    for i in range(10 + iterations):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed * 1000)
            counts.append(len(captured.captured_queries))
            cpu.append(elapsed_cpu * 1000)
    return times, counts, cpu


def time_duty_page(officer, court: Court, iterations: int, seed: int) -> dict:
    client = Client()
    client.force_login(officer)
    lists = []
    try:
        found = {}
        for count, day in ((DEFENDANTS, FAR_DAY), (SMALL, FAR_DAY + dt.timedelta(days=1))):
            imported = court_list_import(actor=officer, parsed=listed(court, day, count, seed))
            lists.append(imported.court_list)
            _confirm_exact_matches(officer, imported.court_list, Random(seed))
            found[count] = duty_page(
                client, reverse("court:duty", args=[court.code, day.isoformat()]), iterations
            )
        times, counts, cpu = found[DEFENDANTS]
        _small_times, small_counts, _small_cpu = found[SMALL]
        p95 = percentile(times, 0.95)
        # The usual count: a request that renews the session (every SESSION_RENEW_SECONDS) adds its
        # own few queries whatever the page.
        queries, small_queries = statistics.mode(counts), statistics.mode(small_counts)
        return {
            "defendants": DEFENDANTS,
            "iterations": iterations,
            "p50_ms": round(percentile(times, 0.5), 2),
            "p95_ms": round(p95, 2),
            "cpu_p50_ms": round(percentile(cpu, 0.5), 2),
            "cpu_p95_ms": round(percentile(cpu, 0.95), 2),
            "queries": queries,
            f"queries_with_{SMALL}_defendants": small_queries,
            "constant_queries": queries == small_queries,
            "load_average": os.getloadavg(),
            "pass": p95 <= PAGE_P95_TARGET_MS and queries == small_queries,
        }
    finally:
        CourtList.objects.filter(pk__in=[c.pk for c in lists]).delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="imports to time (default 5)")
    parser.add_argument("--iterations", type=int, default=200, help="duty page requests (default 200)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", choices=("import", "duty"), default=None)
    options = parser.parse_args()
    officer = _court_officer()
    court = the_court(officer)
    report = {"people": Person.objects.count(), "court": court.code}
    if options.only in (None, "import"):
        report["import_and_match"] = time_import(officer, court, options.runs, options.seed)
    if options.only in (None, "duty"):
        report["duty_page"] = time_duty_page(officer, court, options.iterations, options.seed)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
