"""Writing the audit. Call audit_record inside the same transaction as the change it records."""

import hashlib
import json
from typing import Any

from django.db import DatabaseError, transaction

from probation.accounts.models import User
from probation.audit.context import current_page
from probation.audit.models import AuditAction, AuditChainHead, AuditEvent
from probation.core.clock import now
from probation.core.session_events import SessionEvent

GENESIS_HASH = "0" * 64


class AuditWriteError(Exception):
    """The audit could not be written, so the action it records must not happen."""


def audit_entry_hash(*, prev_hash: str, entry: AuditEvent) -> str:
    payload = {
        "seq": entry.seq,
        "occurred_at": entry.occurred_at.isoformat(timespec="microseconds"),
        "user_id": entry.user_id,
        "username": entry.username,
        "action": entry.action,
        "crn": entry.crn,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "page": entry.page,
        "detail": entry.detail,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}|{canonical}".encode()).hexdigest()


def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    crn: str = "",
    object_type: str = "",
    object_id: object = "",
    detail: dict[str, Any] | None = None,
    username: str = "",
) -> AuditEvent:
    """Append one entry to the chain. Raises AuditWriteError (and the caller's transaction rolls
    back) if it cannot be written."""
    try:
        with transaction.atomic():
            head = AuditChainHead.objects.select_for_update().get(pk=1)
            entry = AuditEvent(
                seq=head.seq + 1,
                occurred_at=now(),
                user=actor if actor is not None and actor.is_authenticated else None,
                username=(actor.username if actor is not None and actor.is_authenticated else username)[:150],
                action=action,
                crn=crn,
                object_type=object_type,
                object_id=str(object_id),
                page=current_page.get(),
                detail=detail or {},
                prev_hash=head.last_hash,
            )
            entry.hash = audit_entry_hash(prev_hash=head.last_hash, entry=entry)
            entry.save()
            head.seq = entry.seq
            head.last_hash = entry.hash
            head.save(update_fields=["seq", "last_hash"])
            return entry
    except (DatabaseError, AuditChainHead.DoesNotExist) as error:
        raise AuditWriteError("The audit could not be written") from error


def audit_session_event(*, actor: User | None, event: SessionEvent, username: str = "") -> AuditEvent:
    """The audit entry for a sign-in, failed sign-in or sign-out (registered in AuditConfig.ready)."""
    return audit_record(actor=actor, action=AuditAction(event.value), username=username)
