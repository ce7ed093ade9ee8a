"""Verifying the audit chain: recompute every hash in sequence and report the first break."""

from dataclasses import dataclass

from probation.audit.models import AuditChainHead, AuditEvent
from probation.audit.services import GENESIS_HASH, audit_entry_hash


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""


def audit_chain_verify(*, batch_size: int = 5000) -> ChainReport:
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in AuditEvent.objects.order_by("seq").iterator(chunk_size=batch_size):
        if entry.seq != expected_seq:
            return ChainReport(False, checked, expected_seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != expected_prev:
            return ChainReport(False, checked, entry.seq, "its link to the previous entry does not match")
        if audit_entry_hash(prev_hash=entry.prev_hash, entry=entry) != entry.hash:
            return ChainReport(False, checked, entry.seq, "its contents do not match its hash")
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != checked or head.last_hash != expected_prev):
        return ChainReport(False, checked, checked + 1, "entries after it have been removed")
    return ChainReport(True, checked)
