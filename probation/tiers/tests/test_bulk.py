"""The national recalculation: every person, the same result as the single recalculation,
idempotent, and a fixed number of queries per batch however many people and facts there are."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory
from probation.risk import tiering
from probation.risk.models import Registration
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get
from probation.tiers.services.bulk import BULK_REASON, tier_recalculate_all
from probation.tiers.services.recalculation import calculation_fields
from probation.tiers.tests.helpers import REGISTERED_ON

pytestmark = pytest.mark.django_db


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
    # One batch: people, registrations, assessments, previous calculations, the insert, the tier
    # UPDATE(s), and the empty query that ends the run. On PostgreSQL the insert is a COPY (not seen
    # by CaptureQueriesContext) and the tiers are one UPDATE; elsewhere one UPDATE per tier (4 here).
    writes = 1 if connection.vendor == "postgresql" else 1 + 4
    first = _queries(batch_size=100)
    assert len(first) == 1 + 3 + writes + 1

    for _ in range(20):  # many more people and facts, same batch count, same tiers
        _register(PersonFactory(officer=officer_user.staff), "RVHR", officer_user.staff)
    TierCalculation.objects.all().delete()
    Person.objects.update(tier="")

    assert len(_queries(batch_size=100)) == len(first)
    assert len(_queries(batch_size=100)) == 1 + 3 + 1  # nothing to write: reads only


def test_the_command_prints_counts_and_time(people, capsys):
    call_command("tier_recalculate_all", "--batch-size", "5")
    call_command("tier_recalculate_all")

    first, tiers, second, _ = capsys.readouterr().out.splitlines()
    assert first.startswith("Recalculated 7 people in 2 batches in ")
    assert first.endswith("s: 7 new calculations, 7 case tiers updated")
    assert tiers == "Tiers: A0 2, C0 1, D0 3, D0S 1"
    assert second.endswith("s: 0 new calculations, 0 case tiers updated")
