"""``manage.py generate_court_lists``: courts for the demo court officer's region and their lists for the
next few sitting days, so the court pages have data (run generate_data --demo-users first). Running it
again adds only what is missing.

manage.py generate_court_lists [--days 3] [--seed 42]
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from probation.core.clock import today_uk
from probation.demo.court_lists.generate import NoCourtOfficer, generate


class Command(BaseCommand):
    help = "Generate courts and court lists for the next sitting days (demo data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3, help="Sitting days from tomorrow (default 3)")
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["days"] <= 30:
            raise CommandError("--days must be from 1 to 30")
        try:
            result = generate(
                seed=options["seed"], days=options["days"], today=today_uk(), log=self.stdout.write
            )
        except NoCourtOfficer as error:
            raise CommandError(str(error)) from None
        days = ", ".join(f"{d:%a %-d %b}" for d in result.days)
        self.stdout.write(
            f"{result.courts} courts; {result.lists} new lists with {result.hearings} defendants "
            f"({result.confirmed} matched by PNC and confirmed) for {days}"
        )
