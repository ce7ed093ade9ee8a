"""Recording sign-ins and sign-outs in the compliance audit.

``accounts`` owns the sign-in and sign-out pages but sits *below* ``audit`` (an audit entry names
its user, and the audit search checks that user's permissions), so it may not import the audit. The
pages call ``session_event_record`` and ``audit`` registers the recorder when Django starts
(``AuditConfig.ready``) — the same explicit registry as ``core/case_changes.py``, not a Django
signal. With no recorder registered the call is refused: a sign-in must never go unrecorded.
"""

from enum import StrEnum
from typing import Any, Protocol


class SessionEvent(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"


class SessionEventRecorder(Protocol):
    def __call__(self, *, actor: Any, event: SessionEvent, username: str = "") -> object: ...


_recorders: list[SessionEventRecorder] = []


def register_session_event_recorder(fn: SessionEventRecorder) -> SessionEventRecorder:
    """Add ``fn`` to the recorders (once, however often ``ready()`` runs). Returns ``fn``."""
    if fn not in _recorders:
        _recorders.append(fn)
    return fn


def session_event_record(*, actor: Any, event: SessionEvent, username: str = "") -> None:
    """Record a sign-in, failed sign-in or sign-out with every registered recorder. ``actor`` is the
    user (None for a failed sign-in, which records the ``username`` tried instead)."""
    if not _recorders:
        raise RuntimeError("No session event recorder is registered: is probation.audit installed?")
    for fn in tuple(_recorders):
        fn(actor=actor, event=event, username=username)
