"""The one exception the tier calculation raises for bad inputs."""

from dataclasses import dataclass


@dataclass(frozen=True)
class InputProblem:
    """One bad input: `field` is a path such as ``registrations[2].date``; `message` says what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class TieringInputError(ValueError):
    """Raised when inputs are missing or invalid; lists *every* problem found, not just the first.

    The calculation never guesses: a tier drives how intensively a person is supervised, so a
    missing or malformed fact must be fixed at source rather than silently defaulted (the only
    defaults are those tiering.md itself defines: missing RSR/OGRS ⇒ 0, no assessment).
    """

    def __init__(self, problems: list[InputProblem] | tuple[InputProblem, ...]) -> None:
        if not problems:
            raise ValueError("TieringInputError needs at least one problem")
        self.problems: tuple[InputProblem, ...] = tuple(problems)
        super().__init__("Invalid tiering inputs: " + "; ".join(str(p) for p in self.problems))

    @property
    def fields(self) -> tuple[str, ...]:
        """The paths of the bad inputs, in the order found."""
        return tuple(problem.field for problem in self.problems)
