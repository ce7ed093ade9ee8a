"""``manage.py generate_case_reviews``: periodic case reviews with managers' oversight for people under
supervision, then the reviews now due (run after generate_case_history and tier_recalculate_all).
Running it again adds nothing for people who already have a review."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.core.clock import today_uk
from probation.demo.case_reviews.generate import generate


class Command(BaseCommand):
    help = "Generate periodic case reviews (demo data)."

    def handle(self, *args: Any, **options: Any) -> None:
        generate(today=today_uk(), log=self.stdout.write)
