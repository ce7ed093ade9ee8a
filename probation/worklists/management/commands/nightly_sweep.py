"""``manage.py nightly_sweep [--today YYYY-MM-DD]``: recompute the work lists across the country and
raise the reviews enforcement.md requires and the periodic case reviews (issue 17 item 5); resolve
those whose condition has cleared.

Schedulable (cron, a Kubernetes CronJob) and safe to run twice: a second run raises and resolves
nothing. Prints counts raised and resolved per kind and the time taken.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from probation.core.clock import now, today_uk
from probation.worklists.case_reviews.services import case_reviews_sweep
from probation.worklists.models import WorkItemKind
from probation.worklists.services.sweep import worklist_sweep


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = "Raise and resolve the nightly reviews (work items) for every case in the country."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=str, help="run as of this date (YYYY-MM-DD); default today")

    def handle(self, *args: Any, today: str | None, **options: Any) -> None:
        day = _date(today) if today else today_uk()
        result = worklist_sweep(today=day, now=now())
        for kind in WorkItemKind:
            self.stdout.write(
                f"{kind.label}: {result.raised.get(kind.value, 0):,} raised, "
                f"{result.resolved.get(kind.value, 0):,} resolved"
            )
        self.stdout.write(
            f"Swept as of {day:%d %B %Y} in {result.seconds:.1f} s: {sum(result.raised.values()):,} raised, "
            f"{sum(result.resolved.values()):,} resolved, {result.reassigned:,} moved to a new officer"
        )
        # Periodic case reviews (issue 17 item 5).
        reviews = case_reviews_sweep(today=day, now=now())
        self.stdout.write(
            f"Case reviews: {reviews.raised:,} raised of {reviews.supervised:,} cases under supervision, "
            f"{reviews.withdrawn:,} withdrawn, {reviews.reassigned:,} moved to a new officer "
            f"in {reviews.seconds:.1f} s"
        )
