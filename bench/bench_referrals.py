#!/usr/bin/env python
"""Commissioned services (issue 12 item 3): the provider's referral list and one referral page, as the
demo ``provider`` sees them, and the practitioner's page of the same referral: p50/p95 wall ms, CPU ms
per request and queries. p95 target ≤ 50 ms.

Run after generate_data --demo-users, generate_case_history and generate_referrals:

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_referrals.py
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

from probation.accounts.models import User  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.referrals.models import Referral  # noqa: E402
from probation.referrals.selectors.provider import provider_referrals  # noqa: E402

TARGET_P95_MS = 50.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(client: Client, url: str, iterations: int) -> dict[str, object]:
    wall, cpu, counts = [], [], []
    for i in range(10 + iterations):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, cpu_elapsed = time.perf_counter() - started, time.process_time() - cpu_started
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= 10:
            wall.append(elapsed * 1000)
            cpu.append(cpu_elapsed * 1000)
            counts.append(len(captured.captured_queries))
    return {
        "p50_ms": round(percentile(wall, 0.5), 2),
        "p95_ms": round(percentile(wall, 0.95), 2),
        "cpu_ms_per_request": round(sum(cpu) / len(cpu), 2),
        "queries": max(counts),
        "pass": percentile(wall, 0.95) <= TARGET_P95_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    options = parser.parse_args()
    provider = User.objects.get(username="provider")
    referrals = list(provider_referrals(user=provider))
    busiest = (
        Referral.objects.filter(pk__in=[r.pk for r in referrals], status="in_progress")
        .order_by("-id")
        .first()
        or referrals[0]
    )
    officer = User.objects.get(username="po")
    client = Client()
    client.force_login(provider)
    report = {
        "people": Person.objects.count(),
        "referrals": Referral.objects.count(),
        "provider_referrals": len(referrals),
        "provider_list": timed(client, reverse("referrals:provider-list"), options.iterations),
        "provider_referral_page": timed(
            client, reverse("referrals:provider-referral", args=[busiest.pk]), options.iterations
        ),
    }
    client.force_login(officer)
    report["practitioner_referral_page"] = timed(
        client, reverse("referrals:case-referral", args=[busiest.person.crn, busiest.pk]), options.iterations
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
