"""The locked reads every sentence write starts from, and the audit object types the writes record.

Every write first locks the case through people's scoped ``person_for_change`` (SENTENCE_MANAGE in
the case's managing PDU; limited access and partner scope apply) and then the row it changes, so
two users can never both act on the same sentence, requirement or condition.
"""

from probation.core.errors import NotFound
from probation.people.models import Person
from probation.sentences.models import Event, Licence, LicenceCondition, Requirement, Sentence

# Audit object types and PersonChange entities (ADR 0005; PersonChange.entity holds 40 characters).
EVENT = "event"
OFFENCE = "event_offence"
SENTENCE = "sentence"
REQUIREMENT = "requirement"
LICENCE = "licence"
CONDITION = "licence_condition"


def event_for_change(*, person: Person, event_id: int) -> Event:
    event = Event.objects.select_for_update().filter(person=person, pk=event_id).first()
    if event is None:
        raise NotFound(event_id)
    return event


def sentence_for_change(*, person: Person, sentence_id: int) -> Sentence:
    sentence = (
        Sentence.objects.select_for_update()
        .select_related("event")
        .filter(person=person, pk=sentence_id)
        .first()
    )
    if sentence is None:
        raise NotFound(sentence_id)
    return sentence


def requirement_for_change(*, person: Person, requirement_id: int) -> Requirement:
    requirement = (
        Requirement.objects.select_for_update()
        .select_related("sentence")
        .filter(sentence__person=person, pk=requirement_id)
        .first()
    )
    if requirement is None:
        raise NotFound(requirement_id)
    return requirement


def licence_for_change(*, person: Person, licence_id: int) -> Licence:
    licence = (
        Licence.objects.select_for_update()
        .select_related("sentence")
        .filter(sentence__person=person, pk=licence_id)
        .first()
    )
    if licence is None:
        raise NotFound(licence_id)
    return licence


def condition_for_change(*, person: Person, condition_id: int) -> LicenceCondition:
    condition = (
        LicenceCondition.objects.select_for_update()
        .select_related("licence")
        .filter(licence__sentence__person=person, pk=condition_id)
        .first()
    )
    if condition is None:
        raise NotFound(condition_id)
    return condition
