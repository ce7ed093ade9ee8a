"""``manage.py tier_recalculate_all [--batch-size N]``: recalculate every person's tier nationally.

Safe to run again: only tiers that changed are written. Prints counts and the time taken.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from probation.tiers.services.bulk import DEFAULT_BATCH_SIZE, BulkResult, tier_recalculate_all


class Command(BaseCommand):
    help = "Recalculate every person's tier; store changed calculations and update each case's tier."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="people per batch and transaction"
        )

    def handle(self, *args: Any, batch_size: int, verbosity: int, **options: Any) -> None:
        def progress(totals: BulkResult) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  {totals.people:,} people, {totals.calculations_written:,} written")

        result = tier_recalculate_all(batch_size=batch_size, progress=progress)
        self.stdout.write(
            f"Recalculated {result.people:,} people in {result.batches:,} batches in {result.seconds:.1f} s: "
            f"{result.calculations_written:,} new calculations, {result.tiers_updated:,} case tiers updated"
        )
        if verbosity >= 1 and result.tiers:
            counts = ", ".join(f"{tier} {count:,}" for tier, count in sorted(result.tiers.items()))
            self.stdout.write(f"Tiers: {counts}")
