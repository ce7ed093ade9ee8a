"""What the bench scripts share: the database (Django set up against DATABASE_URL, test settings by
default), the demo users, and the timing loop (wall p50/p95, CPU milliseconds per request, queries).

A bench script imports this before anything from Django:

    from common import setup
    setup()
    from common import time_page, user   # after setup()

bench_unpaid_work.py uses it; the other scripts may adopt it as they are next changed.
"""

import contextlib
import os
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE_P95_TARGET_MS = 50.0
WARM_UP = 10


def setup() -> None:
    """Import path, settings and ``django.setup()``: call once, before importing the project."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


def database() -> dict[str, str]:
    """Which database the figures are from (vendor and name), for the report."""
    from django.db import connection

    return {"vendor": connection.vendor, "name": str(connection.settings_dict.get("NAME", ""))}


def user(username: str) -> Any:
    """A demo login (generate_data --demo-users), with its staff and team read."""
    from probation.accounts.models import User

    found = User.objects.select_related("staff__team").filter(username=username).first()
    if found is None:
        raise SystemExit(f"No demo user {username!r}: run generate_data --demo-users")
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@contextlib.contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in a transaction rolled back at its end: the database is left as it was."""
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


class Timer:
    """Wall and CPU time of one request and the queries it ran."""

    def __init__(self) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self._queries = CaptureQueriesContext(connection)
        self.wall_ms = self.cpu_ms = 0.0
        self.queries = 0

    def __enter__(self) -> "Timer":
        self._queries.__enter__()
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall_ms = (time.perf_counter() - self._wall) * 1000
        self.cpu_ms = (time.process_time() - self._cpu) * 1000
        self._queries.__exit__(*exc)
        self.queries = len(self._queries.captured_queries)


def summarise(walls: list[float], cpus: list[float], queries: list[int], target_ms: float) -> dict[str, Any]:
    p95 = percentile(walls, 0.95)
    return {
        "requests": len(walls),
        "p50_ms": round(percentile(walls, 0.5), 2),
        "p95_ms": round(p95, 2),
        "cpu_ms_per_request": round(sum(cpus) / len(cpus), 2),
        "queries": max(queries),
        "pass": p95 <= target_ms,
    }


def time_page(
    login: Any, url: str, iterations: int, *, target_ms: float = PAGE_P95_TARGET_MS
) -> dict[str, Any]:
    """GET ``url`` as ``login`` ``iterations`` times after a warm-up; every response must be a 200."""
    from django.test import Client

    client = Client()
    client.force_login(login)
    walls: list[float] = []
    cpus: list[float] = []
    queries: list[int] = []
    for i in range(WARM_UP + iterations):
        with Timer() as timer:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} returned {response.status_code}")
        if i >= WARM_UP:
            walls.append(timer.wall_ms)
            cpus.append(timer.cpu_ms)
            queries.append(timer.queries)
    return summarise(walls, cpus, queries, target_ms)
