"""The audit's hashes and signatures (ADR 0003, ADR 0020).

An entry's hash is an HMAC-SHA256 of the previous entry's hash and a canonical JSON of the entry,
keyed with ``settings.AUDIT_HMAC_KEY``, which is never stored in the database: whoever can write to
the database but does not hold the key cannot re-chain the audit so that it verifies. Entries written
before keyed hashes keep their unkeyed SHA-256 (``HashScheme.SHA256``); the audit is never rewritten.
Anchors are signed with the same key under a different label, so an anchor signature can never be
passed off as an entry hash or the reverse.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from probation.audit.models import AuditEvent, HashScheme

GENESIS_HASH = "0" * 64


def audit_key() -> bytes:
    key = settings.AUDIT_HMAC_KEY
    if not key:
        raise ImproperlyConfigured("AUDIT_HMAC_KEY is not set: the audit cannot be written or verified")
    return key.encode()


def _canonical(entry: AuditEvent) -> str:
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
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)


def audit_entry_hash(*, prev_hash: str, entry: AuditEvent) -> str:
    """The hash of ``entry`` chained to ``prev_hash``, under the entry's own hash scheme."""
    message = f"{prev_hash}|{_canonical(entry)}".encode()
    if entry.hash_scheme == HashScheme.SHA256:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(audit_key(), b"entry|" + message, hashlib.sha256).hexdigest()


def audit_signature(message: str) -> str:
    """An HMAC-SHA256 signature for something other than an entry (an anchor)."""
    return hmac.new(audit_key(), b"anchor|" + message.encode(), hashlib.sha256).hexdigest()


def audit_signature_matches(message: str, signature: str) -> bool:
    return hmac.compare_digest(audit_signature(message), signature)
