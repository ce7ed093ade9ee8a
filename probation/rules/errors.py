"""The exceptions a rule raises when an input breaks it.

``RuleError`` is the one "refused, and here is why" exception of the whole system: services raise it
under the name ``probation.core.errors.ServiceError`` (the same class), so a view catches one type
whether a pure rule or a service refused (ADR 0018). It lives here because the rules import nothing
from the apps.
"""


class RuleError(Exception):
    """A rule refused the change; the message is safe to show to the user. ``field`` names the input,
    so a form can put the message next to it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class SentenceRuleError(RuleError):
    """An input broke a sentence, contact or enforcement rule. ``message`` is safe to show to the user
    and names the input; ``field`` is the name of the offending input, so a form can put the message
    next to it.
    """

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)
