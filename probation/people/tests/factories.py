import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import PDUFactory
from probation.people.models import Address, Alias, Person
from probation.people.search_keys import normalise, normalise_pnc
from probation.people.services.person import person_search_keys_rebuild


class PersonFactory(DjangoModelFactory):
    """A person with search keys, as person_create would leave them."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    crn = factory.Sequence(lambda n: f"X{n + 100000:06d}")
    first_name = factory.Faker("first_name_male", locale="en_GB")
    surname = factory.Faker("last_name", locale="en_GB")
    date_of_birth = dt.date(1985, 3, 27)
    gender = "M"
    pnc_number = ""
    pdu = factory.LazyAttribute(lambda o: o.team.pdu if o.team else PDUFactory())
    team = factory.LazyAttribute(lambda o: o.officer.team if o.officer else None)
    officer = None
    surname_key = factory.LazyAttribute(lambda o: normalise(o.surname))
    pnc_key = factory.LazyAttribute(lambda o: normalise_pnc(o.pnc_number) or "")

    @factory.post_generation
    def search_keys(obj: Person, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            person_search_keys_rebuild(person=obj)


class AliasFactory(DjangoModelFactory):
    class Meta:
        model = Alias
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    first_name = "Johnny"
    surname = "Smythe"

    @factory.post_generation
    def search_keys(obj: Alias, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            person_search_keys_rebuild(person=obj.person)


class AddressFactory(DjangoModelFactory):
    class Meta:
        model = Address

    person = factory.SubFactory(PersonFactory)
    status = "main"
    address_type = "permanent"
    address_number = "12"
    street_name = "High Street"
    town_city = "Leeds"
    postcode = "LS1 4AP"
    start_date = dt.date(2024, 1, 10)
