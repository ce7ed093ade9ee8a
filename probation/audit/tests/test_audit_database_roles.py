"""The service's database role may only append to the audit (ADR 0020): every way it could rewrite
the audit or move the chain head back is refused by PostgreSQL itself. The tests connect as that
role (scripts/test.sh sets up both roles); SQLite has no roles, see docs/security.md."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from probation.audit.models import AuditAction, AuditChainHead, AuditEvent
from probation.audit.services import audit_record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.DATABASE_ROLES or not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="needs PostgreSQL with the two roles of ADR 0020 (DATABASE_MIGRATION_URL; scripts/test.sh)",
    ),
]

ATTACKS = [
    "UPDATE audit_auditevent SET crn = 'Z999999'",
    "DELETE FROM audit_auditevent",
    "TRUNCATE audit_auditevent",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER USER",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_no_update",
    "DROP TRIGGER audit_auditevent_no_update ON audit_auditevent",
    "UPDATE audit_auditchainhead SET seq = 1",
    "DELETE FROM audit_auditchainhead",
    "TRUNCATE audit_auditchainhead",
    "INSERT INTO audit_auditchainhead (id, seq, last_hash) VALUES (2, 0, '')",
    "ALTER TABLE audit_auditchainhead DISABLE TRIGGER USER",
    "DROP FUNCTION audit_chain_advance() CASCADE",
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS 'BEGIN RETURN NEW; END' LANGUAGE plpgsql",
    "SET session_replication_role = replica",
]


def _refused(sql):
    with pytest.raises(DatabaseError) as refusal, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    return str(refusal.value)


@pytest.mark.parametrize("sql", ATTACKS)
def test_the_service_role_cannot_rewrite_the_audit_or_move_the_head(sql):
    for i in range(3):
        audit_record(actor=None, username="officer", action=AuditAction.VIEW, object_id=i)

    message = _refused(sql)

    assert "permission denied" in message or "must be owner" in message
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", "crn")) == [(1, ""), (2, ""), (3, "")]
    assert AuditChainHead.objects.get().seq == 3


def test_the_service_role_cannot_append_an_entry_that_does_not_follow_the_head():
    entry = audit_record(actor=None, username="officer", action=AuditAction.VIEW)
    forged = AuditEvent(
        seq=1,
        occurred_at=entry.occurred_at,
        username="x",
        action=AuditAction.VIEW,
        prev_hash="0" * 64,
        hash="f" * 64,
    )

    with (
        pytest.raises(DatabaseError, match=r"does not follow the chain head|duplicate key"),
        transaction.atomic(),
    ):
        forged.save()
    forged.seq = 5
    with (
        pytest.raises(DatabaseError, match="audit entry 5 does not follow the chain head"),
        transaction.atomic(),
    ):
        forged.save()


def test_the_service_role_appends_and_the_database_moves_the_head():
    entry = audit_record(actor=None, username="officer", action=AuditAction.VIEW)

    head = AuditChainHead.objects.get()
    assert (head.seq, head.last_hash) == (1, entry.hash)


def test_the_service_role_owns_nothing_but_can_change_the_case_record():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, session_user")
        assert cursor.fetchone() == (settings.DATABASE_ROLES["app"]["USER"],) * 2
        cursor.execute("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole")
        assert cursor.fetchone() == (0,)
        cursor.execute("UPDATE people_person SET surname = surname")
        cursor.execute("DELETE FROM people_person WHERE false")
