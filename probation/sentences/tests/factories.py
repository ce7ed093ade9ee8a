"""Factories for events, sentences, requirements and licences, shared by the apps above sentences."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import UserFactory
from probation.people.tests.factories import PersonFactory
from probation.rules.sentences.licences import STANDARD_LICENCE_CONDITIONS
from probation.sentences.models import Event, EventOffence, Licence, LicenceCondition, Requirement, Sentence


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    person = factory.SubFactory(PersonFactory)
    number = factory.Sequence(lambda n: n + 1)
    conviction_date = dt.date(2026, 3, 2)
    court = "Leeds Magistrates' Court"
    created_by = factory.SubFactory(UserFactory)


class EventOffenceFactory(DjangoModelFactory):
    class Meta:
        model = EventOffence

    event = factory.SubFactory(EventFactory)
    ho_code = "10400"
    description = "Theft from the person of another"
    offence_date = dt.date(2026, 1, 15)
    main = True


class SentenceFactory(DjangoModelFactory):
    """A 12-month community order made on the conviction date."""

    class Meta:
        model = Sentence

    event = factory.SubFactory(EventFactory)
    person = factory.LazyAttribute(lambda o: o.event.person)
    type = "community_order"
    sentence_date = factory.LazyAttribute(lambda o: o.event.conviction_date)
    length_months: int | None = 12
    start_date = factory.LazyAttribute(lambda o: o.sentence_date)
    expected_end_date = factory.LazyAttribute(lambda o: o.start_date.replace(year=o.start_date.year + 1))


class CustodialSentenceFactory(SentenceFactory):
    type = "custodial"
    length_months = None
    custodial_months = 24


class RequirementFactory(DjangoModelFactory):
    """100 hours of unpaid work."""

    class Meta:
        model = Requirement

    sentence = factory.SubFactory(SentenceFactory)
    type = "unpaid_work"
    ordered = 100
    done = 0
    start_date = factory.LazyAttribute(lambda o: o.sentence.start_date)


class LicenceFactory(DjangoModelFactory):
    class Meta:
        model = Licence
        skip_postgeneration_save = True

    sentence = factory.SubFactory(CustodialSentenceFactory)
    supervision = "licence"
    release_date = dt.date(2026, 6, 1)
    conditional_release_date = dt.date(2026, 6, 1)
    licence_expiry_date = dt.date(2027, 6, 1)
    sentence_expiry_date = dt.date(2027, 6, 1)

    @factory.post_generation
    def standard_conditions(obj: Licence, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            LicenceCondition.objects.bulk_create(
                LicenceCondition(
                    licence=obj, kind="standard", text=text, start_date=obj.release_date, ordinal=i
                )
                for i, text in enumerate(STANDARD_LICENCE_CONDITIONS, start=1)
            )


class LicenceConditionFactory(DjangoModelFactory):
    class Meta:
        model = LicenceCondition

    licence = factory.SubFactory(LicenceFactory)
    kind = "additional"
    category = "exclusion_zone"
    text = "Not to enter the area of Leeds city centre shown on the attached map"
    start_date = factory.LazyAttribute(lambda o: o.licence.release_date)
    ordinal = 20
