#!/usr/bin/env python
"""CPU time, queries and (optionally) a profile of pages, for before/after figures on a busy machine.

Wall time on a shared machine mostly measures the other processes; the CPU time of this process per
request and the query count do not depend on them much. Each URL is requested ``--n`` times as the
signed-in ``--user`` (after 10 warm-up requests) through Django's test Client against the database in
DATABASE_URL (load it with bench/run.sh), then summarised; ``--profile`` adds a cProfile of those
requests, timed by CPU:

    DATABASE_URL=postgres://... .venv/bin/python bench/profile_page.py --n 100 /search /work
    DATABASE_URL=postgres://... .venv/bin/python bench/profile_page.py --user spo --profile /work/decisions

To compare two commits, run this file from each checkout in turn (it imports the code of the
directory it is run from).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import warnings

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from probation.accounts.models import User  # noqa: E402

settings.SEARCH_RATES = ("1000000/m",)  # pages, not the search rate limit (ADR 0021)
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--n", type=int, default=60, help="requests per URL")
    parser.add_argument("--user", default="po")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key")
    parser.add_argument("--lines", type=int, default=60)
    args = parser.parse_args()
    backend = next(b for b in settings.AUTHENTICATION_BACKENDS if not b.startswith("axes."))
    client = Client()
    client.force_login(User.objects.get(username=args.user), backend=backend)
    for url in args.urls:
        for _ in range(10):
            if (status := client.get(url).status_code) != 200:
                raise SystemExit(f"{url} returned {status}")
        profile = cProfile.Profile(time.process_time) if args.profile else None
        cpu, wall, queries = [], [], []
        for _ in range(args.n):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                started, cpu_started = time.perf_counter(), time.process_time()
                if profile:
                    profile.enable()
                client.get(url)
                if profile:
                    profile.disable()
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            queries.append(sum(1 for q in captured.captured_queries if not q["sql"].startswith(CONTROL)))
        wall.sort()
        print(
            f"{url}: CPU mean {statistics.mean(cpu):.2f} ms, median {statistics.median(cpu):.2f} ms; "
            f"wall p50 {wall[len(wall) // 2]:.1f} p95 {wall[round(0.95 * (len(wall) - 1))]:.1f} ms; "
            f"queries {min(queries)}-{max(queries)}; load average {os.getloadavg()[0]:.2f}"
        )
        if profile:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.lines)
            print(out.getvalue())


if __name__ == "__main__":
    main()
