"""Definitions shared by every predictor (predictors.md § Common definitions).

Arithmetic is done in `decimal` with 40 significant digits rather than binary floats: the reference
states its rounding rules in decimal (half-up at 5 d.p., then to an integer; 2 d.p. for RSR), and
decimal arithmetic makes those rules exact and the results identical on every platform. Every
coefficient is written as a decimal string copied from the reference for the same reason.

Every invalid or missing input raises `PredictorInputError`, listing each problem with the input
field it concerns, so callers never receive a guessed score.
"""

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from enum import Enum, StrEnum

# --- Errors -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputProblem:
    """One invalid or missing input: the input field's name and a message staff can act on."""

    field: str
    message: str


class PredictorInputError(ValueError):
    """The inputs cannot produce a score. Carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[InputProblem]) -> None:
        # Keep the first occurrence of each problem: RSR gathers problems from components that
        # share inputs (date of birth, total sanctions…) and staff should see each one once.
        self.problems: tuple[InputProblem, ...] = tuple(dict.fromkeys(problems))
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    def as_dict(self) -> dict[str, list[dict[str, str]]]:
        """JSON-ready form, as returned by the API and printed by the CLI."""
        return {"errors": [{"field": p.field, "message": p.message} for p in self.problems]}


def raise_if_any(problems: list[InputProblem]) -> None:
    if problems:
        raise PredictorInputError(problems)


# --- Answers and bands --------------------------------------------------------------------------


class Gender(StrEnum):
    """The published predictors have male and female coefficients only, so nothing else is valid."""

    MALE = "male"
    FEMALE = "female"


class ProblemLevel(StrEnum):
    """predictors.md § OGP: "problem none 0 / some 1 / significant 2"."""

    NONE = "none"
    SOME = "some"
    SIGNIFICANT = "significant"

    @property
    def score(self) -> int:
        return {"none": 0, "some": 1, "significant": 2}[self.value]


class Motivation(StrEnum):
    """predictors.md § OGP: "motivation full 0 / partial 1 / none 2"."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"

    @property
    def score(self) -> int:
        return {"full": 0, "partial": 1, "none": 2}[self.value]


class Awareness(StrEnum):
    """predictors.md § OGP: "awareness of consequences yes 0 / sometimes 1 / no 2"."""

    YES = "yes"
    SOMETIMES = "sometimes"
    NO = "no"

    @property
    def score(self) -> int:
        return {"yes": 0, "sometimes": 1, "no": 2}[self.value]


def yes_no_score(answer: bool) -> int:
    """predictors.md § OGP: "yes/no: yes 2, no 0" (used by SNSV's unemployment term)."""
    return 2 if answer else 0


