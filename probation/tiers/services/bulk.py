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
run (see ``_Calculator``): most people share a few thousand combinations. Each person's facts stay
plain tuples; ``TierInputs`` are built (by ``tier_inputs_build``, as for one person) only for a
combination not seen before, and the stored ``inputs`` JSON is assembled from the encoded JSON of
each distinct registration, sentence and assessment.

On PostgreSQL the batches are shared among worker processes (one per CPU, at most ``MAX_WORKERS``)
in chunks of consecutive ids, each worker with its own connection; every batch is still exactly the
transaction described above.
"""

import datetime as dt
import functools
import json
import multiprocessing
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from probation.assessments.models import Assessment
from probation.assessments.selectors import needs_assessment_from
from probation.core.clock import now, today_uk
from probation.people.models import Person
from probation.people.models.person import Gender as PersonGender
from probation.risk.models import Registration
from probation.rules import tiering
from probation.rules.tiering.change import gives_mandate
from probation.rules.tiering.serialization import (
    assessment_to_dict,
    breakdown_to_list,
    registration_to_dict,
    sentence_to_dict,
)
from probation.tiers.models import TierCalculation
from probation.tiers.record_inputs import SentenceFacts, tier_sentences
from probation.tiers.selectors import (
    REGISTRATION_FIELDS,
    TIERING_GENDER,
    RegistrationFacts,
    RequirementFacts,
    ScoreFacts,
    enforcement_facts,
    score_facts,
    sentence_facts,
    tier_inputs_build,
    tier_registration,
)

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
_INPUTS_INDEX = RESULT_COLUMNS.index("inputs")
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


# The four attributes ``should_record`` compares (tier, protect level, change level, unsupervised),
# from the latest stored calculation: ``should_record`` records exactly when they differ.
_Previous = tuple[str, str, int, bool]

_NO_SCORES: ScoreFacts = (None, None)
_NON_FEMALE = frozenset(g.value for g in PersonGender if g != PersonGender.FEMALE)
MAX_CACHED_FRAGMENTS = 200_000  # encoded registrations, sentences and assessments: a few tens of MB
_ORDER_BASE = dt.date(2000, 1, 1)


def _sentence_order(facts: SentenceFacts) -> tuple[dt.date, int]:
    return facts[1], facts[0]  # as record_inputs.tier_sentences orders them: oldest first, then by id


class _Calculator:
    """calculate_tier with a per-run cache, so people whose inputs differ only in ways the rules
    cannot see share one calculation, and the stored ``inputs`` JSON built from parts encoded once.

    Each person's facts are reduced to plain tuples (``_PersonFacts``), in the order
    ``tier_inputs_build`` puts them, without building ``TierInputs``. The result is keyed on those
    facts *as the rules read them* (``rules_key``): gender as female or not (only FEMALE changes the
    result), registration dates replaced by their order within the person's registrations
    (tiering.md compares them only to pick the newest of one kind), and sentences reduced to what
    § Change 1 reads: whether there is a current sentence, and whether any current one gives a
    mandate (tiering's own ``gives_mandate``, applied once per distinct sentence type and
    requirements), plus whether any would fail validation. On a miss the
    person's own ``TierInputs`` are built by ``tier_inputs_build`` (the single path's builder) and
    the calculation runs on them with dates normalised, as before. Everything stored except
    ``inputs`` is encoded once per distinct key.

    The stored ``inputs`` column is always the person's own inputs, exactly
    ``json.dumps(inputs_to_dict(inputs))``, assembled from the JSON of each distinct registration,
    sentence and assessment (``inputs_json``; tests check the text is identical). Tests also check
    bulk and single results are identical, field by field, for mixed populations.
    """

    def __init__(self) -> None:
        self.results: dict[Any, tuple[str, _Previous, tuple[Any, ...]]] = {}
        self.needs: dict[str, tuple[Any, tiering.NeedsAssessment]] = {}  # by stored answers (JSON)
        self._sentence_classes: dict[tuple[str, tuple[str, ...]], Any] = {}
        self._genders: dict[str, str] = {}
        self._registrations: dict[RegistrationFacts, str] = {}
        self._sentences: dict[Any, str] = {}
        self._needs: dict[Any, str] = {}

    # The result ---------------------------------------------------------------------------------

    def result(
        self, facts: "_PersonFacts", build: Callable[[], tiering.TierInputs]
    ) -> tuple[str, _Previous, tuple[Any, ...]]:
        """(tier, the four compared attributes, the stored values in ``RESULT_COLUMNS`` order with
        None for ``inputs``)."""
        key = self.rules_key(facts)
        cached = self.results.get(key)
        if cached is None:
            result = tiering.calculate_tier(_normalised(build()))
            # calculation_fields(result) but for ``inputs`` (the person's own, see inputs_json).
            fields = {name: getattr(result, name) for name in RESULT_COLUMNS if name not in JSON_COLUMNS}
            fields["breakdown"] = json.dumps(breakdown_to_list(result), cls=DjangoJSONEncoder)
            values = tuple(fields.get(name) for name in RESULT_COLUMNS)
            compared = (result.tier, result.protect_level, result.change_level, result.unsupervised)
            cached = self.results[key] = (result.tier, compared, values)
        return cached

    def rules_key(self, facts: "_PersonFacts") -> Any:
        gender, registrations, sentences, enforcement, needs_key, _, scores = facts
        if len(registrations) > 1:
            ranks = {date: rank for rank, date in enumerate(sorted({r[1] for r in registrations}))}
            registrations_key = tuple(
                (code, ranks[date], level, category) for code, date, level, category in registrations
            )
        elif registrations:
            code, _, level, category = registrations[0]
            registrations_key = ((code, 0, level, category),)
        else:
            registrations_key = ()
        current = [
            self._sentence_class(sentence_type, requirements)
            for sentence_type, terminated_on, requirements in sentences
            if terminated_on is None
        ]
        # § Change 1 reads only whether there is a current sentence and whether any gives a mandate.
        sentences_key = (bool(current), any(c[0] for c in current), any(c[1] for c in current))
        female = "F" if gender == PersonGender.FEMALE else "-" if gender in _NON_FEMALE else gender
        return (female, registrations_key, sentences_key, enforcement, needs_key, scores)

    def _sentence_class(self, sentence_type: str, requirements: tuple[str, ...]) -> tuple[bool, bool]:
        """Whether a current sentence gives a mandate for change (the rule's own
        ``gives_mandate``), and whether any of its requirements would fail validation."""
        key = (sentence_type, requirements)
        found = self._sentence_classes.get(key)
        if found is None:
            (sentence,) = tier_sentences(
                [(0, _ORDER_BASE, sentence_type, None)], [(0, t) for t in requirements]
            )
            invalid = any(
                not isinstance(q.main_category, str) or not q.main_category.strip()
                for q in sentence.requirements
            )
            found = self._sentence_classes[key] = (gives_mandate(sentence), invalid)
        return found

    # The stored inputs --------------------------------------------------------------------------

    def inputs_json(self, facts: "_PersonFacts") -> str:
        """``json.dumps(inputs_to_dict(inputs))`` of the person's own inputs, from encoded parts."""
        gender, registrations, sentences, enforcement, needs_key, needs, (rsr, ogrs) = facts
        encoded_gender = self._genders.get(gender)
        if encoded_gender is None:
            encoded_gender = self._genders[gender] = json.dumps(str(TIERING_GENDER[PersonGender(gender)]))
        encoded_registrations = ", ".join(self._registration_json(r) for r in registrations)
        encoded_sentences = ", ".join(self._sentence_json(s) for s in sentences)
        encoded_needs = "null" if needs is None else self._needs_json(needs_key, needs)
        return (
            f'{{"gender": {encoded_gender}, '
            f'"rsr_percentage": {"null" if rsr is None else json.dumps(str(rsr))}, '
            f'"ogrs_percentage": {json.dumps(ogrs)}, '
            f'"registrations": [{encoded_registrations}], '
            f'"sentences": [{encoded_sentences}], '
            f'"previous_enforcement_activity": {"true" if enforcement else "false"}, '
            f'"needs_assessment": {encoded_needs}}}'
        )

    def _registration_json(self, facts: RegistrationFacts) -> str:
        found = self._registrations.get(facts)
        if found is None:
            found = json.dumps(registration_to_dict(tier_registration(facts)))
            if len(self._registrations) < MAX_CACHED_FRAGMENTS:
                self._registrations[facts] = found
        return found

    def _sentence_json(self, facts: tuple[str, dt.date | None, tuple[str, ...]]) -> str:
        found = self._sentences.get(facts)
        if found is None:
            sentence_type, terminated_on, requirements = facts
            (sentence,) = tier_sentences(
                [(0, _ORDER_BASE, sentence_type, terminated_on)], [(0, t) for t in requirements]
            )
            found = json.dumps(sentence_to_dict(sentence))
            if len(self._sentences) < MAX_CACHED_FRAGMENTS:
                self._sentences[facts] = found
        return found

    def _needs_json(self, needs_key: Any, needs: tiering.NeedsAssessment) -> str:
        found = self._needs.get(needs_key)
        if found is None:
            found = json.dumps(assessment_to_dict(needs))
            if len(self._needs) < MAX_CACHED_FRAGMENTS:
                self._needs[needs_key] = found
        return found


