from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from probation.audit.anchors import AnchorError, audit_anchors_read
from probation.audit.verification import audit_chain_verify


class Command(BaseCommand):
    help = (
        "Verify the tamper-evident audit chain (keyed hashes) against the anchors in AUDIT_ANCHOR_PATH; "
        "names the first broken entry or the missing tail."
    )

    def handle(self, *args: object, **options: object) -> None:
        path = settings.AUDIT_ANCHOR_PATH
        try:
            anchors = audit_anchors_read(path=path) if path else []
        except AnchorError as error:
            raise CommandError(f"Audit anchors altered: {error} ({path})") from error
        report = audit_chain_verify(anchors=anchors)
        if not report.ok:
            raise CommandError(
                f"Audit chain broken at entry {report.broken_seq}: {report.reason} "
                f"({report.checked} entries verified before it)"
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} entries verified"))
        if report.unkeyed:
            self.stdout.write(
                f"{report.unkeyed} entries from before keyed hashes (ADR 0020) are proven only by the anchors"
            )
        if path:
            self.stdout.write(f"{report.anchors} anchors matched ({path})")
        else:
            self.stdout.write("No anchor store (AUDIT_ANCHOR_PATH): a removed tail cannot be detected")
