"""``manage.py generate_case_history``: sentences, requirements, licences, contacts and their outcomes,
enforcement actions, breaches and recalls for every person already generated (run generate_data
first), with their RoSH, registrations, MAPPA, needs assessments, criminal history and predictor
scores (run tier_recalculate_all after it). The same seed over the same people gives the same rows.

manage.py generate_case_history --seed 42 [--flush] [--contacts-per-person-mean 42]
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from probation.demo.case_history.generate import HistoryExists, NoPeople, Result, generate


class Command(BaseCommand):
    help = (
        "Generate sentences, contacts, enforcement, risk, MAPPA, needs and predictor scores for existing "
        "people (deterministic)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42)")
        parser.add_argument(
            "--contacts-per-person-mean",
            type=float,
            default=42.0,
            help="Mean contacts per person (default 42: 250,000 people give about 10.5 million)",
        )
        parser.add_argument(
            "--heavy-person-contacts",
            type=int,
            default=2000,
            help="Contacts for the few heavy cases, one of them the demo PO's first case (default 2000)",
        )
        parser.add_argument("--flush", action="store_true", help="Delete the existing case history first")
        parser.add_argument("--chunk", type=int, default=2500, help="People per chunk (default 2500)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["contacts_per_person_mean"] <= 0 or options["heavy_person_contacts"] < 1:
            raise CommandError("--contacts-per-person-mean and --heavy-person-contacts must be positive")
        if options["chunk"] < 1:
            raise CommandError("--chunk must be at least 1")
        started = time.perf_counter()
        try:
            result = generate(
                seed=options["seed"],
                mean=options["contacts_per_person_mean"],
                heavy_contacts=options["heavy_person_contacts"],
                flush=options["flush"],
                log=self.stdout.write,
                chunk=options["chunk"],
            )
        except (HistoryExists, NoPeople) as error:
            raise CommandError(str(error)) from None
        self._report(result, time.perf_counter() - started)

    def _report(self, result: Result, elapsed: float) -> None:
        write = self.stdout.write
        write("")
        write("Totals")
        for name, count in result.totals.items():
            write(f"  {name:<17} {count:>12,}")
        if result.people:
            write(f"  contacts/person   {result.totals.get('contact', 0) / result.people:>12.1f}")
        for crn, contacts in result.heavy:
            write(f"  heavy case        {crn} ({contacts:,} contacts)")
        write("Timings")
        for name, seconds in result.timings.items():
            write(f"  {name:<17} {seconds:>10.1f}s")
        write("")
        write(
            self.style.SUCCESS(
                f"Generated case history for {result.people:,} people "
                f"({result.totals.get('contact', 0):,} contacts) in {elapsed:.1f}s"
            )
        )
