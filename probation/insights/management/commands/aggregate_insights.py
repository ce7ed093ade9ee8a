"""``manage.py aggregate_insights [--as-of YYYY-MM-DD]``: the nightly aggregation of local information
and equality figures (run it from the scheduler once a night, after the day's records are in)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from probation.core.clock import today_uk
from probation.insights.services.aggregation import aggregate


class Command(BaseCommand):
    help = "Rebuild the local information and equality monitoring figures (nightly)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        run = aggregate(as_of=options["as_of"] or today_uk())
        seconds = (run.finished_at - run.started_at).total_seconds()
        self.stdout.write(
            f"Figures as of {run.as_of:%d %B %Y}: {run.area_rows} area rows, "
            f"{run.equality_rows} equality rows in {seconds:.1f} s"
        )
