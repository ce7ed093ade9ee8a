"""JSON-like payloads in and out of the predictors, for the API endpoint and the CLI.

Parsing is driven by the inputs dataclass's type annotations, so each predictor's payload keys are
exactly its input field names: dates are ISO strings ("YYYY-MM-DD"), yes/no answers are booleans
(or "yes"/"no"), answers such as problem levels are their lower-case values ("some"), counts are
whole numbers and offence codes are 5-character strings ("02700"). Every problem found is reported
at once in a `PredictorInputError`.
"""

import datetime as dt
import re
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum

from probation.rules.predictors.common import (
    InputProblem,
    PredictorInputError,
    kind_message,
    label,
    raise_if_any,
    unwrap_optional,
)

_T = typing.TypeVar("_T")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YES_NO = {"yes": True, "no": False}
_INVALID = object()


def parse_value(raw: object, hint: object) -> object:
    """`raw` converted to type `hint`, or `_INVALID`. Nothing is coerced loosely: "3" is not 3,
    true is not 1, and 2700 is not the offence code "02700"."""
    if hint is bool:
        if isinstance(raw, bool):
            return raw
        return _YES_NO.get(raw, _INVALID) if isinstance(raw, str) else _INVALID
    if hint is int:
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else _INVALID
    if hint is dt.date:
        if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw):
            return _INVALID
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return _INVALID
    if isinstance(hint, type) and issubclass(hint, Enum):
        values = {member.value: member for member in hint}
        return values.get(raw, _INVALID) if isinstance(raw, str) else _INVALID
    return raw if isinstance(raw, str) else _INVALID


def parse_inputs(inputs_type: type[_T], payload: object) -> _T:
    """Build `inputs_type` from a JSON object, or raise `PredictorInputError`.

    A missing key and a null value both mean "not given": an error for a required input, and
    None (the default) for an optional one. Unknown keys are errors, so a misspelt optional
    input cannot silently fall back to its default.
    """
    if not isinstance(payload, Mapping):
        raise PredictorInputError([InputProblem("payload", "The inputs must be a JSON object.")])
    dataclass_fields = fields(typing.cast(typing.Any, inputs_type))
    known = {field.name for field in dataclass_fields}
    problems = [
        InputProblem(str(key), f"{key!r} is not an input of this predictor.")
        for key in payload
        if key not in known
    ]
    hints = typing.get_type_hints(inputs_type)
    values: dict[str, object] = {}
    for field in dataclass_fields:
        hint, optional = unwrap_optional(hints[field.name])
        raw = payload.get(field.name)
        if raw is None:
            if not optional:
                problems.append(InputProblem(field.name, f"{label(field.name)} is required."))
            continue
        value = parse_value(raw, hint)
        if value is _INVALID:
            problems.append(InputProblem(field.name, f"{label(field.name)} {kind_message(hint)}."))
        else:
            values[field.name] = value
    raise_if_any(problems)
    return inputs_type(**values)


def to_jsonable(value: object) -> object:
    """Inputs and results as plain JSON values: dataclasses become objects, enums their values,
    dates ISO strings, decimals numbers and tuples lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_jsonable(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    return value
