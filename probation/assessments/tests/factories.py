"""Assessment factories: rows as the services would leave them (no audit rows: fixtures)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.assessments.models import Assessment, AssessmentStatus
from probation.people.tests.factories import PersonFactory

STARTED = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    person = factory.SubFactory(PersonFactory)
    answers = factory.LazyFunction(dict)
    started_by = factory.SubFactory(UserFactory)
    started_at = STARTED


class CompletedAssessmentFactory(AssessmentFactory):
    status = AssessmentStatus.COMPLETED
    completed_by = factory.SelfAttribute("started_by")
    completed_at = factory.LazyAttribute(lambda o: o.started_at + dt.timedelta(days=1))
