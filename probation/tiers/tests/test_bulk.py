"""The national recalculation: every person, the same result as the single recalculation,
idempotent, and a fixed number of queries per batch however many people and facts there are."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.core.clock import today_uk
from probation.enforcement.models import Breach, Recall
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration
from probation.rules import tiering
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    EventFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get
from probation.tiers.services.bulk import BULK_REASON, _recalculate_in_parallel, tier_recalculate_all
from probation.tiers.services.recalculation import calculation_fields
from probation.tiers.tests.helpers import REGISTERED_ON

pytestmark = pytest.mark.django_db
READS = 7  # per batch after the people: see test_queries_per_batch_do_not_grow_with_people_or_facts


def _past_order(person, requirement_type):
    sentence = SentenceFactory(
        event=EventFactory(person=person), terminated_on=dt.date(2026, 12, 1), termination_reason="completed"
    )
    RequirementFactory(sentence=sentence, type=requirement_type, ordered=8)


def _register(person, code, staff, **extra):
    return Registration.objects.create(
        person=person, register_type=code, registered_on=REGISTERED_ON, registering_officer=staff, **extra
    )


@pytest.fixture
def people(officer_user):
    """Facts written straight to the tables (as a data load would), so no tier exists yet."""
    staff = officer_user.staff
    plain = PersonFactory.create_batch(3, officer=staff)
    very_high = PersonFactory(officer=staff)
    _register(very_high, "RVHR", staff)
    mappa = PersonFactory(officer=staff)
    _register(mappa, "MAPP", staff, category="M1", level="M3")
    woman = PersonFactory(officer=staff, gender="F")
    for code in ("RMDO", "ALSH", "RVLN", "RCCO"):
        _register(woman, code, staff)
    CompletedAssessmentFactory(
        person=woman,
        answers={
            "accommodation": {"suitability": "some"},
            "womens_factors": {"parenting_responsibilities": "yes"},
        },
    )
    unsupervised = PersonFactory(officer=staff)
    _register(unsupervised, "PRC", staff)
    return [*plain, very_high, mappa, woman, unsupervised]


def test_every_person_gets_the_tier_the_single_calculation_gives(people):
    result = tier_recalculate_all(batch_size=3)

    assert (result.people, result.calculations_written, result.tiers_updated, result.batches) == (7, 7, 7, 3)
    assert result.tiers == {"D0": 3, "A0": 2, "C0": 1, "D0S": 1}
    for person in Person.objects.all():
        expected = calculation_fields(tiering.calculate_tier(tier_inputs_get(person=person)))
        stored = TierCalculation.objects.get(person=person)
        assert {name: getattr(stored, name) for name in expected} == expected
        assert (stored.reason, stored.calculated_by) == (BULK_REASON, None)
        assert person.tier == expected["tier"]


def test_running_twice_writes_nothing_the_second_time(people):
    tier_recalculate_all(batch_size=4)

    again = tier_recalculate_all(batch_size=4)

    assert (again.people, again.calculations_written, again.tiers_updated) == (7, 0, 0)
    assert TierCalculation.objects.count() == 7


def test_a_changed_input_is_picked_up_and_only_that_person_gets_a_row(people, officer_user):
    tier_recalculate_all()
    very_high = people[3]
    Registration.objects.filter(person=very_high).update(
        deregistered_on=REGISTERED_ON, deregistration_reason="x"
    )

    result = tier_recalculate_all()

    assert (result.calculations_written, result.tiers_updated) == (1, 1)
    assert list(TierCalculation.objects.filter(person=very_high).values_list("tier", flat=True)) == [
        "D0",
        "A0",
    ]
    assert Person.objects.get(pk=very_high.pk).tier == "D0"


def test_person_tier_out_of_step_is_corrected_without_a_new_row(people):
    tier_recalculate_all()
    Person.objects.filter(pk=people[0].pk).update(tier="A3")

    result = tier_recalculate_all()

    assert (result.calculations_written, result.tiers_updated) == (0, 1)
    assert Person.objects.get(pk=people[0].pk).tier == "D0"


def _queries(batch_size):
    with CaptureQueriesContext(connection) as captured:
        tier_recalculate_all(batch_size=batch_size)
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]


def test_queries_per_batch_do_not_grow_with_people_or_facts(people, officer_user):
    # One batch: people, registrations, assessments, previous calculations, sentences, requirements,
    # breaches and recalls (one UNION), the insert, the tier UPDATE(s), and the empty query that ends
    # the run. On PostgreSQL the insert is a COPY (not seen by CaptureQueriesContext) and the tiers
    # are one UPDATE; elsewhere one UPDATE per tier (4 here).
    writes = 1 if connection.vendor == "postgresql" else 1 + 4
    first = _queries(batch_size=100)
    assert len(first) == 1 + READS + writes + 1

    for _ in range(20):  # many more people and facts, same batch count, same tiers
        person = PersonFactory(officer=officer_user.staff)
        _register(person, "RVHR", officer_user.staff)
        _past_order(person, "curfew")
    TierCalculation.objects.all().delete()
    Person.objects.update(tier="")

    assert len(_queries(batch_size=100)) == len(first)
    assert len(_queries(batch_size=100)) == 1 + READS + 1  # nothing to write: reads only


def test_the_command_prints_counts_and_time(people, capsys):
    call_command("tier_recalculate_all", "--batch-size", "5")
    call_command("tier_recalculate_all")

    first, tiers, second, _ = capsys.readouterr().out.splitlines()
    assert first.startswith("Recalculated 7 people in 2 batches in ")
    assert first.endswith("s: 7 new calculations, 7 case tiers updated")
    assert tiers == "Tiers: A0 2, C0 1, D0 3, D0S 1"
    assert second.endswith("s: 0 new calculations, 0 case tiers updated")


def test_bulk_gives_the_single_result_for_people_with_sentences_breaches_and_recalls(people, officer_user):
    plain, _, _, very_high, mappa, woman, unsupervised = people
    recent = today_uk() - dt.timedelta(days=20)
    order = SentenceFactory(event=EventFactory(person=woman), sentence_date=recent - dt.timedelta(days=90))
    for requirement_type in ("curfew", "rehabilitation_activity"):
        RequirementFactory(sentence=order, type=requirement_type, ordered=8)
    Breach.objects.create(
        sentence=order, person=woman, status="proven_fined", initiated_on=recent, initiated_by=officer_user
    )
    _past_order(woman, "drug_rehabilitation")
    curfew_only = SentenceFactory(event=EventFactory(person=plain))
    RequirementFactory(sentence=curfew_only, type="curfew", ordered=8)
    RequirementFactory(sentence=curfew_only, type="unpaid_work", ordered=100)
    licence = LicenceFactory(sentence=CustodialSentenceFactory(event=EventFactory(person=mappa)))
    for status, started_on in (
        ("recall_decided", recent),
        ("no_recall_decided", recent - dt.timedelta(days=400)),
    ):
        Recall.objects.create(
            sentence=licence.sentence,
            licence=licence,
            person=mappa,
            status=status,
            started_by=officer_user,
            started_on=started_on,
            decision=status.removesuffix("_decided"),
            recall_type="standard" if status == "recall_decided" else "",
        )
    CustodialSentenceFactory(
        event=EventFactory(person=very_high),
        terminated_on=dt.date(2026, 9, 1),
        termination_reason="completed",
    )
    SentenceFactory(event=EventFactory(person=unsupervised), type="post_sentence_supervision")

    result = tier_recalculate_all(batch_size=2)

    assert result.tiers == {"D0": 3, "A0": 1, "A2": 1, "C1": 1, "D2S": 1}  # the woman has an assessment
    for person in Person.objects.all():
        expected = calculation_fields(tiering.calculate_tier(tier_inputs_get(person=person)))
        stored = TierCalculation.objects.get(person=person)
        assert {name: getattr(stored, name) for name in expected} == expected
        assert person.tier == expected["tier"]
    woman_inputs = TierCalculation.objects.get(person=woman).inputs
    assert woman_inputs["previous_enforcement_activity"] is True
    assert len(woman_inputs["sentences"]) == 2


def test_people_whose_facts_differ_only_in_dates_get_their_own_stored_inputs(officer_user):
    # The bulk run shares one calculation between people whose inputs the rules read alike; each
    # must still store their own registration and termination dates.
    staff = officer_user.staff
    first, second = PersonFactory.create_batch(2, officer=staff)
    for person, registered_on, ended_on in (
        (first, REGISTERED_ON, dt.date(2026, 9, 1)),
        (second, dt.date(2025, 6, 1), dt.date(2026, 10, 2)),
    ):
        for code in ("RHRH", "MAPP"):
            Registration.objects.create(
                person=person,
                register_type=code,
                registered_on=registered_on,
                registering_officer=staff,
                **({"category": "M1", "level": "M1"} if code == "MAPP" else {}),
            )
        CustodialSentenceFactory(
            event=EventFactory(person=person), terminated_on=ended_on, termination_reason="completed"
        )

    result = tier_recalculate_all()

    assert result.tiers == {"B0": 2}
    for person in (first, second):
        expected = calculation_fields(tiering.calculate_tier(tier_inputs_get(person=person)))
        stored = TierCalculation.objects.get(person=person)
        assert {name: getattr(stored, name) for name in expected} == expected
    stored = TierCalculation.objects.get(person=second).inputs
    assert [r["date"] for r in stored["registrations"]] == ["2025-06-01", "2025-06-01"]
    assert stored["sentences"][0]["termination_date"] == "2026-10-02"


def test_stored_inputs_are_the_single_calculations_inputs_encoded_exactly(people, officer_user):
    # The bulk run assembles each person's inputs JSON from encoded parts; the text must be exactly
    # json.dumps(inputs_to_dict(inputs)) (PostgreSQL's jsonb normalises the text, so compare values).
    woman, mappa = people[5], people[4]
    order = SentenceFactory(event=EventFactory(person=woman))
    for requirement_type in ("unpaid_work", "curfew", "rehabilitation_activity"):
        RequirementFactory(sentence=order, type=requirement_type, ordered=8)
    _past_order(woman, "drug_rehabilitation")
    CustodialSentenceFactory(event=EventFactory(person=mappa))
    Breach.objects.create(
        sentence=order, person=woman, status="withdrawn", initiated_on=today_uk(), initiated_by=officer_user
    )

    tier_recalculate_all(batch_size=3)

    for person in Person.objects.all():
        expected = json.dumps(tiering.inputs_to_dict(tier_inputs_get(person=person)))
        with connection.cursor() as cursor:
            cursor.execute("SELECT inputs FROM tiers_tiercalculation WHERE person_id = %s", [person.pk])
            (stored,) = cursor.fetchone()
        if connection.vendor == "postgresql":
            assert (json.loads(stored) if isinstance(stored, str) else stored) == json.loads(expected)
        else:
            assert stored == expected


def test_people_whose_sentences_give_the_same_mandate_share_a_result_but_keep_their_inputs(officer_user):
    # Different requirements that all give (or all fail to give) a mandate for change are read alike
    # by the rules; each person still gets the single path's result and their own inputs.
    staff = officer_user.staff
    people = PersonFactory.create_batch(4, officer=staff)
    for person, types in zip(
        people,
        (
            ("curfew",),
            ("unpaid_work", "curfew"),
            ("rehabilitation_activity",),
            ("drug_rehabilitation", "curfew"),
        ),
        strict=True,
    ):
        order = SentenceFactory(event=EventFactory(person=person))
        for requirement_type in types:
            RequirementFactory(sentence=order, type=requirement_type, ordered=8)

    tier_recalculate_all()

    for person in people:
        expected = calculation_fields(tiering.calculate_tier(tier_inputs_get(person=person)))
        stored = TierCalculation.objects.get(person=person)
        assert {name: getattr(stored, name) for name in expected} == expected
    assert [TierCalculation.objects.get(person=p).change_reason for p in people[:2]] == [
        TierCalculation.objects.get(person=people[0]).change_reason
    ] * 2


class _InProcessPool:
    """Stands in for the worker processes: the chunks run here, in this test's transaction."""

    def __init__(self, processes):
        self.processes = processes

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def imap_unordered(self, function, tasks):
        return map(function, reversed(tasks))  # out of order, as workers may finish


