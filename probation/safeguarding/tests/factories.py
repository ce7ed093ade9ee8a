"""Factories for safeguarding tests: rows as the services would leave them (no audit rows)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.people.tests.factories import PersonFactory
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral


class ChildrenServicesCheckFactory(DjangoModelFactory):
    class Meta:
        model = ChildrenServicesCheck

    person = factory.SubFactory(PersonFactory)
    local_authority = "Leeds City Council"
    requested_on = dt.date(2025, 2, 3)
    method = "email"
    reason = "Partner has two children under 5."
    requested_by = factory.SubFactory(UserFactory)


class SafeguardingReferralFactory(DjangoModelFactory):
    class Meta:
        model = SafeguardingReferral

    person = factory.SubFactory(PersonFactory)
    referred_on = dt.date(2025, 2, 3)
    referred_to = "mash"
    concern = "Child seen with bruising at a home visit."
    urgency = "urgent"
    referred_by = factory.SubFactory(UserFactory)
