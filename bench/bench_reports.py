#!/usr/bin/env python
"""The report pages at national scale (issue 11): the report editor (/cases/<crn>/reports/<id>/report)
and the request page (/cases/<crn>/reports/requests/<id>), p95 target ≤ 50 ms, with a query count
that does not grow with the record the editor pre-fills from.

Two requests are made for the demo probation officer: one for their heaviest case (its contacts,
sentences, scores and registrations are what the pre-fill and the case shell read) and one for a case
with the least history. Each is allocated to the officer and its report opened (pre-filled) as the
author's first visit would; the pages are timed on the heavy case, the query counts compared between
the two; both requests are deleted at the end.

Run through bench/run.sh (after generate_data --demo-users and generate_case_history), or alone:

    DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=... .venv/bin/python bench/bench_reports.py
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.court.models import Court  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.reports.models import Report, ReportRequest, ReportType, RequestStatus  # noqa: E402
from probation.reports.services.writing import report_open  # noqa: E402

PAGE_P95_TARGET_MS = 50.0
WARM_UP = 10


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _cases(officer: User) -> tuple[Person, Person]:
    """The officer's case with the most contacts and the one with the fewest."""
    ranked = (
        Person.objects.filter(officer=officer.staff, is_restricted=False, has_exclusions=False)
        .annotate(n=Count("contacts"))
        .order_by("-n", "pk")
    )
    heavy, light = ranked.first(), ranked.last()
    if heavy is None or light is None:
        raise SystemExit(f"{officer} has no cases: run generate_data --demo-users first")
    return heavy, light


def _request(officer: User, person: Person) -> ReportRequest:
    court = (
        Court.objects.filter(pdu=person.pdu).order_by("code").first()
        or Court.objects.order_by("code").first()
    )
    if court is None:
        raise SystemExit("No courts: run generate_court_lists first")
    today = today_uk()
    request = ReportRequest.objects.create(
        person=person,
        court=court,
        offences=[{"code": "TH68010", "wording": "Theft of a pedal cycle"}],
        type_requested=ReportType.STANDARD,
        remand_status="unconditional_bail",
        hearing_date=today,
        adjourned_to=today + dt.timedelta(days=21),
        requested_on=today,
        required_by=today + dt.timedelta(days=21),
        status=RequestStatus.ALLOCATED,
        author=officer,
        allocated_on=today,
        requested_by=officer,
    )
    report_open(actor=officer, request=request)
    return request


def _time(client: Client, url: str, iterations: int) -> tuple[list[float], list[float], int]:
    """Wall-clock and this process's CPU times, and the usual query count (a request that renews the
    session adds its own few)."""
    times, cpu, counts = [], [], []
    for i in range(WARM_UP + iterations):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= WARM_UP:
            times.append(elapsed * 1000)
            cpu.append(elapsed_cpu * 1000)
            counts.append(len(captured.captured_queries))
    return times, cpu, statistics.mode(counts)


PAGES = {
    "report_editor": "reports:report",
    "request_page": "reports:request-detail",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--user", default="po")
    options = parser.parse_args()
    officer = User.objects.select_related("staff__team").get(username=options.user)
    client = Client()
    backend = next(b for b in settings.AUTHENTICATION_BACKENDS if not b.startswith("axes."))
    client.force_login(officer, backend=backend)
    heavy, light = _cases(officer)
    made = []
    try:
        heavy_request, light_request = _request(officer, heavy), _request(officer, light)
        made = [heavy_request.pk, light_request.pk]
        report: dict[str, object] = {
            "people": Person.objects.count(),
            "heavy_case_contacts": heavy.contacts.count(),
            "light_case_contacts": light.contacts.count(),
        }
        for name, url_name in PAGES.items():
            times, cpu, queries = _time(
                client, reverse(url_name, args=[heavy.crn, heavy_request.pk]), options.iterations
            )
            _light_times, _light_cpu, light_queries = _time(
                client,
                reverse(url_name, args=[light.crn, light_request.pk]),
                max(5, options.iterations // 10),
            )
            p95 = percentile(times, 0.95)
            report[name] = {
                "iterations": options.iterations,
                "p50_ms": round(percentile(times, 0.5), 2),
                "p95_ms": round(p95, 2),
                "cpu_p50_ms": round(percentile(cpu, 0.5), 2),
                "cpu_p95_ms": round(percentile(cpu, 0.95), 2),
                "queries": queries,
                "queries_light_case": light_queries,
                "constant_queries": queries == light_queries,
                "pass": p95 <= PAGE_P95_TARGET_MS and queries == light_queries,
            }
        report["load_average"] = os.getloadavg()
        print(json.dumps(report, indent=2))
    finally:
        Report.objects.filter(request_id__in=made).delete()
        ReportRequest.objects.filter(pk__in=made).delete()


if __name__ == "__main__":
    main()