def test_chunks_shared_among_workers_give_the_single_process_result(officer_user, monkeypatch):
    # The worker processes run only on PostgreSQL outside a transaction (a test's rows are not
    # committed, so another connection would not see them); the chunking and merging are checked
    # here in process, each chunk exactly the batches of its id range.
    monkeypatch.setattr("probation.tiers.services.bulk.CHUNK_BATCHES", 1)
    monkeypatch.setattr("probation.tiers.services.bulk._worker_pool", _InProcessPool)
    monkeypatch.setattr("probation.tiers.services.bulk._worker_calculator", None)
    staff = officer_user.staff
    people = PersonFactory.create_batch(5, officer=staff)
    for person, code in zip(people, ("RVHR", "RHRH", "MAPP", "PRC", "RMDO"), strict=True):
        _register(person, code, staff, **({"category": "M1", "level": "M3"} if code == "MAPP" else {}))
    CustodialSentenceFactory(event=EventFactory(person=people[0]))
    PersonFactory.create_batch(4, officer=staff)
    seen = []

    result = _recalculate_in_parallel(2, 2, lambda totals: seen.append(totals.people))

    assert (result.people, result.calculations_written, result.tiers_updated, result.batches) == (9, 9, 9, 5)
    assert seen == [1, 3, 5, 7, 9]  # the last chunk (one person) first
    for person in Person.objects.all():
        expected = calculation_fields(tiering.calculate_tier(tier_inputs_get(person=person)))
        stored = TierCalculation.objects.get(person=person)
        assert {name: getattr(stored, name) for name in expected} == expected
        assert person.tier == expected["tier"]
    again = _recalculate_in_parallel(2, 2, None)
    assert (again.people, again.calculations_written, again.tiers_updated) == (9, 0, 0)
