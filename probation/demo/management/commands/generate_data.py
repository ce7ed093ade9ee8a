"""``manage.py generate_data``: realistic synthetic data, the same for the same seed.

manage.py generate_data --people 250000 --seed 42 --flush --demo-users
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from probation.demo.people.generate import DataExists, Result, generate


class Command(BaseCommand):
    help = "Generate a synthetic organisation, staff and people (deterministic for a given seed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=2000, help="Number of people (default 2000)")
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42)")
        parser.add_argument("--flush", action="store_true", help="Delete existing generated data first")
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Create demo sign-ins (po, pso, spo, admin-case, court, vlo, ap, partner, sysadmin) "
            "with the password in DEMO_PASSWORD (default demo-password-1)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["people"] < 1:
            raise CommandError("--people must be at least 1")
        started = time.perf_counter()
        try:
            result = generate(
                people=options["people"],
                seed=options["seed"],
                flush=options["flush"],
                demo_users=options["demo_users"],
                log=self.stdout.write,
            )
        except DataExists as error:
            raise CommandError(str(error)) from None
        self._report(result, time.perf_counter() - started)

    def _report(self, result: Result, elapsed: float) -> None:
        write = self.stdout.write
        write("")
        write("Totals")
        for name, count in result.totals.items():
            write(f"  {name:<14} {count:>12,}")
        write(f"  CRNs           {result.first_crn} to {result.last_crn}")
        write("Timings")
        for name, seconds in result.timings.items():
            write(f"  {name:<14} {seconds:>10.1f}s")
        if result.logins:
            write("")
            write("Demo sign-ins (password from DEMO_PASSWORD, default demo-password-1)")
            width = max(len(login.who) for login in result.logins)
            write(f"  {'username':<11} {'role':<14} {'who':<{width}}  what they can do")
            for login in result.logins:
                write(f"  {login.username:<11} {login.role:<14} {login.who:<{width}}  {login.can}")
        write("")
        write(self.style.SUCCESS(f"Generated {result.totals.get('people', 0):,} people in {elapsed:.1f}s"))