class Band(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"
    NOT_APPLICABLE = "not_applicable"


# --- Arithmetic ---------------------------------------------------------------------------------

PRECISION = 40
# The oldest age any predictor accepts: older than any living person, so only a mistyped date of birth.
MAX_AGE = 120

_P = typing.ParamSpec("_P")
_R = typing.TypeVar("_R")


def exact_arithmetic(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `func` with 40-digit decimal arithmetic, whatever the caller's decimal context is."""

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with localcontext(prec=PRECISION, rounding=ROUND_HALF_EVEN):
            return func(*args, **kwargs)

    return wrapper


def logistic(x: Decimal) -> Decimal:
    """predictors.md § Common definitions: logistic(x) = e^x / (1 + e^x)."""
    with localcontext(prec=PRECISION):
        e = x.exp()
        return e / (1 + e)


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round half away from zero (the reference's "half-up") to `places` decimal places."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent_from_probability(probability: Decimal) -> int:
    """predictors.md § Common definitions, percent rounding for OGRS3, OGP and OVP.

    Round the probability to 5 d.p. half-up, × 100, round half-up to an integer, then clamp:
    ≤ 0 ⇒ 1 and > 99 ⇒ 99, because 0 % and 100 % are not allowed.
    """
    percent = int(round_half_up(round_half_up(probability, 5) * 100))
    if percent <= 0:
        return 1
    return min(percent, 99)


def percent_2dp(probability: Decimal) -> Decimal:
    """predictors.md § RSR: a component "as a % rounded to 2 d.p." (half-up)."""
    return round_half_up(probability * 100, 2)


# --- Dates --------------------------------------------------------------------------------------


def completed_years(start: dt.date, end: dt.date) -> int:
    """Completed years from `start` to `end` (negative when `end` is before `start`).

    A year is completed on the anniversary of `start`; from 29 February that is 1 March in
    non-leap years.
    """
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def age_on(date_of_birth: dt.date, date: dt.date) -> int:
    """predictors.md § Common definitions: *age at X* = completed years between date of birth and X."""
    return completed_years(date_of_birth, date)


def completed_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end`, which must not be earlier than `start`.

    Counted like completed years: a month is completed on the same day-of-month as `start`, so
    31 January → 28 February is 0 months and 31 January → 1 March is 1.
    """
    if end < start:
        raise ValueError("end must not be before start")
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


# --- Input checking -----------------------------------------------------------------------------

_ACRONYMS = {"ogrs3": "OGRS3", "gbh": "GBH", "osp": "OSP", "rsr": "RSR", "snsv": "SNSV"}


def label(field_name: str) -> str:
    """A field name as staff read it: "date_of_birth" → "Date of birth"."""
    words = [_ACRONYMS.get(word, word) for word in field_name.split("_")]
    text = " ".join(words).replace("follow up", "follow-up").replace("non contact", "non-contact")
    text = text.replace("peoples", "people's")
    return text[0].upper() + text[1:]


def unwrap_optional(hint: object) -> tuple[object, bool]:
    """(`X`, True) for `X | None`, else (`hint`, False)."""
    if isinstance(hint, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0], len(args) != len(typing.get_args(hint))
    return hint, False


def kind_message(hint: object) -> str:
    """What a value of this type must be, phrased for staff."""
    if hint is bool:
        return "must be yes or no (true or false)"
    if hint is int:
        return "must be a whole number"
    if hint is dt.date:
        return "must be a date (YYYY-MM-DD)"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "must be one of: " + ", ".join(member.value for member in hint)
    return "must be text"


def is_kind(value: object, hint: object) -> bool:
    """Whether `value` is exactly of type `hint` (bools are not numbers, datetimes are not dates)."""
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return isinstance(value, typing.cast(type, hint))


def type_problems(inputs: typing.Any) -> list[InputProblem]:
    """Missing required values and values of the wrong type in an inputs dataclass.

    Checked before any rule runs so that a wrongly built input fails loudly, never as a guess.
    """
    hints = typing.get_type_hints(type(inputs))
    problems = []
    for field in fields(inputs):
        value = getattr(inputs, field.name)
        hint, optional = unwrap_optional(hints[field.name])
        if value is None:
            if not optional:
                problems.append(InputProblem(field.name, f"{label(field.name)} is required."))
        elif not is_kind(value, hint):
            problems.append(InputProblem(field.name, f"{label(field.name)} {kind_message(hint)}."))
    return problems


def require(inputs: object, names: Iterable[str], reason: str) -> list[InputProblem]:
    """Problems for each of `names` that is None although `reason` makes it necessary."""
    return [
        InputProblem(name, f"{label(name)} is required {reason}.")
        for name in names
        if getattr(inputs, name) is None
    ]


def not_negative(inputs: object, names: Iterable[str]) -> list[InputProblem]:
    return [
        InputProblem(name, f"{label(name)} must not be negative.")
        for name in names
        if getattr(inputs, name) is not None and getattr(inputs, name) < 0
    ]


def after_birth(inputs: object, names: Iterable[str], date_of_birth: dt.date) -> list[InputProblem]:
    """predictors.md § OGRS3 validation: "any date on or before date of birth" is an error; so is a
    date that makes the person older than anyone alive (`too_old`)."""
    problems = []
    for name in names:
        date = getattr(inputs, name)
        if date is not None and date <= date_of_birth:
            problems.append(InputProblem(name, f"{label(name)} must be after the date of birth."))
        elif date is not None:
            problems += too_old(name, date, date_of_birth)
    return problems


def too_old(name: str, date: dt.date, date_of_birth: dt.date) -> list[InputProblem]:
    """An age over `MAX_AGE` is a mistyped date of birth, not a person: the age polynomials (SNSV's
    cubic terms, exponentiated) would overflow on it, so it is refused as an input error."""
    if age_on(date_of_birth, date) <= MAX_AGE:
        return []
    return [
        InputProblem(
            "date_of_birth",
            f"Date of birth gives an age over {MAX_AGE} at the {label(name).lower()}: "
            "check the date of birth.",
        )
    ]


def not_after(inputs: object, names: Iterable[str], limit_name: str) -> list[InputProblem]:
    """Past events (offences, sanctions) cannot be dated after the assessment."""
    limit = getattr(inputs, limit_name)
    return [
        InputProblem(name, f"{label(name)} must not be after the {label(limit_name).lower()}.")
        for name in names
        if getattr(inputs, name) is not None and getattr(inputs, name) > limit
    ]


def conviction_history_problems(
    *,
    date_of_birth: dt.date,
    date_of_current_conviction: dt.date,
    start_of_follow_up: dt.date,
    total_sanctions: int,
    age_at_first_sanction: int,
) -> list[InputProblem]:
    """Criminal-history rules shared by OGRS3 and SNSV (predictors.md § OGRS3, validation errors)."""
    problems = []
    for name, date in (
        ("date_of_current_conviction", date_of_current_conviction),
        ("start_of_follow_up", start_of_follow_up),
    ):
        if date <= date_of_birth:
            problems.append(InputProblem(name, f"{label(name)} must be after the date of birth."))
        else:
            problems += too_old(name, date, date_of_birth)
    if problems:
        # Ages computed from a date on or before birth would only add confusing follow-on errors.
        return problems
    age_at_conviction = age_on(date_of_birth, date_of_current_conviction)
    if age_at_conviction < 10:
        problems.append(
            InputProblem(
                "date_of_current_conviction",
                f"Age at current conviction is {age_at_conviction}; it must be at least 10.",
            )
        )
    # The start of follow-up is the sentence or release date for this conviction, so it cannot
    # precede the conviction; this also keeps the age at follow-up inside the age bands (10+).
    if start_of_follow_up < date_of_current_conviction:
        problems.append(
            InputProblem(
                "start_of_follow_up", "Start of follow-up must not be before the date of current conviction."
            )
        )
    if total_sanctions < 1:
        problems.append(
            InputProblem(
                "total_sanctions", "Total sanctions must be at least 1 (it includes the current conviction)."
            )
        )
    if age_at_first_sanction < 10:
        # No sanction can be given below the age of criminal responsibility (10 in England and
        # Wales), the same floor the reference sets for the age at current conviction.
        problems.append(InputProblem("age_at_first_sanction", "Age at first sanction must be at least 10."))
    elif age_at_first_sanction > age_at_conviction:
        problems.append(
            InputProblem(
                "age_at_first_sanction",
                f"Age at first sanction ({age_at_first_sanction}) must not be greater than age at "
                f"current conviction ({age_at_conviction}).",
            )
        )
    return problems


def violent_sanction_problems(total_sanctions: int, violent_sanctions: int) -> list[InputProblem]:
    """Violent sanctions are a subset of all sanctions (OVP, SNSV)."""
    if violent_sanctions < 0:
        return [InputProblem("violent_sanctions", "Violent sanctions must not be negative.")]
    if violent_sanctions > total_sanctions:
        return [
            InputProblem(
                "violent_sanctions",
                f"Violent sanctions ({violent_sanctions}) must not exceed total sanctions "
                f"({total_sanctions}).",
            )
        ]
    return []
