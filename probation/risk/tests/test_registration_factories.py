"""Factories for registration tests (kept in a test_registration* module: no tests here)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import StaffFactory
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration, RegistrationReview
from probation.risk.registers import REGISTER_TYPES_BY_CODE, next_review_date


class RegistrationFactory(DjangoModelFactory):
    """An active registration as registration_add would leave it (no audit row: a fixture)."""

    class Meta:
        model = Registration

    person = factory.SubFactory(PersonFactory)
    register_type = "ALSH"
    registered_on = dt.date(2025, 1, 15)
    registering_officer = factory.LazyAttribute(lambda o: o.person.officer or StaffFactory())
    category = factory.LazyAttribute(lambda o: "M2" if o.register_type == "MAPP" else "")
    level = factory.LazyAttribute(lambda o: "M2" if o.register_type == "MAPP" else "")
    next_review_on = factory.LazyAttribute(
        lambda o: next_review_date(REGISTER_TYPES_BY_CODE[o.register_type], o.registered_on)
    )


class RegistrationReviewFactory(DjangoModelFactory):
    class Meta:
        model = RegistrationReview

    registration = factory.SubFactory(RegistrationFactory)
    reviewed_on = dt.date(2025, 4, 1)
    reviewing_officer = factory.LazyAttribute(lambda o: o.registration.registering_officer)
