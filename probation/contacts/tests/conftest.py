"""Fixtures for the contacts tests: a case on a current community order, held by ``officer_user``,
with times relative to now (services compare with the real clock)."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import EventFactory, RequirementFactory, SentenceFactory


def at(days: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A UK wall-clock time ``days`` from today."""
    return london_datetime(today_uk() + dt.timedelta(days=days), dt.time(hour, minute))


@pytest.fixture
def case(officer_user):
    return PersonFactory(
        officer=officer_user.staff, mobile="07700900123", email="person@example.com", first_name="Gary"
    )


@pytest.fixture
def sentence(case, officer_user):
    event = EventFactory(
        person=case, conviction_date=today_uk() - dt.timedelta(days=90), created_by=officer_user
    )
    return SentenceFactory(event=event)


@pytest.fixture
def upw(sentence):
    return RequirementFactory(sentence=sentence, type="unpaid_work", ordered=40)


@pytest.fixture
def rar(sentence):
    return RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=2)


@pytest.fixture
def colleague(officer_user):
    return StaffFactory(team=officer_user.staff.team)
