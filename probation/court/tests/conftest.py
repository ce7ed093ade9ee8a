import datetime as dt
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TODAY = dt.date(2026, 12, 3)


@pytest.fixture
def court_officer(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="court", role="court_officer", staff=StaffFactory(team=team, grade="CO"))


@pytest.fixture
def court(team):
    """Leeds Magistrates' Court, served by the court officer's own PDU (the code the example files use)."""
    from probation.court.tests.factories import CourtFactory

    return CourtFactory(code="B13LY00", name="Leeds Magistrates’ Court", pdu=team.pdu)


def data_file(name: str) -> bytes:
    return (DATA / name).read_bytes()
