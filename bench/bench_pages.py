#!/usr/bin/env python
"""Time the busiest pages against a loaded database, and the same SQL run on its own.

For each page: wall time per request through Django's test Client as a signed-in practitioner (all
middleware, the session save and the audit write included), the SQL statements the request ran
(captured with CaptureQueriesContext), and the time the database alone takes for those statements:
they are replayed with a raw cursor inside a transaction that is rolled back. Writes are replayed
too, each behind a savepoint; the audit insert then fails on its unique sequence number (the entry
exists), so the time it took to fail (insert and index check) is what is counted. COMMIT is not
replayed, so the commit's WAL flush is in the page time only.

Run through bench/run.sh, or directly with DATABASE_URL and DJANGO_SETTINGS_MODULE set:

    .venv/bin/python bench/bench_pages.py --iterations 200
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
# Static files are served by the web server in production; the test settings' finder warns without them.
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

# The benchmark times pages, not the search rate limit (ADR 0021): 200 searches a minute by one user
# would otherwise be refused with a 429 after the first 30.
settings.SEARCH_RATES = ("1000000/m",)
from django.test.utils import CaptureQueriesContext  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.people.policy import people_visible_to  # noqa: E402
from probation.people.search import person_search  # noqa: E402

PAGE_P95_TARGET_MS = 50.0
RATIO_TARGET = 2.0
WARM_UP = 10
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


@dataclass
class Measurement:
    name: str
    example_url: str
    iterations: int
    page_p50_ms: float
    page_p95_ms: float
    sql_p50_ms: float
    sql_p95_ms: float
    queries: int
    queries_max: int
    ratio_p50: float
    ratio_p95: float
    p95_pass: bool
    ratio_pass: bool
    results: int | None = None
    # CPU time of this process per request (mean): the application's own cost, which a busy shared
    # machine inflates far less than wall time.
    cpu_mean_ms: float | None = None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def replay(statements: list[str]) -> float:
    """Seconds the database takes to run ``statements`` (fetching every row), then roll back."""
    raw = connection.connection
    total = 0.0
    with raw.cursor() as cursor:
        cursor.execute("BEGIN")
        try:
            for sql in statements:
                cursor.execute("SAVEPOINT bench")
                started = time.perf_counter()
                try:
                    cursor.execute(sql)
                    if cursor.description is not None:
                        cursor.fetchall()
                    failed = False
                except psycopg.Error:
                    failed = True
                total += time.perf_counter() - started
                cursor.execute("ROLLBACK TO SAVEPOINT bench" if failed else "RELEASE SAVEPOINT bench")
        finally:
            cursor.execute("ROLLBACK")
    return total


def measure(client: Client, name: str, urls: list[str], iterations: int) -> Measurement:
    page_times, sql_times, counts, cpu_times = [], [], [], []
    for i in range(WARM_UP + iterations):
        url = urls[i % len(urls)]
        connection.queries_log.clear()  # the log keeps 9,000 entries; a full log captures nothing
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        if response.status_code != 200:
            raise SystemExit(f"{name}: {url} returned {response.status_code}")
        statements = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(CONTROL)]
        sql_seconds = replay(statements)
        if i >= WARM_UP:
            page_times.append(elapsed * 1000)
            sql_times.append(sql_seconds * 1000)
            counts.append(len(statements))
            cpu_times.append(cpu * 1000)
    page_p50, page_p95 = percentile(page_times, 0.5), percentile(page_times, 0.95)
    sql_p50, sql_p95 = percentile(sql_times, 0.5), percentile(sql_times, 0.95)
    return Measurement(
        name=name,
        example_url=urls[0],
        iterations=iterations,
        page_p50_ms=round(page_p50, 2),
        page_p95_ms=round(page_p95, 2),
        sql_p50_ms=round(sql_p50, 2),
        sql_p95_ms=round(sql_p95, 2),
        queries=round(statistics.median(counts)),
        queries_max=max(counts),
        ratio_p50=round(page_p50 / max(sql_p50, 1e-6), 2),
        ratio_p95=round(page_p95 / max(sql_p95, 1e-6), 2),
        p95_pass=page_p95 <= PAGE_P95_TARGET_MS,
        ratio_pass=page_p50 <= RATIO_TARGET * sql_p50,
        cpu_mean_ms=round(statistics.mean(cpu_times), 2),
    )


def scenarios(user: User) -> list[tuple[str, list[str], str | None]]:
    """(name, URLs to cycle through, search text whose result count to report)."""
    rng = random.Random(7)
    caseload = list(
        people_visible_to(user, Person.objects.filter(officer=user.staff))
        .order_by("crn")
        .values_list("crn", flat=True)
    )
    if not caseload:
        raise SystemExit(f"{user.username} has no visible cases: generate data with --demo-users first")
    last_id = Person.objects.order_by("-id").values_list("id", flat=True).first() or 0
    sample_ids = rng.sample(range(1, last_id + 1), min(400, last_id))
    sample = list(
        Person.objects.filter(id__in=sample_ids, has_exclusions=False, is_restricted=False).values_list(
            "crn", "pnc_number", "first_name", "surname"
        )
    )
    crns = [crn for crn, *_ in sample][:50]
    pncs = [pnc for _, pnc, *_ in sample if pnc][:50]
    partial = [f"{first[:3]} {surname[:4]}".lower() for _, _, first, surname in sample][:50]
    return [
        # The overview a case opens on (issue 10): sentences and compliance, appointments, outcomes
        # needed, recent contacts, RoSH, flags, MAPPA and tier, from every app's panel.
        ("Case overview", [f"/cases/{crn}/" for crn in caseload], None),
        ("Personal details", [f"/cases/{crn}/personal-details" for crn in caseload], None),
        ("Caseload (my cases)", ["/cases/mine"], None),
        ("Search: surname (smith)", ["/search?q=smith"], "smith"),
        ("Search: typo (jonhson)", ["/search?q=jonhson"], "jonhson"),
        ("Search: partial name", [f"/search?q={q.replace(' ', '+')}" for q in partial], partial[0]),
        ("Search: CRN", [f"/search?q={crn}" for crn in crns], crns[0]),
        ("Search: PNC", [f"/search?q={pnc}" for pnc in pncs], pncs[0]),
        *case_work_scenarios(user, caseload),
    ]


def case_work_scenarios(user: User, caseload: list[str]) -> list[tuple[str, list[str], str | None]]:
    """Issue 3's pages: sentence page, the contact log of the person with the most contacts the PO
    can see, the officer's lists and diary. Skipped when no case history was generated."""
    from probation.contacts.models import Contact
    from probation.sentences.models import Sentence

    sentences = list(
        Sentence.objects.filter(person__crn__in=caseload)
        .order_by("-sentence_date")
        .values_list("person__crn", "id")[:50]
    )
    if not sentences:
        return []
    # The generator gives a few people about 2,000 contacts; take the busiest one the PO may see.
    busiest = (
        Contact.objects.values("person_id")
        .annotate(n=Count("id"))
        .filter(n__gte=1500)
        .order_by("-n")
        .values_list("person_id", flat=True)[:20]
    )
    heavy = (
        people_visible_to(user, Person.objects.filter(id__in=list(busiest)))
        .values_list("crn", flat=True)
        .first()
    )
    scenarios = [("Sentence page", [f"/cases/{crn}/sentences/{sid}" for crn, sid in sentences], None)]
    if heavy:
        scenarios.append((f"Contact log ({heavy}, ~2,000 contacts)", [f"/cases/{heavy}/contacts"], None))
        scenarios.append((f"Case overview ({heavy}, ~2,000 contacts)", [f"/cases/{heavy}/"], None))
    scenarios += [
        ("Contact log (own cases)", [f"/cases/{crn}/contacts" for crn in caseload[:50]], None),
        ("Needs an outcome", ["/contacts/outstanding"], None),
        ("My work (officer's lists)", ["/work"], None),
        ("Diary (this week)", ["/diary"], None),
    ]
    return scenarios


