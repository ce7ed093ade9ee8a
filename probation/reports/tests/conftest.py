import datetime as dt

import pytest

TODAY = dt.date(2026, 12, 3)  # a Thursday


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """Every report request test runs on Thursday 3 December 2026."""
    for module in (
        "probation.reports.services.requests",
        "probation.reports.views.requests",
        "probation.reports.views.performance",
        "probation.worklists.views.lists",
    ):
        monkeypatch.setattr(f"{module}.today_uk", lambda: TODAY)
    return TODAY


@pytest.fixture
def court_officer(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="court", role="court_officer", staff=StaffFactory(team=team, grade="CO"))


@pytest.fixture
def court(team):
    from probation.court.tests.factories import CourtFactory

    return CourtFactory(code="B13LY00", name="Leeds Magistrates’ Court", pdu=team.pdu)


@pytest.fixture
def person(team):
    from probation.people.tests.factories import PersonFactory

    return PersonFactory(pdu=team.pdu, rosh_level="medium")


@pytest.fixture
def author(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="author", role="practitioner", staff=StaffFactory(team=team, grade="PO"))


@pytest.fixture
def pso(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="pso", role="practitioner", staff=StaffFactory(team=team, grade="PSO"))
