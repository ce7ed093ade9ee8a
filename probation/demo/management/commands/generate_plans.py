"""``manage.py generate_plans``: sentence plans for most people under supervision, at realistic states
(run generate_case_history first). Running it again adds nothing for people who already have one."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.plans.generate import generate


class Command(BaseCommand):
    help = "Generate sentence plans (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
