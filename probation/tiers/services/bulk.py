"""Recalculating every person's tier nationally (tiering.md: "offer a bulk recalculation of
everyone"), in batches with a fixed number of queries each (ADR 0012).

Per batch of people (keyset-paginated by id, so each batch is an id range): one query locking the
people, one for their active registrations, one for their completed assessments, one for their
latest stored calculations, one for their sentences, one for their requirements not terminated, one
(a UNION) for their breaches and recalls referred in the last 365 days, one for their latest RSR
and OGRS scores, one insert of the
calculations that changed (COPY on PostgreSQL), and one ``UPDATE`` of ``Person.tier`` (on SQLite
one per distinct tier, 32 at most). Each batch commits on its own, so an interrupted run keeps its
progress; running again is safe, because a person whose
tier has not changed gets no new row and no update (idempotent).

People whose inputs the rules read alike get the identical result, so results are cached within a
run (see ``_Calculator``): most people share a few hundred combinations.
"""

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from probation.assessments.models import Assessment
from probation.assessments.selectors import needs_assessment_from
from probation.core.clock import now, today_uk
from probation.people.models import Person
from probation.risk import tiering
from probation.risk.models import Registration
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import (
    REGISTRATION_FIELDS,
    RegistrationFacts,
    enforcement_facts,
    score_facts,
    sentence_facts,
    tier_inputs_build,
)
from probation.tiers.services.recalculation import calculation_fields

BULK_REASON = "national bulk recalculation"
DEFAULT_BATCH_SIZE = 2000
RESULT_COLUMNS = (
    "tier",
    "protect_level",
    "change_level",
    "unsupervised",
    "protect_points",
    "change_points",
    "protect_reason",
    "change_reason",
    "inputs",
    "breakdown",
)
JSON_COLUMNS = {"inputs", "breakdown"}
UPDATE_TIERS_SQL = (
    "UPDATE people_person SET tier = v.tier FROM unnest(%s::bigint[], %s::varchar[]) AS v(id, tier) "
    "WHERE people_person.id = v.id"
)
COLUMNS = ("person_id", "calculated_at", "reason", "calculated_by_id", *RESULT_COLUMNS)


@dataclass
class BulkResult:
    people: int = 0
    calculations_written: int = 0
    tiers_updated: int = 0
    batches: int = 0
    seconds: float = 0.0
    tiers: dict[str, int] = field(default_factory=dict)  # people per resulting tier


@dataclass(frozen=True)
class _Previous:
    """The four attributes ``should_record`` compares, from the latest stored calculation."""

    tier: str
    protect_level: str
    change_level: int
    unsupervised: bool


class _Calculator:
    """calculate_tier with a per-run cache, so people whose inputs differ only in ways the rules
    cannot see share one calculation (at national scale this is most of the run's time).

    The result is keyed on the inputs *as the rules read them* (``_result_key``): registration dates
    replaced by their order within the person's registrations (tiering.md compares them only to pick
    the newest of one kind), and only current sentences (§ Change 1 ignores the rest). On a miss the
    calculation runs on those normalised inputs. The stored ``inputs`` column is always the person's
    own inputs, exactly as the single recalculation stores them, encoded once per distinct inputs.
    Tests check bulk and single results are identical for mixed populations.
    """

    def __init__(self) -> None:
        self.results: dict[Any, tuple[tiering.TierResult, dict[str, Any]]] = {}
        self.encoded_inputs: dict[Any, str] = {}

    def __call__(self, inputs: tiering.TierInputs) -> tuple[tiering.TierResult, dict[str, Any]]:
        """The result (its tier fields; not its ``inputs``) and its stored column values except
        ``inputs`` (JSON encoded once)."""
        key = _result_key(inputs)
        cached = self.results.get(key)
        if cached is None:
            result = tiering.calculate_tier(_normalised(inputs))
            fields = calculation_fields(result)
            values = {
                name: json.dumps(fields[name], cls=DjangoJSONEncoder)
                if name in JSON_COLUMNS
                else fields[name]
                for name in RESULT_COLUMNS
                if name != "inputs"
            }
            cached = self.results[key] = (result, values)
        return cached

    def row(self, inputs: tiering.TierInputs, values: dict[str, Any]) -> tuple[Any, ...]:
        """The stored column values in ``RESULT_COLUMNS`` order, with the person's own inputs."""
        key = _inputs_key(inputs)
        encoded = self.encoded_inputs.get(key)
        if encoded is None:
            encoded = json.dumps(tiering.inputs_to_dict(inputs))
            if len(self.encoded_inputs) < MAX_CACHED_INPUTS:
                self.encoded_inputs[key] = encoded
        return tuple(encoded if name == "inputs" else values[name] for name in RESULT_COLUMNS)


