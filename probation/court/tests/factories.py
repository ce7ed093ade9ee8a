"""Factories for courts, lists and hearings."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import PDUFactory, UserFactory
from probation.court.models import Court, CourtList, Hearing


class CourtFactory(DjangoModelFactory):
    class Meta:
        model = Court

    code = factory.Sequence(lambda n: f"B{n:02d}XX00")
    name = factory.Sequence(lambda n: f"Court {n} Magistrates’ Court")
    kind = "magistrates"
    pdu = factory.SubFactory(PDUFactory)


class CourtListFactory(DjangoModelFactory):
    class Meta:
        model = CourtList

    court = factory.SubFactory(CourtFactory)
    sitting_date = dt.date(2026, 12, 4)
    session = "morning"
    imported_by = factory.SubFactory(UserFactory, role="court_officer")


class HearingFactory(DjangoModelFactory):
    class Meta:
        model = Hearing

    court_list = factory.SubFactory(CourtListFactory)
    listing_number = factory.Sequence(lambda n: n + 1)
    room = "1"
    hearing_time = dt.time(10, 0)
    forenames = "John"
    surname = "Smith"
    date_of_birth = dt.date(1990, 5, 17)
    offences = factory.LazyFunction(lambda: [{"code": "TH68010", "wording": "Theft of a bicycle"}])