# The team manager's pages, requested as the demo senior PO (``--manager``): their decisions (team
# caseload, four decision queries, the unallocated cases) and the PDU's unallocated cases.
MANAGER_PAGES: list[tuple[str, list[str], str | None]] = [
    ("Decisions (senior PO)", ["/work/decisions"], None),
    ("Unallocated cases (PDU)", ["/work/unallocated"], None),
    # Issue 17: each officer's points and capacity, the team's untiered cases (target p95 ≤ 50 ms).
    ("Team workload (senior PO)", ["/workload/team"], None),
]


def table(measurements: list[Measurement]) -> str:
    lines = [
        "| Page | p50 ms | p95 ms | SQL p50 ms | SQL p95 ms | queries | page/SQL (p50) "
        "| p95 ≤ 50 ms | ≤ 2× SQL | CPU ms |",
        "|---|---:|---:|---:|---:|---:|---:|:-:|:-:|---:|",
    ]
    for m in measurements:
        queries = f"{m.queries}" + ("" if m.queries == m.queries_max else f" (max {m.queries_max})")
        times = f"{m.page_p50_ms:.1f} | {m.page_p95_ms:.1f} | {m.sql_p50_ms:.1f} | {m.sql_p95_ms:.1f}"
        verdicts = f"{'PASS' if m.p95_pass else 'FAIL'} | {'PASS' if m.ratio_pass else 'FAIL'}"
        lines.append(
            f"| {m.name} | {times} | {queries} | {m.ratio_p50:.2f} | {verdicts} | {m.cpu_mean_ms:.1f} |"
        )
    return "\n".join(lines)


