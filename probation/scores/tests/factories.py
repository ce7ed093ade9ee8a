"""Scores factories: rows as the services would leave them (no audit rows: fixtures)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.people.tests.factories import PersonFactory
from probation.scores.models import CriminalHistory
from probation.sentences.tests.factories import EventFactory, EventOffenceFactory, SentenceFactory


class CriminalHistoryFactory(DjangoModelFactory):
    class Meta:
        model = CriminalHistory

    person = factory.SubFactory(PersonFactory)
    previous_sanctions = 0
    updated_by = factory.SubFactory(UserFactory)


def current_community_sentence(
    person,
    *,
    conviction_date=dt.date(2020, 1, 1),
    sentence_date=dt.date(2020, 2, 1),
    ho_code="02700",
    offence_date=dt.date(2019, 12, 1),
):
    """An event with its main offence and a current community order on it."""
    event = EventFactory(person=person, conviction_date=conviction_date)
    EventOffenceFactory(event=event, ho_code=ho_code, offence_date=offence_date, main=True)
    return SentenceFactory(event=event, sentence_date=sentence_date)
