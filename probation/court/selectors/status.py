"""A listed defendant's probation status (court-reports.md § Court liaison: *Current*, *Previously
known*, *Pre-sentence record*, *No record*) for many people in one query."""

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef

from probation.accounts.models import User
from probation.people.models import Person
from probation.people.policy import ListedPerson, people_listable_to
from probation.sentences.models import Sentence

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from probation.people.policy import LimitedAccess

    class _Sentenced(LimitedAccess):
        has_current_sentence: bool
        has_sentence: bool

    StatusPerson = WithAnnotations[Person, _Sentenced]
else:
    StatusPerson = ListedPerson


class RecordStatus(StrEnum):
    CURRENT = "current"
    PREVIOUSLY_KNOWN = "previously_known"
    PRE_SENTENCE = "pre_sentence"
    NO_RECORD = "no_record"


def people_with_status(*, user: User, ids: Iterable[int]) -> dict[int, StatusPerson]:
    """The people, annotated with limited access for this user (``people_listable_to``) and whether
    they have a current and any sentence, keyed by id. People out of the user's scope are missing."""
    ids = set(ids)
    if not ids:
        return {}
    sentences = Sentence.objects.filter(person=OuterRef("pk"))
    people = (
        people_listable_to(user, Person.objects.filter(id__in=ids))
        .select_related("officer")
        .annotate(
            has_current_sentence=Exists(sentences.filter(terminated_on__isnull=True)),
            has_sentence=Exists(sentences),
        )
    )
    return {p.pk: p for p in people}


def record_status(person: StatusPerson | None) -> RecordStatus:
    """Current: a sentence in force or a responsible officer allocated. Previously known: sentenced
    before, nothing current. Pre-sentence record: on the record with no sentence (e.g. created for a
    report). No record: nobody matched."""
    if person is None:
        return RecordStatus.NO_RECORD
    if person.has_current_sentence or person.officer_id is not None:
        return RecordStatus.CURRENT
    if person.has_sentence:
        return RecordStatus.PREVIOUSLY_KNOWN
    return RecordStatus.PRE_SENTENCE
