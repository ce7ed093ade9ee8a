"""Anchors outside the database and keyed hashes (ADR 0020), as the service's role."""

import json
import logging

import pytest
from django.core.management import CommandError, call_command

from probation.audit.anchors import audit_anchors_read
from probation.audit.models import AuditAction, AuditEvent
from probation.audit.services import AuditWriteError, audit_record
from probation.audit.verification import audit_chain_verify

pytestmark = pytest.mark.django_db


def _record(n):
    for i in range(n):
        audit_record(actor=None, username="officer", action=AuditAction.VIEW, crn=f"X{i:06d}", object_id=i)


@pytest.fixture
def anchors(settings, tmp_path):
    settings.AUDIT_ANCHOR_PATH = str(tmp_path / "anchors.jsonl")
    return tmp_path / "anchors.jsonl"


def test_each_anchor_appends_a_signed_line_of_the_chain_head(anchors, capsys):
    _record(2)
    call_command("audit_anchor")
    _record(3)
    call_command("audit_anchor")

    lines = [json.loads(line) for line in anchors.read_text().splitlines()]
    assert [(line["seq"], line["hash"]) for line in lines] == [
        (2, AuditEvent.objects.get(seq=2).hash),
        (5, AuditEvent.objects.get(seq=5).hash),
    ]
    assert all(len(line["sig"]) == 64 for line in lines)
    assert "Audit anchored at entry 5" in capsys.readouterr().out


def test_an_anchor_of_an_empty_audit_is_the_genesis(anchors):
    call_command("audit_anchor")

    assert [a.seq for a in audit_anchors_read(path=anchors)] == [0]
    assert audit_chain_verify(anchors=audit_anchors_read(path=anchors)).ok


def test_anchors_are_also_logged(anchors, caplog):
    _record(1)
    with caplog.at_level(logging.INFO, logger="probation.audit.anchors"):
        call_command("audit_anchor")

    assert caplog.messages == [f"Audit anchor {anchors.read_text().strip()}"]


def test_verify_checks_the_chain_against_every_anchor(anchors, capsys):
    _record(2)
    call_command("audit_anchor")
    _record(2)
    call_command("audit_anchor")
    _record(1)

    call_command("audit_verify")

    out = capsys.readouterr().out
    assert "Audit chain intact: 5 entries verified" in out
    assert f"2 anchors matched ({anchors})" in out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda line: {**line, "seq": 1}, "anchor line 1 has been altered: its signature does not match"),
        (
            lambda line: {**line, "hash": "0" * 64},
            "anchor line 1 has been altered: its signature does not match",
        ),
        (
            lambda line: {**line, "sig": "f" * 64},
            "anchor line 1 has been altered: its signature does not match",
        ),
        (lambda line: {"seq": line["seq"]}, "anchor line 1 cannot be read"),
    ],
)
def test_a_tampered_anchor_line_is_detected(anchors, change, message):
    _record(2)
    call_command("audit_anchor")
    anchors.write_text(json.dumps(change(json.loads(anchors.read_text()))) + "\n")

    with pytest.raises(CommandError, match=f"Audit anchors altered: {message}"):
        call_command("audit_verify")


def test_anchoring_needs_somewhere_to_write(settings):
    settings.AUDIT_ANCHOR_PATH = ""

    with pytest.raises(CommandError, match="AUDIT_ANCHOR_PATH is not set"):
        call_command("audit_anchor")


def test_entries_verify_only_with_the_key_they_were_written_with(settings):
    _record(2)
    settings.AUDIT_HMAC_KEY = "another-key-another-key-another-key-0123"

    report = audit_chain_verify()

    assert (report.ok, report.broken_seq, report.reason) == (False, 1, "its contents do not match its hash")


def test_without_the_key_nothing_is_written_and_the_action_fails(settings):
    settings.AUDIT_HMAC_KEY = ""

    with pytest.raises(AuditWriteError):
        _record(1)
    assert not AuditEvent.objects.exists()
