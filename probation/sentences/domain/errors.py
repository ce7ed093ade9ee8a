"""The one exception the sentence rules raise when an input breaks a rule."""

from probation.core.errors import ServiceError


class SentenceRuleError(ServiceError):
    """An input broke an enforcement rule. ``message`` is safe to show to the user and names the input;
    ``field`` is the name of the offending input, so a form can put the message next to it.
    """

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)
