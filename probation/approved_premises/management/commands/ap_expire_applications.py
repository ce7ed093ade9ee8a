"""``manage.py ap_expire_applications``: mark approved-premises applications not submitted within 6
months as expired (approved-premises.md § 1). Run daily; running it twice changes nothing more.
Pages already show such an application as expired and refuse to submit it."""

from typing import Any

from django.core.management.base import BaseCommand

from probation.approved_premises.services.applications import applications_expire
from probation.core.clock import now


class Command(BaseCommand):
    help = "Expire approved-premises applications left unsubmitted for 6 months."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = applications_expire(at=now())
        self.stdout.write(f"{expired} application{'s' if expired != 1 else ''} expired")
