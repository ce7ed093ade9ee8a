"""``manage.py generate_insights``: the head-of-PDU and regional-lead demo logins and a first run of
the nightly local information aggregation (run generate_data --demo-users first)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from probation.core.clock import today_uk
from probation.demo.insights.generate import NoDemoTeam, generate


class Command(BaseCommand):
    help = "Local information demo: area-role logins and the first aggregation (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            generate(today=today_uk(), log=self.stdout.write)
        except NoDemoTeam as error:
            raise CommandError(str(error)) from None
