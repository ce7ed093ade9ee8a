"""Making, replacing and turning off an officer's diary-feed link (issue 9 item 7)."""

from django.db import transaction

from probation.accounts.models import Staff, User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.feeds import feed_token_hash, feed_token_new
from probation.contacts.models import DiaryFeedToken


@transaction.atomic
def diary_feed_link_create(*, actor: User, staff: Staff) -> str:
    """A new secret for the officer's feed, replacing any old one. Returns the secret: it is shown
    once and never stored."""
    token = feed_token_new()
    replaced, _ = DiaryFeedToken.objects.filter(staff=staff).delete()
    DiaryFeedToken.objects.create(staff=staff, token_hash=feed_token_hash(token))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="diary_feed_link",
        object_id=staff.code,
        detail={"replaced": bool(replaced)},
    )
    return token


@transaction.atomic
def diary_feed_link_revoke(*, actor: User, staff: Staff) -> None:
    deleted, _ = DiaryFeedToken.objects.filter(staff=staff).delete()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="diary_feed_link",
        object_id=staff.code,
        detail={"turned_off": bool(deleted)},
    )
