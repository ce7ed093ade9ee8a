"""``manage.py generate_referrals``: commissioned-service providers, the ``provider`` demo sign-in and
referrals in every state (run generate_data --demo-users and generate_case_history first). Running it
again adds nothing."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from probation.core.clock import today_uk
from probation.demo.referrals.generate import NoDemoData, generate


class Command(BaseCommand):
    help = "Generate commissioned-service providers and referrals (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            generate(today=today_uk(), log=self.stdout.write)
        except NoDemoData as error:
            raise CommandError(str(error)) from None
