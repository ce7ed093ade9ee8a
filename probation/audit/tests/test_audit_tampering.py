"""Attacks by whoever owns the audit tables (or a superuser): they can switch the triggers off and
change anything in the database, so only the keyed hashes and the anchors outside it can show what
they did (ADR 0020). These tests connect as the owner role."""

import pytest
from django.core.management import CommandError, call_command

from probation.audit.anchors import AnchorError, audit_anchor_write, audit_anchors_read
from probation.audit.models import AuditAction, AuditEvent, HashScheme
from probation.audit.services import audit_record
from probation.audit.tests.tampering import head_move, owner_execute, rechain
from probation.audit.verification import audit_chain_verify

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_owner")]


def _record(n):
    for i in range(n):
        audit_record(actor=None, username="officer", action=AuditAction.VIEW, crn=f"X{i:06d}", object_id=i)


@pytest.fixture
def anchors(settings, tmp_path):
    settings.AUDIT_ANCHOR_PATH = str(tmp_path / "anchors.jsonl")
    return settings.AUDIT_ANCHOR_PATH


def test_a_changed_entry_is_detected_and_named():
    _record(5)
    owner_execute("UPDATE audit_auditevent SET crn = %s WHERE seq = %s", ["Z999999", 3])

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq, report.checked) == (False, 3, 2)
    with pytest.raises(CommandError, match="Audit chain broken at entry 3"):
        call_command("audit_verify")


def test_a_deleted_entry_is_detected():
    _record(5)
    owner_execute("DELETE FROM audit_auditevent WHERE seq = %s", [2])

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq, report.reason) == (False, 2, "entry 2 is missing")


def test_removing_the_latest_entries_is_detected_while_the_head_is_not_moved():
    _record(5)
    owner_execute("DELETE FROM audit_auditevent WHERE seq >= %s", [4])

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq) == (False, 4)


def test_re_chaining_with_the_public_unkeyed_hash_is_detected():
    _record(5)
    owner_execute("UPDATE audit_auditevent SET crn = %s WHERE seq = %s", ["Z999999", 3])
    rechain()

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq, report.reason) == (False, 1, "its contents do not match its hash")


def test_passing_a_re_chained_audit_off_as_unkeyed_is_detected():
    _record(3)
    rechain(scheme=HashScheme.SHA256)

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq) == (False, 1)
    assert report.reason == "its hash is not keyed (only entries up to 0 may be unkeyed)"


def test_cutting_the_tail_and_moving_the_head_back_is_detected_against_the_anchor(anchors):
    _record(5)
    call_command("audit_anchor")
    last_kept = AuditEvent.objects.get(seq=3)
    owner_execute("DELETE FROM audit_auditevent WHERE seq >= %s", [4])
    head_move(3, last_kept.hash)
    assert audit_chain_verify().ok  # without the anchor nothing shows

    report = audit_chain_verify(anchors=audit_anchors_read(path=anchors))

    assert (report.ok, report.broken_seq, report.checked) == (False, 4, 3)
    assert report.reason.startswith("entries 4 to 5 are missing: the anchor written at ")
    with pytest.raises(CommandError, match="Audit chain broken at entry 4: entries 4 to 5 are missing"):
        call_command("audit_verify")


def test_cutting_the_tail_and_appending_new_entries_is_detected_against_the_anchor(anchors):
    _record(5)
    call_command("audit_anchor")
    owner_execute("DELETE FROM audit_auditevent WHERE seq >= %s", [4])
    head_move(3, AuditEvent.objects.get(seq=3).hash)
    _record(4)

    report = audit_chain_verify(anchors=audit_anchors_read(path=anchors))

    assert (report.ok, report.broken_seq) == (False, 5)
    assert report.reason.startswith("it does not match the anchor written at ")


def test_wholesale_re_chaining_even_with_the_key_is_detected_against_the_anchor(anchors):
    _record(5)
    call_command("audit_anchor")
    owner_execute("UPDATE audit_auditevent SET crn = %s WHERE seq = %s", ["Z999999", 2])
    rechain(public_hash=False)
    assert audit_chain_verify().ok  # whoever holds the key can re-chain; the anchor still shows it

    report = audit_chain_verify(anchors=audit_anchors_read(path=anchors))

    assert (report.ok, report.broken_seq) == (False, 5)
    assert report.reason.startswith("it does not match the anchor written at ")


def test_unkeyed_entries_from_before_the_upgrade_verify_and_are_counted(settings):
    _record(3)
    rechain(scheme=HashScheme.SHA256)
    settings.AUDIT_UNKEYED_UNTIL = 3
    _record(2)

    report = audit_chain_verify()

    assert (report.ok, report.checked, report.unkeyed) == (True, 5, 3)


def test_an_anchor_is_refused_when_the_chain_changed_since_the_last_one(anchors):
    _record(3)
    audit_anchor_write(path=anchors)
    _record(2)
    owner_execute("UPDATE audit_auditevent SET crn = %s WHERE seq = %s", ["Z999999", 4])

    with pytest.raises(AnchorError, match="entry 4: its contents do not match its hash"):
        audit_anchor_write(path=anchors)
    with pytest.raises(CommandError, match="Audit not anchored: entry 4"):
        call_command("audit_anchor")
    assert len(audit_anchors_read(path=anchors)) == 1