# (gender, registrations sorted, sentences oldest first as (type, termination date, requirement
# types sorted), previous enforcement activity, needs key, needs, (RSR, OGRS)): one person's facts in
# the order tier_inputs_build puts them.
_PersonFacts = tuple[
    str,
    tuple[RegistrationFacts, ...],
    tuple[tuple[str, dt.date | None, tuple[str, ...]], ...],
    bool,
    Any,
    tiering.NeedsAssessment | None,
    ScoreFacts,
]


def _date_ranks(registrations: tuple[tiering.Registration, ...]) -> dict[dt.date, int]:
    return {date: rank for rank, date in enumerate(sorted({r.date for r in registrations}))}


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


def _batch_facts(
    first_id: int, last_id: int, known_needs: dict[str, tuple[Any, tiering.NeedsAssessment]]
) -> tuple[dict, dict, dict]:
    """Registrations, latest completed needs (with their key) and the latest stored calculation's
    compared attributes for people in an id range."""
    registrations: dict[int, list[RegistrationFacts]] = defaultdict(list)
    for person_id, *facts in (
        Registration.objects.active()
        .filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by()
        .values_list("person_id", *REGISTRATION_FIELDS)
    ):
        registrations[person_id].append(tuple(facts))
    needs: dict[int, tuple[Any, tiering.NeedsAssessment]] = {}
    for person_id, answers in (
        Assessment.objects.completed()
        .filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by("person_id", "-completed_at", "-id")
        .values_list("person_id", Cast("answers", TextField()))
    ):
        if person_id not in needs:  # the first per person is the newest
            found = known_needs.get(answers)  # the stored JSON text: equal text, equal answers
            if found is None:
                assessment_needs = needs_assessment_from(Assessment(answers=json.loads(answers)))
                found = (_needs_key(assessment_needs), assessment_needs)
                if len(known_needs) < MAX_CACHED_FRAGMENTS:
                    known_needs[answers] = found
            needs[person_id] = found
    previous: dict[int, _Previous] = {}
    for person_id, tier, protect_level, change_level, unsupervised in (
        TierCalculation.objects.filter(person_id__gte=first_id, person_id__lte=last_id)
        .order_by("person_id", "-calculated_at", "-id")
        .values_list("person_id", "tier", "protect_level", "change_level", "unsupervised")
    ):
        if person_id not in previous:
            previous[person_id] = (tier, protect_level, change_level, unsupervised)
    return registrations, needs, previous


