import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
from probation.unpaid_work.tests.factories import ProjectDayFactory, session_on


@pytest.fixture
def upw_staff(team):
    return UserFactory(username="upw-staff", role="upw_staff", staff=StaffFactory(team=team, grade="CPO"))


@pytest.fixture
def supervisor(team):
    return UserFactory(
        username="upw-supervisor", role="upw_supervisor", staff=StaffFactory(team=team, grade="UPWS")
    )


@pytest.fixture
def day(team, supervisor):
    """A Saturday 09:00–16:00 session of a group project in the team's PDU, capacity 10."""
    return ProjectDayFactory(project__pdu=team.pdu, supervisor=supervisor.staff, weekday=5)


def last_saturday() -> dt.date:
    today = today_uk()
    return today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)


@pytest.fixture
def session(day):
    return session_on(day, last_saturday())


def upw_requirement(officer, *, ordered: int = 100, done: int = 0):
    person = PersonFactory(officer=officer)
    sentence = SentenceFactory(
        event__person=person, event__conviction_date=today_uk() - dt.timedelta(days=90)
    )
    return RequirementFactory(sentence=sentence, ordered=ordered, done=done)


@pytest.fixture
def requirement(officer_user):
    return upw_requirement(officer_user.staff)
