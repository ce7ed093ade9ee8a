#!/usr/bin/env python
"""The victim contact scheme at national scale (issue 15): the victim liaison unit's list and a
victim's record, p95 target ≤ 50 ms each, with query counts that do not grow with the rows.

Needs the generated record (generate_data --demo-users, generate_case_history); runs generate_victims
itself when no case is in the scheme yet. The unit list is timed for the VLO of the region with most
cases in the scheme (the demo ``vlo`` when that is their region), the record for that region's victim
with the longest contact log.

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_victims.py
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
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import PDU, Role, Staff, Team, User  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.demo.victims.generate import generate  # noqa: E402
from probation.victims.models import SchemeCase, Victim  # noqa: E402

P95_TARGET_MS = 50.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def the_vlo(region_id: int) -> User:
    found = User.objects.filter(role=Role.VLO, staff__team__pdu__region_id=region_id).first()
    if found is not None:
        return found
    pdu = PDU.objects.filter(region_id=region_id).first()
    team, _ = Team.objects.get_or_create(code="BVLU", defaults={"name": "Victim liaison unit", "pdu": pdu})
    staff, _ = Staff.objects.get_or_create(
        code="BVLO", defaults={"forename": "Bench", "surname": "Liaison", "grade": "VLO", "team": team}
    )
    user, _ = User.objects.get_or_create(username="bench-vlo", defaults={"role": Role.VLO, "staff": staff})
    return user


def timed(client: Client, url: str, iterations: int) -> dict:
    times, counts, cpu = [], [], []
    for i in range(10 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, cpu_elapsed = time.perf_counter() - started, time.process_time() - cpu_started
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            times.append(elapsed * 1000)
            cpu.append(cpu_elapsed * 1000)
            counts.append(len(captured.captured_queries))
    p95 = percentile(times, 0.95)
    return {
        "iterations": iterations,
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(p95, 2),
        # CPU of this process (Django and the driver; not the database server's), the figure that
        # does not depend on how busy a shared machine is.
        "cpu_ms_per_request": round(sum(cpu) / len(cpu), 2),
        "queries": max(counts),
        "pass": p95 <= P95_TARGET_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    options = parser.parse_args()
    if not SchemeCase.objects.exists():
        generate(today=today_uk(), log=print)
    region_id = (
        SchemeCase.objects.open().values("region_id").annotate(n=Count("id")).order_by("-n")[0]["region_id"]
    )
    vlo = the_vlo(region_id)
    victim = (
        Victim.objects.filter(scheme_case__region_id=region_id)
        .annotate(n=Count("contacts"))
        .order_by("-n", "pk")
        .first()
    )
    assert victim is not None
    client = Client()
    client.force_login(vlo)
    report = {
        "scheme_cases": SchemeCase.objects.count(),
        "victims": Victim.objects.count(),
        "region_open_cases": SchemeCase.objects.open().filter(region_id=region_id).count(),
        "unit_list": timed(client, reverse("victims:unit"), options.iterations),
        "victim_record": timed(client, reverse("victims:victim", args=[victim.pk]), options.iterations),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
