"""Errors raised by services and selectors, turned into user-facing messages by views."""


class ServiceError(Exception):
    """A rule refused the change; the message is safe to show to the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


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
