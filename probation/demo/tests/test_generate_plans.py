"""The sentence plan demo data: most people under supervision get a plan at a realistic state, and
running it again adds nothing."""

import datetime as dt

import pytest

from probation.contacts.tests.factories import ContactFactory
from probation.demo.plans.generate import generate
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion, RarActivity
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def test_plans_for_most_people_at_several_states_and_nothing_twice(officer_user):
    for i in range(40):
        sentence = SentenceFactory(
            event__person=PersonFactory(officer=officer_user.staff),
            event__conviction_date=dt.date(2026, 6, 1),
        )
        if i < 12:
            rar = RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20)
            for day in (1, 8, 15):
                ContactFactory(
                    sentence=sentence,
                    requirement=rar,
                    type="planned_office_visit",
                    starts_at=dt.datetime(2026, 7, day, 10, tzinfo=dt.UTC),
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
    activities = RarActivity.objects.select_related("contact")
    assert 0 < activities.count() < 36
    assert all(a.contact.requirement_id == a.requirement_id for a in activities)
    again = generate(today=TODAY, log=lambda _: None)
    assert (again.plans, again.rar_activities) == (0, 0)