@dataclass(frozen=True, slots=True)
class _Batch:
    """Everything one batch's calculations read, keyed by person id."""

    on: dt.date
    calculated_at: dt.datetime
    registrations: dict[int, list[RegistrationFacts]]
    needs: dict[int, tuple[Any, tiering.NeedsAssessment]]
    previous: dict[int, _Previous]
    sentences: dict[int, list[SentenceFacts]]
    requirements: dict[int, list[RequirementFacts]]
    requirements_by_sentence: dict[int, list[str]]
    enforcement: dict[int, list[tiering.EnforcementProcess]]
    scores: dict[int, ScoreFacts]


def _lock_people(after_id: int, batch_size: int, until_id: int | None) -> list[tuple[int, str, str]]:
    """The next ``batch_size`` people after ``after_id`` as (id, gender, stored tier), locked."""
    wanted = Person.objects.select_for_update().filter(pk__gt=after_id)
    if until_id is not None:
        wanted = wanted.filter(pk__lte=until_id)
    return list(wanted.order_by("pk").values_list("pk", "gender", "tier")[:batch_size])


def _read_batch(first_id: int, last_id: int, calculator: _Calculator) -> _Batch:
    registrations, needs, previous = _batch_facts(first_id, last_id, calculator.needs)
    sentences, requirements = sentence_facts(first_id, last_id)
    by_sentence: dict[int, list[str]] = {}
    for person_requirements in requirements.values():
        for sentence_id, requirement_type in person_requirements:
            by_sentence.setdefault(sentence_id, []).append(requirement_type)
    on = today_uk()
    return _Batch(
        on=on,
        calculated_at=now(),
        registrations=registrations,
        needs=needs,
        previous=previous,
        sentences=sentences,
        requirements=requirements,
        requirements_by_sentence=by_sentence,
        enforcement=enforcement_facts(first_id, last_id, on),
        scores=score_facts(first_id, last_id),
    )


