"""Writing the audit. Call audit_record inside the same transaction as the change it records."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction

from probation.accounts.models import User
from probation.audit.context import current_page
from probation.audit.hashing import GENESIS_HASH, audit_entry_hash
from probation.audit.models import AuditAction, AuditChainHead, AuditEvent, HashScheme
from probation.core.clock import now
from probation.core.session_events import SessionEvent

__all__ = ["GENESIS_HASH", "AuditWriteError", "audit_entry_hash", "audit_record"]

# Any fixed number: the PostgreSQL advisory lock that makes appends to the chain take turns.
CHAIN_LOCK = 0x61756469


class AuditWriteError(Exception):
    """The audit could not be written, so the action it records must not happen."""


def _chain_lock() -> None:
    """Appends take turns, so the chain stays linear. The service's role may not lock the head row
    (FOR UPDATE needs the UPDATE right it does not have, ADR 0020), so PostgreSQL takes an advisory
    lock held until the transaction ends; SQLite's writers already take turns (BEGIN IMMEDIATE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


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
            _chain_lock()
            head = AuditChainHead.objects.get(pk=1)
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
                hash_scheme=HashScheme.HMAC_SHA256,
            )
            entry.hash = audit_entry_hash(prev_hash=head.last_hash, entry=entry)
            # A database trigger checks the entry follows the head and moves the head on.
            entry.save()
            return entry
    except (DatabaseError, AuditChainHead.DoesNotExist, ImproperlyConfigured) as error:
        raise AuditWriteError("The audit could not be written") from error


def audit_case_refusal(
    *, actor: User, crn: str, url_name: str, method: str, ids: dict[str, str]
) -> AuditEvent:
    """The audit entry for a refused attempt (registered in AuditConfig.ready; core/case_refusals.py):
    the CRN asked for (a CRN that does not exist too: it is still a probe), the URL's name, the method
    and the other ids in the URL. A CRN too long to be one is kept in the detail instead."""
    detail: dict[str, Any] = {"url_name": url_name, "method": method}
    if ids:
        detail["ids"] = ids
    if len(crn) > 7:
        detail["asked_crn"] = crn[:40]
    return audit_record(
        actor=actor, action=AuditAction.REFUSED, crn=crn if len(crn) <= 7 else "", detail=detail
    )


def audit_session_event(
    *, actor: User | None, event: SessionEvent, username: str = "", detail: dict[str, Any] | None = None
) -> AuditEvent:
    """The audit entry for a sign-in, failed sign-in, lockout, two-factor step, unlock or sign-out
    (registered in AuditConfig.ready)."""
    return audit_record(actor=actor, action=AuditAction(event.value), username=username, detail=detail)
