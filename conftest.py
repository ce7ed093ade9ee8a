"""Fixtures shared by every app's tests."""

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, TeamFactory, UserFactory


@pytest.fixture
def team():
    return TeamFactory()


@pytest.fixture
def officer_user(team):
    """A PO holding cases in ``team``."""
    return UserFactory(username="officer", role=Role.PRACTITIONER, staff=StaffFactory(team=team, grade="PO"))


@pytest.fixture
def spo_user(team):
    return UserFactory(username="manager", role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))


@pytest.fixture
def admin_user():
    return UserFactory(username="sysadmin", role=Role.SYSTEM_ADMIN, staff=None)
