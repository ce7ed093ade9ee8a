"""Verifying the audit chain: recompute every keyed hash in sequence, compare the chain with the
anchors written outside the database, and report the first break or the missing tail (ADR 0020)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from probation.audit.hashing import GENESIS_HASH, audit_entry_hash
from probation.audit.models import AuditChainHead, AuditEvent, HashScheme


@dataclass(frozen=True)
class Anchor:
    """A signed checkpoint of the chain: entry ``seq`` had hash ``hash`` at time ``at``."""

    seq: int
    hash: str
    at: str


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""
    unkeyed: int = 0
    anchors: int = 0


@dataclass
class _Walk:
    """Where a walk along the chain has got to."""

    expected_prev: str
    expected_seq: int
    pending: list[Anchor]
    checked: int = 0
    unkeyed: int = 0
    matched: int = 0

    def entry_fault(self, entry: AuditEvent) -> str:
        if entry.seq != self.expected_seq:
            return f"entry {self.expected_seq} is missing"
        if entry.prev_hash != self.expected_prev:
            return "its link to the previous entry does not match"
        if entry.hash_scheme not in HashScheme.values:
            return "its hash scheme is unknown"
        if entry.hash_scheme == HashScheme.SHA256 and entry.seq > settings.AUDIT_UNKEYED_UNTIL:
            return f"its hash is not keyed (only entries up to {settings.AUDIT_UNKEYED_UNTIL} may be unkeyed)"
        if audit_entry_hash(prev_hash=entry.prev_hash, entry=entry) != entry.hash:
            return "its contents do not match its hash"
        return ""

    def step(self, entry: AuditEvent) -> str:
        fault = self.entry_fault(entry)
        if fault:
            return fault
        while self.matched < len(self.pending) and self.pending[self.matched].seq == entry.seq:
            if self.pending[self.matched].hash != entry.hash:
                return f"it does not match the anchor written at {self.pending[self.matched].at}"
            self.matched += 1
        self.unkeyed += entry.hash_scheme == HashScheme.SHA256
        self.expected_prev, self.expected_seq, self.checked = entry.hash, entry.seq + 1, self.checked + 1
        return ""

    def broken(self, reason: str) -> ChainReport:
        return ChainReport(False, self.checked, self.expected_seq, reason, self.unkeyed, self.matched)

    def end_fault(self) -> str:
        """After the last entry: nothing anchored may lie beyond it, and the head must point at it."""
        last_seq = self.expected_seq - 1
        if self.matched < len(self.pending):
            latest = self.pending[-1]
            return (
                f"entries {last_seq + 1} to {latest.seq} are missing: "
                f"the anchor written at {latest.at} records entry {latest.seq}"
            )
        head = AuditChainHead.objects.filter(pk=1).first()
        if head is not None and (head.seq != last_seq or head.last_hash != self.expected_prev):
            return "entries after it have been removed"
        return ""


def audit_chain_verify(
    *, anchors: Sequence[Anchor] = (), after: Anchor | None = None, batch_size: int = 5000
) -> ChainReport:
    """Verify the chain, from the start or from the anchored entry ``after`` (whose hash must still
    match), against ``anchors``: each anchored entry must still exist with the same hash, and the
    chain must reach the latest of them."""
    start = after or Anchor(0, GENESIS_HASH, "")
    for anchor in (start, *(a for a in anchors if a.seq <= start.seq)):
        found = GENESIS_HASH if anchor.seq == 0 else _hash_of(anchor.seq)
        if found != anchor.hash:
            what = "is missing" if found is None else "does not match"
            return ChainReport(False, 0, anchor.seq, f"it {what} the anchor written at {anchor.at}")
    walk = _Walk(
        expected_prev=start.hash,
        expected_seq=start.seq + 1,
        pending=sorted((a for a in anchors if a.seq > start.seq), key=lambda a: a.seq),
    )
    for entry in AuditEvent.objects.filter(seq__gt=start.seq).order_by("seq").iterator(chunk_size=batch_size):
        fault = walk.step(entry)
        if fault:
            return walk.broken(fault)
    fault = walk.end_fault()
    if fault:
        return walk.broken(fault)
    return ChainReport(True, walk.checked, unkeyed=walk.unkeyed, anchors=len(anchors))


def _hash_of(seq: int) -> str | None:
    return AuditEvent.objects.filter(seq=seq).values_list("hash", flat=True).first()
