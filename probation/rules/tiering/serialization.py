"""JSON-like payloads in and out of the tier calculation (for an API or CLI).

Payload shape (keys marked ? may be omitted; unknown keys are rejected so typos cannot hide data):

    {"gender": "female", "rsr_percentage"?: "6.99" | 6.99 | null, "ogrs_percentage"?: 55 | null,
     "registrations": [{"code": "RHRH", "date": "2024-01-31", "level"?: null, "category"?: null}],
     "sentences": [{"custodial": false, "termination_date"?: null,
                    "requirements": [{"main_category": "F", "restrictive": false}]}],
     "previous_enforcement_activity": false,
     "needs_assessment"?: null | {"answers": {"accommodation": {"suitability": "some"}},
                                  "parenting_responsibilities"?: "yes", "impulsivity"?: "none",
                                  "temper_control"?: null}}

RSR may be given as a string or number; a number is read via its shortest decimal form, so 6.99
stays exactly 6.99. Dates are ISO strings (YYYY-MM-DD).
"""

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from probation.rules.tiering.calculator import calculate_tier
from probation.rules.tiering.errors import InputProblem, TieringInputError
from probation.rules.tiering.inputs import NeedsAssessment, Registration, Requirement, Sentence, TierInputs
from probation.rules.tiering.result import TierResult
from probation.rules.tiering.validation import validate_inputs

_TOP_REQUIRED = ("gender", "registrations", "sentences", "previous_enforcement_activity")
_TOP_OPTIONAL = ("rsr_percentage", "ogrs_percentage", "needs_assessment")
_WOMENS = ("parenting_responsibilities", "impulsivity", "temper_control")


