"""Nightly: work out every prisoner's proposed key dates and handover again (probation.custody.services
.nightly). Run once a night after the sweep: ``manage.py compute_key_dates``."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.custody.services.nightly import key_dates_recalculate_all


class Command(BaseCommand):
    help = "Work out every prisoner's proposed release key dates and handover with today's rules."

    def handle(self, *args: Any, **options: Any) -> None:
        result = key_dates_recalculate_all(today=today_uk())
        self.stdout.write(
            f"Computed {result.computed} custody records ({result.changed} changed, {result.refused} with "
            f"inputs to correct) in {result.seconds} s"
        )
