"""``manage.py generate_court_lists``: courts for every PDU; lists for the demo court officer's region
for the last few sitting days (resulted) and the next few; report requests and reports in every state
for the whole record (about 90,000 a year at national scale). Run generate_data --demo-users first.
Running it again adds only what is missing.

manage.py generate_court_lists [--days 3] [--past-days 5] [--no-reports] [--seed 42]
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from probation.core.clock import today_uk
from probation.demo.court_lists.generate import NoCourtOfficer, generate


class Command(BaseCommand):
    help = "Generate courts and court lists for the next sitting days (demo data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3, help="Sitting days from tomorrow (default 3)")
        parser.add_argument(
            "--past-days", type=int, default=5, help="Sitting days already heard, resulted (default 5)"
        )
        parser.add_argument("--no-reports", action="store_true", help="Skip the report requests and reports")
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["days"] <= 30:
            raise CommandError("--days must be from 1 to 30")
        if not 0 <= options["past_days"] <= 30:
            raise CommandError("--past-days must be from 0 to 30")
        try:
            result = generate(
                seed=options["seed"],
                days=options["days"],
                past_days=options["past_days"],
                reports=not options["no_reports"],
                today=today_uk(),
                log=self.stdout.write,
            )
        except NoCourtOfficer as error:
            raise CommandError(str(error)) from None
        days = ", ".join(f"{d:%a %-d %b}" for d in [*result.past_days, *result.days])
        self.stdout.write(
            f"{result.courts} courts; {result.lists} new lists with {result.hearings} defendants "
            f"({result.confirmed} matched by PNC and confirmed, {result.resulted} resulted) for {days}; "
            f"{result.reports.requests:,} report requests and {result.reports.reports:,} reports"
        )
