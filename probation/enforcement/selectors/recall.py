"""Reads for the recall workflow. A person passed in has already come through people's scoped selector
(``case_get``) or ``person_for_change``; everything here is filtered by that person, so another
person's recall is "not found" exactly like a missing one."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from probation.core.errors import NotFound
from probation.enforcement.models import Recall
from probation.mappa.selectors import mappa_registration_get
from probation.people.models import Person
from probation.sentences.models import LicenceCondition, Sentence


def recall_list(*, sentence: Sentence) -> QuerySet[Recall]:
    return Recall.objects.filter(sentence=sentence).order_by("-started_on", "-id")


def recall_get(*, person: Person, recall_id: int) -> Recall:
    recall = (
        Recall.objects.select_related("sentence__event", "licence", "started_by__staff", "decided_by__staff")
        .prefetch_related(
            Prefetch("breached_conditions", queryset=LicenceCondition.objects.order_by("ordinal"))
        )
        .filter(person=person, pk=recall_id)
        .first()
    )
    if recall is None:
        raise NotFound(recall_id)
    return recall


def licence_conditions(*, recall: Recall) -> QuerySet[LicenceCondition]:
    return LicenceCondition.objects.filter(licence=recall.licence).order_by("ordinal", "id")


@dataclass(frozen=True)
class MappaStatus:
    """The person's current MAPPA category and level (1–4, 1–3) from the active MAPP registration;
    both None when the person is not managed under MAPPA."""

    category: int | None
    level: int | None

    @property
    def label(self) -> str:
        if self.category is None and self.level is None:
            return "Not managed under MAPPA"
        return f"Category {self.category or '–'}, level {self.level or '–'}"


def _number(code: str) -> int | None:
    # Registration codes are "M1".."M4"; reference-data.md numbers them.
    return int(code[1:]) if code[1:].isdigit() else None


def mappa_status(*, person: Person) -> MappaStatus:
    registration = mappa_registration_get(person=person)
    if registration is None:
        return MappaStatus(category=None, level=None)
    return MappaStatus(category=_number(registration.category), level=_number(registration.level))
