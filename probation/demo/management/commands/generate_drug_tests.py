"""``manage.py generate_drug_tests``: drug test histories for people with drug rehabilitation
requirements or licence drug-testing conditions (run generate_case_history first). Running it again
adds nothing for contacts that already have a test."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.drug_testing.generate import generate


class Command(BaseCommand):
    help = "Generate drug test histories (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
