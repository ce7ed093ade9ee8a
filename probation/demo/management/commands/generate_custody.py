"""``manage.py generate_custody``: custody records with key dates, handovers and pre-release plans for
the people in custody (run after generate_case_history). Running it again adds nothing new."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.custody.generate import generate


class Command(BaseCommand):
    help = "Generate custody records, key dates, handovers and pre-release plans (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