MAX_CACHED_INPUTS = 100_000  # about 50 MB of encoded inputs at most
_ORDER_BASE = dt.date(2000, 1, 1)


def _date_ranks(registrations: tuple[tiering.Registration, ...]) -> dict[dt.date, int]:
    return {date: rank for rank, date in enumerate(sorted({r.date for r in registrations}))}


def _result_key(inputs: tiering.TierInputs) -> Any:
    ranks = _date_ranks(inputs.registrations)
    return (
        str(inputs.gender),
        tuple((r.code, ranks[r.date], r.level, r.category) for r in inputs.registrations),
        tuple((s.custodial, s.requirements) for s in inputs.sentences if s.termination_date is None),
        inputs.previous_enforcement_activity,
        _needs_key(inputs.needs_assessment),
        inputs.rsr_percentage,
        inputs.ogrs_percentage,
    )


def _normalised(inputs: tiering.TierInputs) -> tiering.TierInputs:
    """The same facts as the rules see them: registration dates kept only as their order, and only
    the current sentences."""
    ranks = _date_ranks(inputs.registrations)
    return replace(
        inputs,
        registrations=tuple(
            replace(r, date=_ORDER_BASE + dt.timedelta(days=ranks[r.date])) for r in inputs.registrations
        ),
        sentences=tuple(s for s in inputs.sentences if s.termination_date is None),
    )


def _inputs_key(inputs: tiering.TierInputs) -> Any:
    return (
        str(inputs.gender),
        inputs.registrations,
        inputs.sentences,
        inputs.previous_enforcement_activity,
        _needs_key(inputs.needs_assessment),
        inputs.rsr_percentage,
        inputs.ogrs_percentage,
    )


def _needs_key(needs: tiering.NeedsAssessment | None) -> Any:
    """Assessment answers as sorted tuples, since the dataclass holding them is not hashable."""
    if needs is None:
        return None
    return (
        tuple(sorted((s, tuple(sorted(a.items()))) for s, a in needs.answers.items())),
        needs.parenting_responsibilities,
        needs.impulsivity,
        needs.temper_control,
    )


def _batch_facts(first_id: int, last_id: int) -> tuple[dict, dict, dict]:
    """Registrations, latest completed needs and latest stored calculation for people in an id range."""
    registrations: dict[int, list[RegistrationFacts]] = defaultdict(list)
    for person_id, *facts in (
        Registration.objects.active()
        .filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by()
        .values_list("person_id", *REGISTRATION_FIELDS)
    ):
        registrations[person_id].append(tuple(facts))
    needs: dict[int, tiering.NeedsAssessment] = {}
    for assessment in (
        Assessment.objects.completed()
        .filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by("person_id", "-completed_at", "-id")
        .only("id", "person_id", "answers", "completed_at")
    ):
        if assessment.person_id not in needs:  # the first per person is the newest
            needs[assessment.person_id] = needs_assessment_from(assessment)
    previous: dict[int, _Previous] = {}
    for person_id, *values in (
        TierCalculation.objects.filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by("person_id", "-calculated_at", "-id")
        .values_list("person_id", "tier", "protect_level", "change_level", "unsupervised")
    ):
        previous.setdefault(person_id, _Previous(*values))
    return registrations, needs, previous


