from django.core.management.base import BaseCommand, CommandError

from probation.audit.verification import audit_chain_verify


class Command(BaseCommand):
    help = "Verify the tamper-evident audit chain; names the first broken entry."

    def handle(self, *args: object, **options: object) -> None:
        report = audit_chain_verify()
        if not report.ok:
            raise CommandError(
                f"Audit chain broken at entry {report.broken_seq}: {report.reason} "
                f"({report.checked} entries verified before it)"
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} entries verified"))
