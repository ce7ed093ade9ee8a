"""Factories for MAPPA tests: rows as the services would leave them (no audit rows: fixtures)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.mappa.models import MappaAction, MappaMeeting
from probation.people.tests.factories import PersonFactory


class MappaMeetingFactory(DjangoModelFactory):
    class Meta:
        model = MappaMeeting

    person = factory.SubFactory(PersonFactory)
    held_on = dt.date(2025, 2, 10)
    level = "M2"
    chair = "DI Jane Harper"
    agencies = factory.LazyFunction(lambda: ["Probation", "Police", "Housing"])
    minutes = "Discussed the risk to the former partner."
    decisions = "Exclusion zone to be requested."
    next_review_on = dt.date(2025, 5, 10)
    recorded_by = factory.SubFactory(UserFactory)


class MappaActionFactory(DjangoModelFactory):
    class Meta:
        model = MappaAction

    meeting = factory.SubFactory(MappaMeetingFactory)
    description = "Visit the home address"
    owner_agency = "Police"
    owner_name = "PC Ravi Patel"
    due_on = dt.date(2025, 3, 1)
    created_by = factory.LazyAttribute(lambda o: o.meeting.recorded_by)
