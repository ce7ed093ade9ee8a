"""Reads: current sentences first, a fixed number of queries whatever the number of events, and
another person's sentence is not found."""

import datetime as dt

import pytest

from probation.core.errors import NotFound
from probation.people.tests.factories import PersonFactory
from probation.sentences import selectors
from probation.sentences.tests.factories import EventOffenceFactory, RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db


def _events(person, count):
    for i in range(count):
        sentence = SentenceFactory(event__person=person, event__conviction_date=dt.date(2025, 1 + i, 1))
        EventOffenceFactory(event=sentence.event)
        EventOffenceFactory(event=sentence.event, main=False, ho_code="02700")
        RequirementFactory(sentence=sentence)


def _touch(events):
    return [(len(e.offences.all()), len(e.sentence.requirements.all()), e.sentence.type) for e in events]


def test_event_list_puts_current_sentences_first_then_the_most_recently_ended():
    person = PersonFactory()
    old_current = SentenceFactory(event__person=person, event__conviction_date=dt.date(2024, 1, 1))
    ended_early = SentenceFactory(
        event__person=person,
        event__conviction_date=dt.date(2025, 6, 1),
        terminated_on=dt.date(2025, 7, 1),
        termination_reason="revoked",
    )
    ended_late = SentenceFactory(
        event__person=person,
        event__conviction_date=dt.date(2023, 1, 1),
        terminated_on=dt.date(2025, 9, 1),
        termination_reason="completed",
    )
    new_current = SentenceFactory(event__person=person, event__conviction_date=dt.date(2026, 1, 1))
    SentenceFactory()  # someone else's

    events = list(selectors.event_list(person=person))

    assert [e.pk for e in events] == [
        new_current.event_id,
        old_current.event_id,
        ended_late.event_id,
        ended_early.event_id,
    ]


@pytest.mark.parametrize("count", [1, 5])
def test_event_list_takes_the_same_queries_for_one_or_five_events(count, django_assert_num_queries):
    person = PersonFactory()
    _events(person, count)

    with django_assert_num_queries(3):
        assert len(_touch(selectors.event_list(person=person))) == count


def test_sentence_get_brings_everything_the_page_shows_in_fixed_queries(django_assert_num_queries):
    sentence = SentenceFactory()
    EventOffenceFactory(event=sentence.event)
    RequirementFactory.create_batch(3, sentence=sentence)

    with django_assert_num_queries(3):  # sentence+event+licence, offences, requirements
        got = selectors.sentence_get(person=sentence.person, sentence_id=sentence.pk)
        assert (len(got.event.offences.all()), len(got.requirements.all())) == (1, 3)
        assert selectors.licence_of(got) is None
        assert [r.sentence.sentence_date for r in got.requirements.all()]


def test_another_persons_sentence_is_not_found():
    sentence = SentenceFactory()

    with pytest.raises(NotFound):
        selectors.sentence_get(person=PersonFactory(), sentence_id=sentence.pk)