def environment() -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    try:
        git = ["git", "rev-parse", "--short", "HEAD"]
        commit = subprocess.run(git, cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()  # noqa: S603
    except OSError:
        commit = ""
    return {
        "postgresql": server,
        "python": platform.python_version(),
        "django": django.get_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "commit": commit,
        "people_in_database": Person.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--user", default="po", help="the signed-in practitioner (default: the demo po)")
    parser.add_argument(
        "--generate-seconds", type=float, default=None, help="generate_data wall time, to report"
    )
    parser.add_argument("--people", type=int, default=None, help="people generated, to report")
    parser.add_argument("--manager", default="spo", help="the signed-in senior PO (default: the demo spo)")
    parser.add_argument("--only", default="", help="run only pages whose name contains this text")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("The benchmark needs PostgreSQL: set DATABASE_URL (see bench/README.md)")
    user = User.objects.select_related("staff__team").get(username=args.user)
    client = Client()
    # Sign in through the project's own backend (axes' backend only guards password sign-in).
    backend = next(b for b in settings.AUTHENTICATION_BACKENDS if not b.startswith("axes."))
    client.force_login(user, backend=backend)
    manager_client = Client()
    manager_client.force_login(User.objects.get(username=args.manager), backend=backend)
    measurements = []
    runs = [(client, page) for page in scenarios(user)] + [(manager_client, page) for page in MANAGER_PAGES]
    for who, (name, urls, search_text) in runs:
        if args.only and args.only.lower() not in name.lower():
            continue
        print(f"{name}: {args.iterations} requests...", flush=True)
        result = measure(who, name, urls, args.iterations)
        if search_text is not None:
            result.results = len(person_search(user=user, text=search_text))
        measurements.append(result)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "timestamp": stamp,
        "load_average": os.getloadavg(),
        "environment": environment(),
        "people_generated": args.people,
        "generate_data_seconds": args.generate_seconds,
        "iterations": args.iterations,
        "user": args.user,
        "targets": {"page_p95_ms": PAGE_P95_TARGET_MS, "page_over_sql_max": RATIO_TARGET},
        "pages": [asdict(m) for m in measurements],
    }
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print()
    if args.generate_seconds is not None:
        print(f"generate_data: {args.people or '?'} people in {args.generate_seconds:.1f}s\n")
    print(table(measurements))
    print("\nLoad average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        "\nSearch result counts: "
        + ", ".join(f"{m.name}: {m.results}" for m in measurements if m.results is not None)
    )
    print(f"Results written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
