"""``manage.py generate_workload``: reductions and a part-time contract for a few of the demo senior
PO's officers (run generate_data --demo-users first). Running it again adds nothing."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from probation.core.clock import today_uk
from probation.demo.workload.generate import NoDemoManager, generate


class Command(BaseCommand):
    help = "Generate workload reductions for the demo team (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            generate(today=today_uk(), log=self.stdout.write)
        except NoDemoManager as error:
            raise CommandError(str(error)) from None