class _Parser:
    """Converts a payload to `TierInputs`, recording a problem (and keeping the raw value) on failure."""

    def __init__(self) -> None:
        self.problems: list[InputProblem] = []

    def problem(self, field: str, message: str) -> None:
        # First problem per field wins: a missing field is "required", not also "not a list".
        if all(p.field != field for p in self.problems):
            self.problems.append(InputProblem(field, message))

    def fields(self, value: object, path: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict:
        if not isinstance(value, Mapping):
            self.problem(path or "payload", "must be an object")
            return {}
        prefix = f"{path}." if path else ""
        for key in value:
            if key not in required and key not in optional:
                self.problem(f"{prefix}{key}", "unknown field")
        for key in required:
            if key not in value:
                self.problem(f"{prefix}{key}", "is required")
        return {key: value.get(key) for key in (*required, *optional)}

    def date(self, value: object, path: str, nullable: bool = False) -> Any:
        if value is None and nullable:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(path, f"must be an ISO date (YYYY-MM-DD), got {value!r}")
        return value

    def decimal(self, value: object, path: str) -> Any:
        if value is None or isinstance(value, Decimal | bool):
            return value  # bool is rejected by validation
        try:
            if isinstance(value, int | float | str):
                return Decimal(str(value))  # str() of a float is its shortest repr: 6.99 → "6.99"
        except InvalidOperation:
            pass
        self.problem(path, f"must be a number, got {value!r}")
        return value

    def items(self, value: object, path: str, parse: Callable[[object, str], Any]) -> tuple:
        if not isinstance(value, list | tuple):
            self.problem(path, "must be a list (empty if none)")
            return ()
        return tuple(parse(item, f"{path}[{index}]") for index, item in enumerate(value))

    def registration(self, value: object, path: str) -> Any:
        f = self.fields(value, path, ("code", "date"), ("level", "category"))
        if not f:
            return value
        return Registration(code=f["code"], date=self.date(f["date"], f"{path}.date"), level=f["level"],
                            category=f["category"])  # fmt: skip

    def requirement(self, value: object, path: str) -> Any:
        f = self.fields(value, path, ("main_category", "restrictive"), ())
        return Requirement(main_category=f["main_category"], restrictive=f["restrictive"]) if f else value

    def sentence(self, value: object, path: str) -> Any:
        f = self.fields(value, path, ("custodial", "requirements"), ("termination_date",))
        if not f:
            return value
        return Sentence(
            custodial=f["custodial"],
            requirements=self.items(f["requirements"], f"{path}.requirements", self.requirement),
            termination_date=self.date(f["termination_date"], f"{path}.termination_date", nullable=True),
        )

    def assessment(self, value: object, path: str) -> Any:
        if value is None:
            return None
        f = self.fields(value, path, ("answers",), _WOMENS)
        if not f:
            return value
        answers = f["answers"]
        if isinstance(answers, Mapping):
            answers = {k: dict(v) if isinstance(v, Mapping) else v for k, v in answers.items()}
        return NeedsAssessment(answers=answers, **{key: f[key] for key in _WOMENS})

    def inputs(self, payload: object) -> TierInputs:
        f = self.fields(payload, "", _TOP_REQUIRED, _TOP_OPTIONAL)
        if not f:
            raise TieringInputError(self.problems)
        return TierInputs(
            gender=f["gender"],
            registrations=self.items(f["registrations"], "registrations", self.registration),
            sentences=self.items(f["sentences"], "sentences", self.sentence),
            previous_enforcement_activity=f["previous_enforcement_activity"],
            needs_assessment=self.assessment(f["needs_assessment"], "needs_assessment"),
            rsr_percentage=self.decimal(f["rsr_percentage"], "rsr_percentage"),
            ogrs_percentage=f["ogrs_percentage"],
        )


def inputs_from_dict(payload: Mapping[str, Any]) -> TierInputs:
    """Build validated `TierInputs` from a JSON-like payload; raises `TieringInputError` listing every
    problem (payload shape problems first, then any further value problems on other fields)."""
    parser = _Parser()
    inputs = parser.inputs(payload)
    if not parser.problems:
        return validate_inputs(inputs)
    problems = list(parser.problems)
    try:
        validate_inputs(inputs)
    except TieringInputError as error:
        reported = {p.field for p in problems}
        problems += [
            p for p in error.problems if p.field not in reported and not _under_reported(p, reported)
        ]
    raise TieringInputError(problems)


def _under_reported(problem: InputProblem, reported: set[str]) -> bool:
    # A payload element that was not an object is reported once, not again for each of its fields.
    return any(
        problem.field.startswith(f"{field}.") or problem.field.startswith(f"{field}[") for field in reported
    )


def inputs_to_dict(inputs: TierInputs) -> dict[str, Any]:
    """The inverse of `inputs_from_dict`: a JSON-ready dict (RSR as a string to keep it exact)."""
    assessment = inputs.needs_assessment
    return {
        "gender": str(inputs.gender),
        "rsr_percentage": None if inputs.rsr_percentage is None else str(inputs.rsr_percentage),
        "ogrs_percentage": inputs.ogrs_percentage,
        "registrations": [registration_to_dict(r) for r in inputs.registrations],
        "sentences": [sentence_to_dict(s) for s in inputs.sentences],
        "previous_enforcement_activity": inputs.previous_enforcement_activity,
        "needs_assessment": None if assessment is None else assessment_to_dict(assessment),
    }


# The parts of `inputs_to_dict`, for callers that encode many inputs sharing parts (the national
# bulk recalculation encodes each distinct registration, sentence and assessment once).


def registration_to_dict(registration: Registration) -> dict[str, Any]:
    r = registration
    return {"code": r.code, "date": r.date.isoformat(), "level": r.level, "category": r.category}


def sentence_to_dict(sentence: Sentence) -> dict[str, Any]:
    s = sentence
    return {
        "custodial": s.custodial,
        "termination_date": s.termination_date.isoformat() if s.termination_date else None,
        "requirements": [
            {"main_category": q.main_category, "restrictive": q.restrictive} for q in s.requirements
        ],
    }


def assessment_to_dict(assessment: NeedsAssessment) -> dict[str, Any]:
    return {
        "answers": {str(k): dict(v) for k, v in assessment.answers.items()},
        **{key: getattr(assessment, key) for key in _WOMENS},
    }


def result_to_dict(result: TierResult) -> dict[str, Any]:
    """A JSON-ready dict of a `TierResult`, including its breakdown and inputs."""
    derived = result.derived
    return {
        "tier": result.tier,
        "protect_level": result.protect_level,
        "change_level": result.change_level,
        "unsupervised": result.unsupervised,
        "protect_points": result.protect_points,
        "change_points": result.change_points,
        "protect_reason": result.protect_reason,
        "change_reason": result.change_reason,
        "breakdown": breakdown_to_list(result),
        "derived": {
            "rsr_percentage": str(derived.rsr_percentage),
            "ogrs_percentage": derived.ogrs_percentage,
            "rosh_level": None if derived.rosh_level is None else str(derived.rosh_level),
            "mappa_level": derived.mappa_level,
            "complexity_factors": list(derived.complexity_factors),
            "iom": derived.iom,
            "unsupervised": derived.unsupervised,
            "female": derived.female,
            "mandate_for_change": derived.mandate_for_change,
            "has_needs_assessment": derived.has_needs_assessment,
            "need_scores": [
                {
                    "section": str(n.section),
                    "score": n.score,
                    "severity": None if n.severity is None else str(n.severity),
                    "weighting": n.weighting,
                    "points": n.points,
                }
                for n in derived.need_scores
            ],
        },
        "inputs": inputs_to_dict(result.inputs),
    }


def breakdown_to_list(result: TierResult) -> list[dict[str, Any]]:
    """The ``breakdown`` of `result_to_dict`: one JSON-ready dict per contribution."""
    return [
        {"axis": str(c.axis), "rule": c.rule, "points": c.points, "reason": c.reason}
        for c in result.breakdown
    ]


def tier_from_dict(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Calculate a tier from a JSON-like payload and return the result as a JSON-ready dict.

    Raises `TieringInputError` naming every bad field."""
    return result_to_dict(calculate_tier(inputs_from_dict(payload)))
