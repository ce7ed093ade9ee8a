"""Try again every victim letter by email or text that failed or is still queued (at most three
attempts in all, ADR 0049). Safe to run as often as wanted: a sent message is never sent again."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.victims.services.messages import victim_messages_retry_failed


class Command(BaseCommand):
    help = "Send victim letters by email or text that failed or are still queued."

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = victim_messages_retry_failed()
        self.stdout.write(f"{sent} sent, {failed} failed")
