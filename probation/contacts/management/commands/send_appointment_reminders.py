"""Send tomorrow's appointment reminders. Safe to run more than once a day: a reminder is sent at
most once per appointment (NotificationMessage's notification_once_per_contact_template)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from probation.contacts.models import Contact
from probation.contacts.notify import DAY_BEFORE, reminder_send
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk


class Command(BaseCommand):
    help = "Send reminders for appointments tomorrow (UK time) to people who asked for one."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--date", help="Send for appointments on this date (YYYY-MM-DD) instead of tomorrow"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = (
            dt.date.fromisoformat(options["date"])
            if options.get("date")
            else today_uk() + dt.timedelta(days=1)
        )
        ids = (
            Contact.objects.appointments()
            .filter(
                outcome="",
                starts_at__gte=london_datetime(day, dt.time()),
                starts_at__lt=london_datetime(day + dt.timedelta(days=1), dt.time()),
            )
            .exclude(reminder="")
            .exclude(notifications__template=DAY_BEFORE)
            .values_list("pk", flat=True)
            .order_by("starts_at", "pk")
        )
        sent = sum(1 for pk in list(ids) if reminder_send(contact_id=pk, template=DAY_BEFORE) is not None)
        self.stdout.write(f"Sent {sent} reminders for {day.isoformat()}")
