"""The exceptions a rule raises when an input breaks it, and a collector that gathers several.

``RuleError`` is the one "refused, and here is why" exception of the whole system: services raise it
under the name ``probation.core.errors.ServiceError`` (the same class), so a view catches one type
whether a pure rule or a service refused (ADR 0018). It lives here because the rules import nothing
from the apps.

A check that can find more than one problem collects them (``RuleErrorCollector``) and raises them
together as ``RuleErrors``, so a form shows every problem at once rather than one per round trip
(issue 10 item 8). ``RuleErrors`` is a ``RuleError`` too: code that catches one catches both.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager


class RuleError(Exception):
    """A rule refused the change; the message is safe to show to the user. ``field`` names the input,
    so a form can put the message next to it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def errors(self) -> tuple["RuleError", ...]:
        """Every refusal this error carries: itself, or (``RuleErrors``) each one collected."""
        return (self,)


class RuleErrors(RuleError):
    """Several refusals found together; ``message`` and ``field`` are the first one's."""

    def __init__(self, errors: Sequence[RuleError]) -> None:
        if not errors:
            raise ValueError("RuleErrors needs at least one error")
        super().__init__(errors[0].message, field=errors[0].field)
        self._errors = tuple(errors)

    @property
    def errors(self) -> tuple[RuleError, ...]:
        return self._errors

    def __str__(self) -> str:
        return "; ".join(e.message for e in self._errors)


class RuleErrorCollector:
    """Run several checks, keep every refusal, then raise them all at once::

        errors = RuleErrorCollector()
        with errors.check():
            check_date(...)
        with errors.check():
            check_level(...)
        errors.raise_any()

    A field's first refusal is kept; later refusals of the same field are dropped (a form shows one
    message per field, and the first is the most basic: "Enter…" before "… must be after …")."""

    def __init__(self) -> None:
        self._errors: list[RuleError] = []

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except RuleError as error:
            for one in error.errors:
                self._add(one)

    def add(self, message: str, *, field: str | None = None) -> None:
        self._add(RuleError(message, field=field))

    def _add(self, error: RuleError) -> None:
        if error.field is None or not self.failed(error.field):
            self._errors.append(error)

    def failed(self, field: str) -> bool:
        """Whether ``field`` already has a refusal (a later check that needs it valid can skip)."""
        return any(e.field == field for e in self._errors)

    @property
    def errors(self) -> tuple[RuleError, ...]:
        return tuple(self._errors)

    def raise_any(self) -> None:
        raise_all(self._errors)


def raise_all(errors: Sequence[RuleError]) -> None:
    """Raise the refusals found, if any: one as itself, several together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise RuleErrors(errors)


class SentenceRuleError(RuleError):
    """An input broke a sentence, contact or enforcement rule. ``message`` is safe to show to the user
    and names the input; ``field`` is the name of the offending input, so a form can put the message
    next to it.
    """

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message, field=field)