def _recalculate_batch(after_id: int, batch_size: int, calculator: _Calculator, totals: BulkResult) -> int:
    """Recalculate the next ``batch_size`` people after ``after_id``; returns the last id (0 if none).

    The people's rows are locked for the batch (as ``person_for_change`` locks them for a change), so
    a registration or assessment saved meanwhile waits, and its own recalculation runs after ours
    and wins; without the lock the batch could store a tier from facts read before that change."""
    with transaction.atomic():
        people = list(
            Person.objects.select_for_update()
            .filter(pk__gt=after_id)
            .order_by("pk")
            .values_list("pk", "gender", "tier")[:batch_size]
        )
        if not people:
            return 0
        first_id, last_id = people[0][0], people[-1][0]
        registrations, needs, previous = _batch_facts(first_id, last_id)
        sentences, requirements = sentence_facts(first_id, last_id)
        on = today_uk()
        enforcement = enforcement_facts(first_id, last_id, on)
        scores = score_facts(first_id, last_id)
        calculated_at = now()
        rows: list[tuple[Any, ...]] = []
        new_tiers: dict[str, list[int]] = defaultdict(list)
        for person_id, gender, stored_tier in people:
            inputs = tier_inputs_build(
                gender=gender,
                registrations=registrations.get(person_id, ()),
                needs=needs.get(person_id),
                sentences=sentences.get(person_id, ()),
                requirements=requirements.get(person_id, ()),
                enforcement=enforcement.get(person_id, ()),
                on=on,
                scores=scores.get(person_id, (None, None)),
            )
            result, values = calculator(inputs)
            totals.tiers[result.tier] = totals.tiers.get(result.tier, 0) + 1
            if tiering.should_record(previous.get(person_id), result):  # type: ignore[arg-type]
                rows.append((person_id, calculated_at, BULK_REASON, None, *calculator.row(inputs, values)))
            if stored_tier != result.tier:
                new_tiers[result.tier].append(person_id)
        _insert(rows)
        _update_tiers(new_tiers)
    totals.people += len(people)
    totals.batches += 1
    totals.calculations_written += len(rows)
    totals.tiers_updated += sum(len(ids) for ids in new_tiers.values())
    return people[-1][0]


def _update_tiers(new_tiers: dict[str, list[int]]) -> None:
    """Set Person.tier with a targeted UPDATE (no version bump): on PostgreSQL one statement joining
    two arrays (an ``IN`` list of 2,000 ids per tier cost more than the rest of the batch), elsewhere
    one UPDATE per distinct tier."""
    if not new_tiers:
        return
    if connection.vendor != "postgresql":
        for tier, ids in new_tiers.items():
            Person.objects.filter(pk__in=ids).update(tier=tier)
        return
    ids = [person_id for person_ids in new_tiers.values() for person_id in person_ids]
    tiers = [tier for tier, person_ids in new_tiers.items() for _ in person_ids]
    with connection.cursor() as cursor:
        cursor.execute(UPDATE_TIERS_SQL, [ids, tiers])


def _insert(rows: list[tuple[Any, ...]]) -> None:
    """Store new calculations: COPY on PostgreSQL (bulk_create's parameter quoting of 2,000 JSON
    documents took most of a batch's time), bulk_create elsewhere. One statement either way."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        TierCalculation.objects.bulk_create(
            TierCalculation(
                **{
                    name: json.loads(value) if name in JSON_COLUMNS else value
                    for name, value in zip(COLUMNS, row, strict=True)
                }
            )
            for row in rows
        )
        return
    table = TierCalculation._meta.db_table
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def tier_recalculate_all(
    *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Callable[[BulkResult], None] | None = None
) -> BulkResult:
    """Recalculate every person's tier; store the calculations that changed and update Person.tier."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    totals = BulkResult()
    calculator = _Calculator()
    last_id = 0
    while last_id := _recalculate_batch(last_id, batch_size, calculator, totals):
        if progress is not None:
            progress(totals)
    totals.seconds = time.perf_counter() - started
    return totals