_NO_REQUIREMENTS: tuple[str, ...] = ()


def _person_facts(batch: _Batch, person_id: int, gender: str) -> _PersonFacts:
    """One person's facts as ``_PersonFacts``; sorts their registrations in place (as
    ``tier_inputs_build`` sorts them) and their sentences oldest first."""
    person_registrations = batch.registrations.get(person_id)
    if person_registrations:
        person_registrations.sort()
        registration_facts = tuple(person_registrations)
    else:
        registration_facts = ()
    person_sentences = batch.sentences.get(person_id)
    if person_sentences:
        if len(person_sentences) > 1:
            person_sentences.sort(key=_sentence_order)
        by_sentence = batch.requirements_by_sentence
        sentence_keys = tuple(
            (
                sentence_type,
                terminated_on,
                tuple(sorted(by_sentence[sentence_id])) if sentence_id in by_sentence else _NO_REQUIREMENTS,
            )
            for sentence_id, _, sentence_type, terminated_on in person_sentences
        )
    else:
        sentence_keys = ()
    processes = batch.enforcement.get(person_id)
    active = tiering.has_previous_enforcement_activity(processes, on=batch.on) if processes else False
    needs_key, person_needs = batch.needs.get(person_id, (None, None))
    return (
        gender,
        registration_facts,
        sentence_keys,
        active,
        needs_key,
        person_needs,
        batch.scores.get(person_id, _NO_SCORES),
    )


def _person_inputs(batch: _Batch, person_id: int, gender: str) -> tiering.TierInputs:
    """One person's ``TierInputs``, built only when the calculator has not seen their facts."""
    _, person_needs = batch.needs.get(person_id, (None, None))
    return tier_inputs_build(
        gender=gender,
        registrations=batch.registrations.get(person_id, ()),
        needs=person_needs,
        sentences=batch.sentences.get(person_id, ()),
        requirements=batch.requirements.get(person_id, ()),
        enforcement=batch.enforcement.get(person_id, ()),
        on=batch.on,
        scores=batch.scores.get(person_id, _NO_SCORES),
    )


