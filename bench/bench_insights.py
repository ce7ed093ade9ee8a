#!/usr/bin/env python
"""Local information at national scale (issue 17 items 3 and 4): the nightly aggregation (target
≤ 60 s for the whole country) and the pages that read its figures (p95 target ≤ 200 ms), with a
query count that does not depend on how much is counted.

The aggregation is timed whole and measure by measure (each measure's grouped queries alone, to show
where the time goes). The pages are timed as a regional lead of the demo team's region: the region's
needs, caseload and compliance pages, a PDU's needs page and its CSV, and the region's equality page
for breach. The regional lead (``bench-regional-lead``) is made on the first run and kept (the audit
keeps their views, so the account cannot be deleted).

Run after generate_data --demo-users, generate_case_history and tier_recalculate_all (bench/run.sh
loads them):

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_insights.py
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import Grade, Role, Staff, User  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.insights.services import area_queries, equality_queries  # noqa: E402
from probation.insights.services.aggregation import MONTHS, aggregate, equality_period, month_end, month_start  # noqa: E402
from probation.people.models import Person  # noqa: E402

AGGREGATION_TARGET_S = 60.0
PAGE_P95_TARGET_MS = 200.0
NATIONAL_PEOPLE = 250_000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _drain(rows) -> int:
    return sum(1 for _ in rows)


def time_parts(as_of) -> dict[str, float]:
    """Each measure's grouped queries alone (rows counted, not written)."""
    parts: dict[str, float] = {}
    first = month_start(as_of, MONTHS - 1)

    def timed(name, make):
        started = time.perf_counter()
        _drain(make())
        parts[name] = round(time.perf_counter() - started, 2)

    ends = {
        month_start(as_of, back): min(month_end(month_start(as_of, back)), as_of) for back in range(MONTHS)
    }
    timed("caseload_sentence (13 months)", lambda: area_queries.caseload_by_sentence(ends))
    for measure, snapshot in area_queries.SNAPSHOTS.items():
        timed(str(measure), lambda snapshot=snapshot: snapshot(month_start(as_of), as_of))
    for measure, flow in area_queries.FLOWS.items():
        timed(str(measure), lambda flow=flow: flow(first, as_of))
    start, end = equality_period(as_of)
    timed("equality (5 outcomes x 5 dimensions)", lambda: equality_queries.equality_rows(start, end))
    return parts


def time_aggregation(as_of, runs: int) -> dict:
    seconds = []
    run = None
    for _ in range(runs):
        started = time.perf_counter()
        run = aggregate(as_of=as_of)
        seconds.append(time.perf_counter() - started)
    people = Person.objects.count()
    worst = max(seconds)
    national = worst * NATIONAL_PEOPLE / max(people, 1)
    return {
        "runs": runs,
        "seconds": [round(s, 2) for s in seconds],
        "area_rows": run.area_rows if run else 0,
        "equality_rows": run.equality_rows if run else 0,
        "extrapolated_to_250000_people_s": round(national, 1),
        "pass_measured": worst <= AGGREGATION_TARGET_S,
        "pass_extrapolated": national <= AGGREGATION_TARGET_S,
    }


def _lead() -> User:
    """A regional lead in the demo team's region, kept between runs (the audit keeps their views, so
    the account cannot be deleted)."""
    existing = User.objects.filter(username="bench-regional-lead").first()
    if existing is not None:
        return existing
    spo = User.objects.select_related("staff__team").get(username="spo")
    staff = Staff.objects.create(
        code="BENCHRL", forename="Bench", surname="Lead", grade=Grade.REGIONAL_ADMIN, team=spo.staff.team
    )
    return User.objects.create(username="bench-regional-lead", role=Role.REGIONAL_LEAD, staff=staff)


def time_page(client: Client, url: str, iterations: int) -> dict:
    times, counts = [], []
    for i in range(10 + iterations):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed)
            counts.append(len(captured.captured_queries))
    p95 = percentile(times, 0.95)
    return {
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(p95, 2),
        "queries": max(counts),
        "pass": p95 <= PAGE_P95_TARGET_MS,
    }


def time_pages(iterations: int) -> dict:
    lead = _lead()
    region = lead.staff.team.pdu.region.code
    pdu = lead.staff.team.pdu.code
    client = Client()
    client.force_login(lead)
    urls = {
        "region needs": reverse("insights:topic", args=["region", region, "needs"]),
        "region caseload": reverse("insights:topic", args=["region", region, "caseload"]),
        "region compliance": reverse("insights:topic", args=["region", region, "compliance"]),
        "pdu needs": reverse("insights:topic", args=["pdu", pdu, "needs"]),
        "pdu needs CSV": reverse("insights:topic-csv", args=["pdu", pdu, "needs"]),
        "region equality (breach)": reverse("insights:equality", args=["region", region, "breach"]),
    }
    return {name: time_page(client, url, iterations) for name, url in urls.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="aggregations to time (default 2)")
    parser.add_argument("--iterations", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--only", choices=("aggregation", "parts", "pages"), default=None)
    options = parser.parse_args()
    as_of = today_uk()
    report: dict = {"people": Person.objects.count(), "as_of": as_of.isoformat()}
    if options.only in (None, "parts"):
        report["aggregation_parts_s"] = time_parts(as_of)
    if options.only in (None, "aggregation"):
        report["aggregation"] = time_aggregation(as_of, options.runs)
    if options.only in (None, "pages"):
        report["pages"] = time_pages(options.iterations)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
