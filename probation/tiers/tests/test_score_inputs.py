"""The tier reads the latest stored RSR and OGRS3 scores (tiering.md § Inputs: RSR %, OGRS 2-year %;
missing ⇒ 0), the same way in the single-person and the bulk paths."""

import datetime as dt
from decimal import Decimal

import pytest

from probation.accounts.tests.factories import UserFactory
from probation.people.tests.factories import PersonFactory
from probation.scores.models import PredictorScore
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get
from probation.tiers.services.bulk import tier_recalculate_all

pytestmark = pytest.mark.django_db


def _score(person, predictor, result, day):
    return PredictorScore.objects.create(
        person=person,
        predictor=predictor,
        inputs={},
        features={},
        result=result,
        calculated_at=dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC),
        calculated_by=UserFactory(),
    )


def test_tier_reads_the_latest_rsr_and_ogrs3_scores():
    person = PersonFactory()
    _score(person, "rsr", {"percent": 2.1, "band": "low"}, 1)
    _score(person, "rsr", {"percent": 7.35, "band": "high"}, 20)
    _score(person, "ogrs3", {"one_year_percent": 34, "two_year_percent": 51, "band": "medium"}, 20)

    inputs = tier_inputs_get(person=person)

    assert inputs.rsr_percentage == Decimal("7.35")
    assert inputs.ogrs_percentage == 51


def test_no_scores_pass_none_which_tiering_counts_as_zero():
    inputs = tier_inputs_get(person=PersonFactory())

    assert inputs.rsr_percentage is None
    assert inputs.ogrs_percentage is None


def test_bulk_recalculation_stores_the_same_score_inputs_as_the_single_path():
    person = PersonFactory()
    _score(person, "rsr", {"percent": 7.35, "band": "high"}, 20)

    tier_recalculate_all()

    stored = TierCalculation.objects.filter(person=person).latest("id")
    assert stored.inputs["rsr_percentage"] == "7.35"
    assert stored.inputs["ogrs_percentage"] is None
