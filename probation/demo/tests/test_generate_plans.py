"""The sentence plan demo data: most people under supervision get a plan at a realistic state, and
running it again adds nothing."""

import datetime as dt

import pytest

from probation.demo.plans.generate import generate
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def test_plans_for_most_people_at_several_states_and_nothing_twice(officer_user):
    for _ in range(40):
        SentenceFactory(
            event__person=PersonFactory(officer=officer_user.staff),
            event__conviction_date=dt.date(2026, 6, 1),
        )
    PersonFactory(officer=officer_user.staff)  # not under supervision: no plan

    result = generate(today=TODAY, log=lambda _: None)

    assert 25 <= result.plans < 40
    agreements = set(PlanVersion.objects.values_list("agreement", flat=True))
    assert {"agreed"} <= agreements
    assert Plan.objects.filter(versions_count=0).exists()  # drafts
    assert all(v.answered_on <= TODAY for v in PlanVersion.objects.all())
    assert (
        not PlanVersion.objects.exclude(agreement__in=["agreed", "updated_agreed"]).filter(reason="").exists()
    )
    assert generate(today=TODAY, log=lambda _: None).plans == 0
