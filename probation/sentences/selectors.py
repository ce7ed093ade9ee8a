"""Reads of events, sentences, requirements and licences. A person passed in has already come
through people's scoped selector (``case_get``), so case scope and limited access apply; a row of
another person is "not found", exactly like a missing one."""

from django.db.models import F, Prefetch, QuerySet

from probation.core.errors import NotFound
from probation.core.prepared import PreparedQuery
from probation.people.models import Person
from probation.sentences.models import Event, EventOffence, Licence, LicenceCondition, Requirement, Sentence


def event_list(*, person: Person) -> QuerySet[Event]:
    """The person's events, current sentences first (newest conviction first), then ended ones
    (most recently ended first); offences, sentence and requirements come in a fixed number of queries."""
    return (
        Event.objects.filter(person=person)
        .select_related("sentence")
        .prefetch_related(
            Prefetch("offences", queryset=EventOffence.objects.order_by("-main", "offence_date", "id")),
            Prefetch("sentence__requirements", queryset=Requirement.objects.order_by("start_date", "id")),
        )
        .order_by(F("sentence__terminated_on").desc(nulls_first=True), "-conviction_date", "-number")
    )


def sentence_get(*, person: Person, sentence_id: int) -> Sentence:
    """One sentence of this person with its event, offences, requirements, licence and conditions."""
    sentence = (
        Sentence.objects.filter(person=person, pk=sentence_id)
        .select_related("event", "licence")
        .prefetch_related(
            Prefetch(
                "event__offences", queryset=EventOffence.objects.order_by("-main", "offence_date", "id")
            ),
            Prefetch("requirements", queryset=Requirement.objects.order_by("start_date", "id")),
            Prefetch("licence__conditions", queryset=LicenceCondition.objects.order_by("ordinal", "id")),
        )
        .first()
    )
    if sentence is None:
        raise NotFound(sentence_id)
    return sentence


def requirement_get(*, sentence: Sentence, requirement_id: int) -> Requirement:
    requirement = Requirement.objects.filter(sentence=sentence, pk=requirement_id).first()
    if requirement is None:
        raise NotFound(requirement_id)
    return requirement


def licence_condition_get(*, sentence: Sentence, condition_id: int) -> LicenceCondition:
    condition = LicenceCondition.objects.filter(licence__sentence=sentence, pk=condition_id).first()
    if condition is None:
        raise NotFound(condition_id)
    return condition


def licence_of(sentence: Sentence) -> Licence | None:
    """The sentence's licence, if one is recorded (a reverse one-to-one raises when missing)."""
    try:
        return sentence.licence
    except Licence.DoesNotExist:
        return None


def _current_sentences(person_id: int) -> QuerySet[Sentence]:
    return (
        Sentence.objects.current()
        .filter(person_id=person_id)
        .select_related("event")
        .prefetch_related(
            Prefetch(
                "event__offences", queryset=EventOffence.objects.order_by("-main", "offence_date", "id")
            ),
            Prefetch("requirements", queryset=Requirement.objects.order_by("start_date", "id")),
        )
        .order_by("-sentence_date", "-id")
    )


# The case overview's: SQL built once a process (core/prepared.py).
_current_sentence_list: PreparedQuery[Sentence] = PreparedQuery(_current_sentences, person_id=0)


def current_sentence_list(*, person: Person) -> list[Sentence]:
    """The person's current sentences, newest first, with their event, main offences and requirements
    in three queries whatever their number (the case overview)."""
    return _current_sentence_list(person_id=person.pk)
