"""Plan factories: rows as the services would leave them (no audit rows: fixtures)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion


def goal(key="g1", title="Find somewhere stable to live", area="accommodation", status="active", **fields):
    target = fields.pop("target_date", (dt.date.today() + dt.timedelta(days=90)).isoformat())
    return {
        "key": key,
        "title": title,
        "area": area,
        "related_areas": [],
        "status": status,
        "target_date": target,
        "notes": "",
        "steps": fields.pop(
            "steps",
            [
                {
                    "description": "Go to the housing options team",
                    "actor": "person",
                    "actor_other": "",
                    "status": "not_started",
                }
            ],
        ),
        **fields,
    }


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    person = factory.SubFactory(PersonFactory)
    goals = factory.LazyFunction(lambda: [goal()])
    next_goal = 2
    created_by = factory.SubFactory(UserFactory)
    last_saved_by = factory.SelfAttribute("created_by")


class PlanVersionFactory(DjangoModelFactory):
    class Meta:
        model = PlanVersion

    plan = factory.SubFactory(PlanFactory)
    number = 1
    goals = factory.SelfAttribute("plan.goals")
    agreement = "agreed"
    answered_on = factory.LazyFunction(dt.date.today)
    recorded_by = factory.SelfAttribute("plan.created_by")
