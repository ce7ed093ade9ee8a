"""Anchors: signed checkpoints of the chain head kept outside the database (ADR 0020).

Whoever owns the audit tables can switch their triggers off, cut entries from the end and move the
head back, or rewrite the whole chain; only something outside the database can show that. Every few
minutes ``manage.py audit_anchor`` appends a line ``{"seq", "hash", "at", "sig"}`` to
``settings.AUDIT_ANCHOR_PATH`` (opened for appending only, synced to disk) and logs it. The signature
is an HMAC with the audit key, so the store cannot be edited to match a rewritten chain without it.
"""

import json
import logging
import os
from pathlib import Path

from probation.audit.hashing import GENESIS_HASH, audit_signature, audit_signature_matches
from probation.audit.models import AuditEvent
from probation.audit.verification import Anchor, audit_chain_verify
from probation.core.clock import now

logger = logging.getLogger("probation.audit.anchors")


class AnchorError(Exception):
    """The anchor store has been altered, or the chain no longer matches it."""


def _message(seq: int, hash_: str, at: str) -> str:
    return f"{seq}|{hash_}|{at}"


def _parse(number: int, line: str) -> Anchor:
    try:
        fields = json.loads(line)
        anchor = Anchor(seq=int(fields["seq"]), hash=str(fields["hash"]), at=str(fields["at"]))
        signature = str(fields["sig"])
    except (ValueError, KeyError, TypeError) as error:
        raise AnchorError(f"anchor line {number} cannot be read") from error
    if not audit_signature_matches(_message(anchor.seq, anchor.hash, anchor.at), signature):
        raise AnchorError(f"anchor line {number} has been altered: its signature does not match")
    return anchor


def audit_anchors_read(*, path: str | Path) -> list[Anchor]:
    """Every anchor in the store, oldest first; raises AnchorError naming the first bad line."""
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8") as store:
        return [_parse(number, line) for number, line in enumerate(store, start=1) if line.strip()]


def audit_anchor_write(*, path: str | Path) -> Anchor:
    """Check the entries since the last anchor (keyed hashes, links, and that the last anchored entry
    is unchanged), then append a signed anchor of the current last entry."""
    anchors = audit_anchors_read(path=path)
    report = audit_chain_verify(anchors=anchors, after=anchors[-1] if anchors else None)
    if not report.ok:
        raise AnchorError(f"entry {report.broken_seq}: {report.reason}")
    last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first() or (0, GENESIS_HASH)
    anchor = Anchor(seq=last[0], hash=last[1], at=now().isoformat(timespec="seconds"))
    line = json.dumps(
        {
            "seq": anchor.seq,
            "hash": anchor.hash,
            "at": anchor.at,
            "sig": audit_signature(_message(anchor.seq, anchor.hash, anchor.at)),
        },
        separators=(",", ":"),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, f"{line}\n".encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    # A second copy in the logs, which are shipped off the server.
    logger.info("Audit anchor %s", line)
    return anchor
