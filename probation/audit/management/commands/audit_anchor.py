from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from probation.audit.anchors import AnchorError, audit_anchor_write


class Command(BaseCommand):
    help = (
        "Append a signed checkpoint of the audit chain head to AUDIT_ANCHOR_PATH, after checking the "
        "entries since the last one (ADR 0020). Run every few minutes."
    )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.AUDIT_ANCHOR_PATH:
            raise CommandError("AUDIT_ANCHOR_PATH is not set: there is nowhere to write the anchor")
        try:
            anchor = audit_anchor_write(path=settings.AUDIT_ANCHOR_PATH)
        except AnchorError as error:
            raise CommandError(f"Audit not anchored: {error}. Run audit_verify.") from error
        self.stdout.write(f"Audit anchored at entry {anchor.seq}")