def _recalculate_batch(
    after_id: int, batch_size: int, calculator: _Calculator, totals: BulkResult, until_id: int | None = None
) -> int:
    """Recalculate the next ``batch_size`` people after ``after_id`` (up to ``until_id`` if given);
    returns the last id (0 if none).

    The people's rows are locked for the batch (as ``person_for_change`` locks them for a change), so
    a registration or assessment saved meanwhile waits, and its own recalculation runs after ours
    and wins; without the lock the batch could store a tier from facts read before that change."""
    with transaction.atomic():
        people = _lock_people(after_id, batch_size, until_id)
        if not people:
            return 0
        batch = _read_batch(people[0][0], people[-1][0], calculator)
        rows: list[tuple[Any, ...]] = []
        new_tiers: dict[str, list[int]] = defaultdict(list)
        tiers = totals.tiers
        for person_id, gender, stored_tier in people:
            facts = _person_facts(batch, person_id, gender)
            tier, compared, values = calculator.result(
                facts, functools.partial(_person_inputs, batch, person_id, gender)
            )
            tiers[tier] = tiers.get(tier, 0) + 1
            if batch.previous.get(person_id) != compared:  # tiering.should_record: any of the four differs
                rows.append(
                    (
                        person_id,
                        batch.calculated_at,
                        BULK_REASON,
                        None,
                        *values[:_INPUTS_INDEX],
                        calculator.inputs_json(facts),
                        *values[_INPUTS_INDEX + 1 :],
                    )
                )
            if stored_tier != tier:
                new_tiers[tier].append(person_id)
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
    """Store new calculations (all calculated at the same time): COPY on PostgreSQL (bulk_create's
    parameter quoting of 2,000 JSON documents took most of a batch's time), one executemany of the
    already-encoded rows on SQLite (bulk_create decoded and re-encoded the JSON), bulk_create
    elsewhere. One statement each way."""
    if not rows:
        return
    table = TierCalculation._meta.db_table
    if connection.vendor == "sqlite":  # one executemany of the encoded rows, the JSON as stored text
        calculated_at = connection.ops.adapt_datetimefield_value(rows[0][1])
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))})",  # noqa: S608
                [(row[0], calculated_at, *row[2:]) for row in rows],
            )
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
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def tier_recalculate_all(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[BulkResult], None] | None = None,
    workers: int | None = None,
) -> BulkResult:
    """Recalculate every person's tier; store the calculations that changed and update Person.tier.

    On PostgreSQL, outside a transaction, the id range is shared among ``workers`` processes (by
    default one per CPU, at most ``MAX_WORKERS``), each with its own connection and cache, running
    the same batches; elsewhere (SQLite, or inside a transaction, whose uncommitted rows other
    connections cannot see) one process runs them all."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block:
        totals = _recalculate_in_parallel(batch_size, workers, progress)
    else:
        totals = BulkResult()
        calculator = _Calculator()
        last_id = 0
        while last_id := _recalculate_batch(last_id, batch_size, calculator, totals):
            if progress is not None:
                progress(totals)
    totals.seconds = time.perf_counter() - started
    return totals


MAX_WORKERS = 4
CHUNK_BATCHES = 10  # batches per chunk of work handed to a worker process
_worker_calculator: _Calculator | None = None  # one per worker process, kept across its chunks


def _recalculate_in_parallel(
    batch_size: int, workers: int, progress: Callable[[BulkResult], None] | None
) -> BulkResult:
    """Share the people among worker processes in chunks of consecutive ids (``CHUNK_BATCHES``
    batches each); each chunk runs exactly the single-process batches over its id range."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM people_person ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    chunk = batch_size * CHUNK_BATCHES
    # (after, until]: every person in exactly one chunk.
    bounds = [
        (0 if i == 0 else ids[i - 1], ids[min(i + chunk, len(ids)) - 1]) for i in range(0, len(ids), chunk)
    ]
    totals = BulkResult()
    if not bounds:
        return totals
    with _worker_pool(min(workers, len(bounds))) as pool:
        for part in pool.imap_unordered(_recalculate_chunk, [(*b, batch_size) for b in bounds]):
            totals.people += part.people
            totals.calculations_written += part.calculations_written
            totals.tiers_updated += part.tiers_updated
            totals.batches += part.batches
            for tier, count in part.tiers.items():
                totals.tiers[tier] = totals.tiers.get(tier, 0) + count
            if progress is not None:
                progress(totals)
    return totals


def _worker_pool(processes: int) -> Any:
    """Forked worker processes. The parent's connections are closed first, so each worker opens its
    own (a connection shared across a fork would interleave two processes' messages)."""
    connections.close_all()
    return multiprocessing.get_context("fork").Pool(processes)


def _recalculate_chunk(task: tuple[int, int, int]) -> BulkResult:
    """In a worker process: the batches of people with ids in (after, until]."""
    global _worker_calculator  # the worker's cache across its chunks
    after_id, until_id, batch_size = task
    if _worker_calculator is None:
        _worker_calculator = _Calculator()
    totals = BulkResult()
    last_id = after_id
    while last_id := _recalculate_batch(last_id, batch_size, _worker_calculator, totals, until_id):
        pass
    return totals
