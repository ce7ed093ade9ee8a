"""``manage.py generate_unpaid_work``: Community Payback projects per PDU, the generated unpaid-work
sessions moved onto them, and the upw-staff / upw-supervisor demo sign-ins (run generate_data
--demo-users and generate_case_history first). Running it again adds nothing."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from probation.core.clock import today_uk
from probation.demo.unpaid_work.generate import NoDemoData, generate


class Command(BaseCommand):
    help = "Generate unpaid-work projects and move generated sessions onto them (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            generate(today=today_uk(), log=self.stdout.write)
        except NoDemoData as error:
            raise CommandError(str(error)) from None
