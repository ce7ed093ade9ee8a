"""Factories for contacts and enforcement cases, shared by the apps above contacts."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.contacts.models import Contact, EnforcementCase
from probation.rules.calendar.working_days import add_working_days
from probation.rules.contacts.outcomes import contact_type
from probation.sentences.tests.factories import SentenceFactory


class ContactFactory(DjangoModelFactory):
    """A planned office visit on a community order, without an outcome."""

    class Meta:
        model = Contact

    sentence = factory.SubFactory(SentenceFactory)
    person = factory.LazyAttribute(lambda o: o.sentence.person if o.sentence else None)
    type = "planned_office_visit"
    is_appointment = factory.LazyAttribute(lambda o: contact_type(o.type).attendance)
    starts_at = dt.datetime(2026, 4, 14, 10, 0, tzinfo=dt.UTC)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    officer = factory.SubFactory(StaffFactory)
    location = "Leeds Probation Office"
    outcome = ""
    created_by = factory.SubFactory(UserFactory)
    outcome_recorded_at = factory.LazyAttribute(lambda o: o.starts_at if o.outcome else None)


class EnforcementCaseFactory(DjangoModelFactory):
    """An unacceptable absence awaiting action."""

    class Meta:
        model = EnforcementCase

    contact = factory.SubFactory(ContactFactory, outcome="UAAB")
    sentence = factory.LazyAttribute(lambda o: o.contact.sentence)
    person = factory.LazyAttribute(lambda o: o.contact.person)
    failure_date = factory.LazyAttribute(lambda o: o.contact.starts_at.date())
    respond_by = factory.LazyAttribute(lambda o: add_working_days(o.failure_date, 10))
