import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.core.clock import today_uk
from probation.programmes.tests.factories import group, programme_requirement, referral, session_on, trained


@pytest.fixture
def manager(team):
    """The PDU's programmes treatment manager."""
    return UserFactory(
        username="treatment-manager", role="programme_manager", staff=StaffFactory(team=team, grade="SPO")
    )


@pytest.fixture
def facilitator(team, manager):
    """A PSO trained to facilitate Building Choices."""
    user = UserFactory(
        username="facilitator", role="practitioner", staff=StaffFactory(team=team, grade="PSO")
    )
    trained(user.staff, by=manager)
    return user


@pytest.fixture
def co_facilitator(team, manager):
    user = UserFactory(
        username="co-facilitator", role="practitioner", staff=StaffFactory(team=team, grade="PO")
    )
    trained(user.staff, by=manager)
    return user


@pytest.fixture
def requirement(officer_user):
    return programme_requirement(officer_user.staff)


@pytest.fixture
def waiting(requirement, officer_user):
    return referral(requirement, by=officer_user)


@pytest.fixture
def bc_group(team, manager, facilitator, co_facilitator):
    return group(team.pdu_id, [facilitator.staff, co_facilitator.staff], by=manager)


@pytest.fixture
def session(bc_group):
    """Yesterday's session 1 of the group."""
    return session_on(bc_group, today_uk() - dt.timedelta(days=1))
