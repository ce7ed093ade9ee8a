"""The audit is append-only and tamper-evident: the verifier names the first broken entry. Attacks
with the owner's rights are in test_audit_tampering, the database roles in test_audit_database_roles."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from probation.audit.models import AuditAction, AuditEvent
from probation.audit.services import GENESIS_HASH, AuditWriteError, audit_record
from probation.audit.verification import audit_chain_verify
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _record(user, n):
    for i in range(n):
        audit_record(actor=user, action=AuditAction.VIEW, crn=f"X{i:06d}", object_type="person", object_id=i)


def test_entries_chain_each_to_the_one_before(officer_user):
    _record(officer_user, 3)

    entries = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert audit_chain_verify().ok


def test_verify_command_reports_an_intact_chain(officer_user, capsys):
    _record(officer_user, 5)

    call_command("audit_verify")

    assert "Audit chain intact: 5 entries verified" in capsys.readouterr().out


def test_the_database_refuses_updates_and_deletes(officer_user):
    _record(officer_user, 1)

    for sql in ("UPDATE audit_auditevent SET crn = 'Z999999'", "DELETE FROM audit_auditevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)

    assert AuditEvent.objects.get().crn == "X000000"


def test_the_orm_refuses_updates_and_deletes(officer_user):
    _record(officer_user, 1)
    entry = AuditEvent.objects.get()

    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.update(crn="Z999999")
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()


def test_audit_write_failure_fails_the_page_view_with_a_clear_message(client, officer_user, monkeypatch):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    def broken(*args, **kwargs):
        raise AuditWriteError("down")

    monkeypatch.setattr("probation.people.services.person.audit_record", broken)
    response = client.get(reverse("people:case-overview", args=[person.crn]))

    assert response.status_code == 503
    assert "could not record your action" in response.content.decode()
    assert person.surname not in response.content.decode()


def test_administrator_searches_the_audit_by_user_and_crn(client, officer_user, admin_user):
    _record(officer_user, 3)
    client.force_login(admin_user)

    body = client.get(reverse("audit:search"), {"username": "officer", "crn": "X000001"}).content.decode()

    assert "1 entry" in body
    assert "X000001" in body
