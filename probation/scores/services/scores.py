"""Calculating every predictor from the case record and storing the scores (issue 4 item 1).

``scores_calculate`` gathers the inputs from the record (``services.record``), runs each calculator
in ``probation.rules.predictors`` unchanged, and stores one ``PredictorScore`` per predictor that
calculated. A predictor whose inputs are missing or invalid stores nothing and reports each problem
as the calculator names it, with where on the record the input comes from; the others still
calculate. The scores are a tier input (tiering.md § Inputs: RSR %, OGRS %), so the tier is told.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import now, today_uk
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.rules.predictors import PREDICTORS, PredictorInputError, to_jsonable
from probation.rules.predictors.common import label
from probation.scores.models import PredictorScore, PredictorSlug
from probation.scores.services.record import Gathered, case_facts, gathered_values

SCORE = "predictor_score"  # audit object type
# The figures a score is known by; everything else in a result is a feature value behind them.
HEADLINE_FIELDS = (
    "one_year_percent",
    "two_year_percent",
    "percent",
    "band",
    "variant",
    "points",
    "applicable",
)


@dataclass(frozen=True)
class Problem:
    field: str
    label: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """One predictor's calculation: the stored score, or the problems that prevented it."""

    predictor: PredictorSlug
    score: PredictorScore | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Calculation:
    outcomes: tuple[Outcome, ...]

    @property
    def calculated(self) -> list[PredictorSlug]:
        return [o.predictor for o in self.outcomes if o.score is not None]


def _inputs_for(slug: str, g: Gathered, calculated: dict[str, Any]) -> Any:
    inputs_type = PREDICTORS[slug].inputs_type
    values = {f.name: g.values.get(f.name) for f in dataclasses.fields(inputs_type)}
    if slug == "ogp":
        ogrs3 = calculated.get("ogrs3")
        values["ogrs3_two_year_percent"] = ogrs3.two_year_percent if ogrs3 else None
    return inputs_type(**values)


def _problems(error: PredictorInputError, g: Gathered) -> tuple[Problem, ...]:
    """The calculator's messages, each followed by where on the record the input comes from."""
    problems = []
    for p in error.problems:
        reason = g.reasons.get(p.field, "")
        if p.field == "ogrs3_two_year_percent":
            reason = "OGRS3 could not be calculated."
        problems.append(Problem(p.field, label(p.field), f"{p.message} {reason}".strip()))
    return tuple(problems)


def _split(result: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    data = to_jsonable(result)
    assert isinstance(data, dict)
    headline = {k: data[k] for k in HEADLINE_FIELDS if k in data}
    if "rsr_percent" in data:  # OSP/IIC's RSR component, rounded to 2 d.p.
        headline["rsr_percent"] = data["rsr_percent"]
    features = {k: v for k, v in data.items() if k not in headline}
    return headline, features


@dataclass(frozen=True)
class Run:
    """One predictor run on the gathered inputs, before anything is stored."""

    predictor: PredictorSlug
    inputs: Any
    result: Any
    problems: tuple[Problem, ...]


def _run_all(g: Gathered) -> list[Run]:
    results: dict[str, Any] = {}
    runs = []
    for slug in PredictorSlug.values:
        inputs = _inputs_for(slug, g, results)
        try:
            result = PREDICTORS[slug].calculate(inputs)
        except PredictorInputError as error:
            runs.append(Run(PredictorSlug(slug), inputs, None, _problems(error, g)))
            continue
        results[slug] = result
        runs.append(Run(PredictorSlug(slug), inputs, result, ()))
    return runs


def scores_check(*, person: Person) -> dict[str, tuple[Problem, ...]]:
    """What stops each predictor calculating from the record as it is now (nothing is stored):
    the case page shows it so staff can put the record right before calculating."""
    g = gathered_values(case_facts(person=person, today=today_uk()))
    return {str(run.predictor): run.problems for run in _run_all(g)}


def scores_calculate(*, actor: User, crn: str) -> Calculation:
    """Calculate every predictor from the record and store each score that calculated.

    Needs ROSH_MANAGE in the case's managing PDU (``person_for_change``). Audited with the
    predictors calculated and those refused (field names only, never values).
    """
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ROSH_MANAGE)
        calculated_at = now()
        g = gathered_values(case_facts(person=person, today=today_uk()))
        outcomes = []
        for run in _run_all(g):
            if run.result is None:
                outcomes.append(Outcome(run.predictor, None, run.problems))
                continue
            headline, features = _split(run.result)
            score = PredictorScore.objects.create(
                person=person,
                predictor=run.predictor,
                inputs=to_jsonable(run.inputs),
                features=features,
                result=headline,
                calculated_at=calculated_at,
                calculated_by=actor,
            )
            outcomes.append(Outcome(run.predictor, score))
        calculation = Calculation(tuple(outcomes))
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=SCORE,
            object_id="",
            detail={
                "calculated": [str(s) for s in calculation.calculated],
                "not_calculated": {
                    str(o.predictor): [p.field for p in o.problems] for o in outcomes if o.score is None
                },
            },
        )
        if calculation.calculated:
            case_inputs_changed(person_id=person.pk, reason="predictor scores calculated", actor=actor)
    return calculation
