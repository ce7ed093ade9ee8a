"""``manage.py generate_victims``: the victim contact scheme for the demo convictions that qualify
(run generate_data and generate_case_history first). Running it again adds nothing."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.victims.generate import generate


class Command(BaseCommand):
    help = "Generate victim contact scheme cases, victims, contacts and requests (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
