#!/usr/bin/env python
"""Approved premises at national scale (issue 16): the capacity search for a 12-week stay across the
whole estate (about 100 premises, 2,300 beds), target ≤ 200 ms, with a query count that does not grow
with the estate; and the premises' tonight page (the night's sign-in register of the fullest
premises, requested through Django's test client as the CRU), target p95 ≤ 50 ms. Each reports wall
p50/p95, the CPU of this process per request (steadier than wall time on a shared machine) and queries.

It uses the estate already in the database (generate_approved_premises), or builds the demo estate
when there is none; it then fills about four beds in five with live bookings and puts one bed in
forty out of service, all inside a transaction rolled back at the end, so runs are repeatable and the
database is left as it was.

Run through bench/run.sh, or on its own:

    DATABASE_URL=... .venv/bin/python bench/bench_approved_premises.py --iterations 50
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

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from probation.accounts.models import Region, Role, User  # noqa: E402
from probation.approved_premises.models import Bed, Premises, SpaceBooking  # noqa: E402
from probation.approved_premises.selectors.matching import Search, premises_matching  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.people.models import Person  # noqa: E402

TARGET_MS = 200.0
TONIGHT_TARGET_MS = 50.0
STAY_DAYS = 84  # 12 weeks
OCCUPANCY = 0.8


class Rollback(Exception):
    pass


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ensure_estate(today: dt.date) -> None:
    if Premises.objects.exists():
        return
    from probation.demo.approved_premises.generate import generate_estate
    from probation.demo.people.places import REGIONS

    Region.objects.bulk_create((Region(code=r.code, name=r.name) for r in REGIONS), ignore_conflicts=True)
    if not User.objects.filter(role=Role.SYSTEM_ADMIN).exists():
        User.objects.create(username="bench-admin", role=Role.SYSTEM_ADMIN)
    generate_estate(rng=Random(42), today=today, log=lambda _: None)


def occupy(today: dt.date, rng: Random) -> int:
    person = Person.objects.order_by("pk").first()
    creator = User.objects.order_by("pk").first()
    if person is None or creator is None:
        raise SystemExit("No person in the database: run generate_data first")
    rows = []
    for premises_id in Premises.objects.values_list("pk", flat=True):
        beds = Bed.objects.filter(premises_id=premises_id).count()
        for _ in range(round(beds * OCCUPANCY)):
            arrival = today + dt.timedelta(days=rng.randint(-80, 70))
            rows.append(
                SpaceBooking(
                    person=person,
                    premises_id=premises_id,
                    arrival_on=arrival,
                    departure_on=arrival + dt.timedelta(days=rng.randint(30, 120)),
                    created_by=creator,
                    status="arrived" if arrival <= today else "upcoming",
                )
            )
    SpaceBooking.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=50)
    args = parser.parse_args()
    today = today_uk()
    results: dict[str, object] = {}
    tonight: dict[str, object] = {}
    try:
        with transaction.atomic():
            ensure_estate(today)
            results["bookings"] = occupy(today, Random(7))
            results["premises"] = Premises.objects.count()
            results["beds"] = Bed.objects.count()
            search = Search(
                sex="M",
                ap_type="standard",
                district="M14",
                criteria=("en_suite",),
                arrival=today + dt.timedelta(days=14),
                departure=today + dt.timedelta(days=14 + STAY_DAYS),
            )
            premises_matching(search, today=today)  # warm
            timings, cpu = [], []
            for _ in range(args.iterations):
                started, started_cpu = time.perf_counter(), time.process_time()
                with CaptureQueriesContext(connection) as queries:
                    matches = premises_matching(search, today=today)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            results |= {
                "matched": len(matches),
                "short_somewhere": sum(1 for m in matches if not m.capacity.fits),
                "queries": len(queries.captured_queries),
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1),
                "cpu_ms_per_search": round(statistics.mean(cpu), 1),
                "target_ms": TARGET_MS,
                "database": connection.vendor,
            }
            tonight = bench_tonight(today, args.iterations)
            raise Rollback
    except Rollback:
        pass
    print(json.dumps({"capacity_search_12_weeks": results, "tonight_page": tonight}, indent=2))
    if float(results["p95_ms"]) > TARGET_MS or float(tonight["p95_ms"]) > TONIGHT_TARGET_MS:  # type: ignore[arg-type]
        sys.exit(1)


def bench_tonight(today: dt.date, iterations: int) -> dict[str, object]:
    """The fullest premises' sign-in register for tonight, as the CRU, through the test client."""
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import reverse

    fullest = (
        Premises.objects.annotate(n=Count("bookings", filter=Q(bookings__status="arrived")))
        .order_by("-n")
        .first()
    )
    assert fullest is not None
    cru = User.objects.create(username="bench-ap-cru", role=Role.AP_CRU)
    client = Client()
    client.force_login(cru)
    url = reverse("approved_premises:premises-tonight", args=[fullest.pk]) + f"?night={today.isoformat()}"
    for _ in range(5):  # warm
        assert client.get(url).status_code == 200
    timings, cpu = [], []
    for _ in range(iterations):
        started, started_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    assert response.status_code == 200
    return {
        "residents": fullest.n,  # type: ignore[attr-defined]
        "queries": len(queries.captured_queries),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "cpu_ms_per_request": round(statistics.mean(cpu), 1),
        "target_ms": TONIGHT_TARGET_MS,
    }


if __name__ == "__main__":
    main()
