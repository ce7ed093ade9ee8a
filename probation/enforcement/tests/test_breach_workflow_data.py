"""Shared set-up for the breach and recall tests (no tests here): an order with failures, and a
licence with its standard conditions, for a person held by ``officer_user``."""

import datetime as dt

from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    EventFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)

SENTENCED = dt.date(2026, 3, 2)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.UTC)


def order_for(person, **kwargs):
    sentence = SentenceFactory(event=EventFactory(person=person), **kwargs)
    RequirementFactory(sentence=sentence, done=20)
    return sentence


def failure_on(sentence, day: dt.date, *, outcome: str = "UAAB", case: bool = True, **kwargs):
    contact = ContactFactory(
        sentence=sentence,
        starts_at=at(day),
        outcome=outcome,
        officer=sentence.person.officer,
        **kwargs,
    )
    if case:
        EnforcementCaseFactory(contact=contact)
    return contact


def licence_for(person, *, custodial_months: int = 24, kind: str = "standard_determinate"):
    sentence = CustodialSentenceFactory(
        event=EventFactory(person=person), custodial_months=custodial_months, kind=kind
    )
    return LicenceFactory(sentence=sentence)
