"""Fixtures shared by every app's tests. Imports are inside fixtures so the pure-rule tests
(predictors, tiering, enforcement) also run without Django: pytest -p no:django."""

import pytest


@pytest.fixture
def team():
    from probation.accounts.tests.factories import TeamFactory

    return TeamFactory()


@pytest.fixture
def officer_user(team):
    """A PO holding cases in ``team``."""
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="officer", role="practitioner", staff=StaffFactory(team=team, grade="PO"))


@pytest.fixture
def spo_user(team):
    from probation.accounts.tests.factories import StaffFactory, UserFactory

    return UserFactory(username="manager", role="senior_po", staff=StaffFactory(team=team, grade="SPO"))


@pytest.fixture
def admin_user():
    from probation.accounts.tests.factories import UserFactory

    return UserFactory(username="sysadmin", role="system_admin", staff=None)
