"""``manage.py generate_programmes``: accredited programme referrals, groups and registers (run
generate_case_history first). Running it again adds nothing."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.programmes.generate import generate


class Command(BaseCommand):
    help = "Generate accredited programme groups and registers (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
