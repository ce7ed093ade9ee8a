"""Errors raised by services and selectors, turned into user-facing messages by views."""

from probation.rules.errors import RuleError

# A rule refused the change; the message is safe to show to the user. Services and the pure rules raise
# the same class, so a view catches one type whichever refused (ADR 0018).
ServiceError = RuleError


class NotFound(Exception):
    """The object does not exist *or* the user may not see it. Callers never learn which."""


class PermissionDenied(Exception):
    """The user lacks the role for an action on an object they can otherwise see."""


class ConflictError(ServiceError):
    """Someone else saved a newer version; nothing was written."""

    def __init__(self, message: str, *, changes: list["FieldChange"]) -> None:
        super().__init__(message)
        self.changes = changes


class FieldChange:
    """One field another user changed since this user's version: shown on a conflict."""

    def __init__(self, *, label: str, theirs: str, by: str, at: object) -> None:
        self.label = label
        self.theirs = theirs
        self.by = by
        self.at = at
