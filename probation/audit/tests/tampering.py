"""What an attacker with the database owner's rights can do: switch the audit's triggers off and
change rows (ADR 0020). Used by test modules that connect as the owner (the ``database_owner``
fixture); on SQLite, where anyone with the file is the owner, the triggers are dropped instead."""

from importlib import import_module
from typing import Any

from django.db import connection

from probation.audit.models import AuditEvent, HashScheme
from probation.audit.services import GENESIS_HASH, audit_entry_hash

TABLES = ("audit_auditevent", "audit_auditchainhead")
SQLITE_TRIGGERS = import_module(
    "probation.audit.migrations.0004_chain_head_advanced_by_the_database"
).SQLITE_UP


def owner_execute(sql: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE refuses while deferred foreign-key checks are pending in the transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            cursor.execute(sql, params)
            for table in TABLES:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        else:
            for trigger in ("no_update", "no_delete", "advance_head"):
                cursor.execute(f"DROP TRIGGER audit_auditevent_{trigger}")
            cursor.execute(sql, params)
            for statement in SQLITE_TRIGGERS:
                cursor.execute(statement)


def head_move(seq: int, last_hash: str) -> None:
    owner_execute("UPDATE audit_auditchainhead SET seq = %s, last_hash = %s WHERE id = 1", [seq, last_hash])


def rechain(*, scheme: str = HashScheme.HMAC_SHA256, public_hash: bool = True) -> None:
    """Re-chain every entry after a change, as an attacker without the key would: with the public,
    unkeyed SHA-256 (the scheme as given), then move the head to the new last entry."""
    prev = GENESIS_HASH
    for entry in AuditEvent.objects.order_by("seq"):
        entry.prev_hash = prev
        computed = AuditEvent(
            **{f.attname: getattr(entry, f.attname) for f in AuditEvent._meta.concrete_fields}
        )
        computed.hash_scheme = HashScheme.SHA256 if public_hash else scheme
        digest = audit_entry_hash(prev_hash=prev, entry=computed)
        owner_execute(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s, hash_scheme = %s WHERE seq = %s",
            [prev, digest, scheme, entry.seq],
        )
        prev = digest
    head_move(AuditEvent.objects.count(), prev)
