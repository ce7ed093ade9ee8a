"""``manage.py generate_approved_premises``: the national approved premises estate, its demo logins,
and applications and bookings in every state (run generate_data --demo-users first)."""

from random import Random
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from probation.core.clock import today_uk
from probation.demo.approved_premises.generate import (
    flush,
    generate_changes,
    generate_estate,
    generate_stays,
)


class Command(BaseCommand):
    help = "Generate the approved premises estate, applications and bookings (demo data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--flush", action="store_true", help="Delete the estate and rebuild it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["flush"]:
            flush()
        rng = Random(options["seed"])
        generate_estate(rng=rng, today=today_uk(), log=self.stdout.write)
        generate_stays(rng=rng, today=today_uk(), log=self.stdout.write)
        generate_changes(rng=rng, today=today_uk(), log=self.stdout.write)
