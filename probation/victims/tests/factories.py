import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.tests.factories import PersonFactory
from probation.victims.models import Representation, SchemeCase, Victim, VictimContact


class SchemeCaseFactory(DjangoModelFactory):
    class Meta:
        model = SchemeCase

    person = factory.SubFactory(PersonFactory)
    scheme = "statutory"
    basis = "custody_12_months"
    sentence_date = dt.date(2026, 9, 1)
    first_contact_due = dt.date(2026, 10, 27)
    region = factory.LazyAttribute(lambda o: o.person.pdu.region)
    entered_on = dt.date(2026, 9, 1)


class VictimFactory(DjangoModelFactory):
    class Meta:
        model = Victim

    scheme_case = factory.SubFactory(SchemeCaseFactory)
    forename = factory.Faker("first_name", locale="en_GB")
    surname = factory.Faker("last_name", locale="en_GB")
    address = "1 High Street\nLeeds"
    postcode = "LS1 1AA"
    name_key = factory.LazyAttribute(lambda o: f"{o.forename.lower()}|{o.surname.lower()}")
    created_by = factory.SubFactory(UserFactory)


class VictimContactFactory(DjangoModelFactory):
    class Meta:
        model = VictimContact

    victim = factory.SubFactory(VictimFactory)
    contact_date = dt.date(2026, 9, 20)
    method = "letter"
    summary = "Offer of the scheme sent"
    recorded_by = factory.SubFactory(UserFactory)


class RepresentationFactory(DjangoModelFactory):
    class Meta:
        model = Representation

    victim = factory.SubFactory(VictimFactory)
    scheme_case = factory.LazyAttribute(lambda o: o.victim.scheme_case)
    kind = "no_contact"
    request = "No contact with the victim or her family"
    sent_on = dt.date(2026, 10, 1)
    sent_by = factory.SubFactory(UserFactory)


def vlo_user(region_of, **kwargs: object):
    """A victim liaison officer in the region of ``region_of`` (a person or a team)."""
    from probation.accounts.tests.factories import PDUFactory, TeamFactory

    region = region_of.pdu.region
    team = TeamFactory(pdu=PDUFactory(region=region), name="Victim liaison unit")
    return UserFactory(role="vlo", staff=StaffFactory(team=team, grade="VLO"), **kwargs)


def vlo_manager_user(region_of, **kwargs: object):
    """A victim liaison unit manager in the region of ``region_of`` (a person or a team)."""
    from probation.accounts.tests.factories import PDUFactory, TeamFactory

    region = region_of.pdu.region
    team = TeamFactory(pdu=PDUFactory(region=region), name="Victim liaison unit")
    return UserFactory(role="vlo_manager", staff=StaffFactory(team=team, grade="VLO"), **kwargs)
