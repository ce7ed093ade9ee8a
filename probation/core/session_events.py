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
    SIGN_IN_LOCKED_OUT = "sign_in_locked"
    SESSION_EXPIRED = "session_expired"
    TWO_FACTOR_VERIFIED = "2fa_verified"
    TWO_FACTOR_FAILED = "2fa_failed"
    TWO_FACTOR_SET_UP = "2fa_set_up"
    ACCOUNT_UNLOCKED = "account_unlocked"
    TWO_FACTOR_RESET = "2fa_reset"
    ACCOUNT_CHANGE = "account_change"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_DEACTIVATED = "account_disabled"
    ACCOUNT_REACTIVATED = "account_enabled"
    SIGN_IN_LINK_ISSUED = "sign_in_link"
    PASSWORD_SET = "password_set"  # noqa: S105 - an audit event name, not a password


class SessionEventRecorder(Protocol):
    def __call__(
        self, *, actor: Any, event: SessionEvent, username: str = "", detail: dict[str, Any] | None = None
    ) -> object: ...


_recorders: list[SessionEventRecorder] = []


def register_session_event_recorder(fn: SessionEventRecorder) -> SessionEventRecorder:
    """Add ``fn`` to the recorders (once, however often ``ready()`` runs). Returns ``fn``."""
    if fn not in _recorders:
        _recorders.append(fn)
    return fn


def session_event_record(
    *, actor: Any, event: SessionEvent, username: str = "", detail: dict[str, Any] | None = None
) -> None:
    """Record a sign-in, failed sign-in, lockout, two-factor step, unlock or sign-out with every
    registered recorder. ``actor`` is the user (None for a failed sign-in, which records the
    ``username`` tried instead); ``detail`` says more (a recovery code used, the account unlocked)."""
    if not _recorders:
        raise RuntimeError("No session event recorder is registered: is probation.audit installed?")
    for fn in tuple(_recorders):
        fn(actor=actor, event=event, username=username, detail=detail)
