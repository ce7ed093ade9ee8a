"""``manage.py generate_parole``: parole reviews (PAROM1s in every state, hearings and decisions) and
reports to governors for indeterminate and extended prisoners (run generate_custody and generate_plans
first). Running it again adds nothing for records that already have a review."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.parole.generate import generate


class Command(BaseCommand):
    help = "Generate parole reviews and reports to governors (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
