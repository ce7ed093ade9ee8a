import pytest

from probation.referrals.tests.factories import ProviderFactory, provider_user, rar_requirement, referral


@pytest.fixture
def provider(team):
    return ProviderFactory(region=team.pdu.region, name="Housing Partners")


@pytest.fixture
def provider_staff(provider):
    return provider_user(provider, username="provider")


@pytest.fixture
def requirement(officer_user):
    return rar_requirement(officer_user.staff)


@pytest.fixture
def person(requirement):
    return requirement.sentence.person


@pytest.fixture
def sent(requirement, provider, officer_user):
    return referral(requirement, provider, by=officer_user)


@pytest.fixture
def in_progress(requirement, provider, officer_user):
    return referral(requirement, provider, by=officer_user, status="in_progress")
