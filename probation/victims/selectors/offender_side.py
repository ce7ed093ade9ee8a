"""What the offender manager sees of the scheme (victims.md § Keeping victim data apart): that it
applies, the VLO's name and unit, the date the VLO was told of each event, and the requests the VLO
sent (conditions named without any location). No victim row is read here."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from probation.core.key_events import KeyEventKind
from probation.people.models import Person
from probation.victims.models import KeyStageTask, Representation, SchemeCase


@dataclass(frozen=True)
class SchemeOnRecord:
    cases: list[SchemeCase]
    representations: list[Representation]


def scheme_on_record(*, person: Person) -> SchemeOnRecord:
    """The person is already loaded through the case policy; three queries, however many rows."""
    cases = list(
        SchemeCase.objects.filter(person=person)
        .select_related("vlo", "region")
        .prefetch_related(Prefetch("tasks", queryset=KeyStageTask.objects.order_by("told_on", "id")))
        .order_by("closed_on", "-entered_on", "id")
    )
    representations = list(
        Representation.objects.filter(scheme_case__person=person)
        .only("id", "version", "kind", "request", "status", "sent_on", "decision_reason", "decided_on")
        .order_by("sent_on", "id")
    )
    return SchemeOnRecord(cases=cases, representations=representations)


def scheme_applies(*, person_id: int) -> bool:
    return SchemeCase.objects.open().filter(person_id=person_id).exists()


def representation_for_decision(*, person: Person, representation_id: int) -> Representation | None:
    return (
        Representation.objects.filter(scheme_case__person=person, pk=representation_id)
        .only("id", "version", "kind", "request", "status", "sent_on", "scheme_case_id")
        .first()
    )


def vlo_told_of_release(person_ids: Iterable[int], today: dt.date) -> set[int]:
    """For custody's releases list (custody.hooks.register_vlo_told): of these people, those whose VLO
    needs nothing more about the release — not in the scheme, or in it with the release date already
    on the unit's list (a task made when the date was set). Two queries; no victim row is read."""
    ids = set(person_ids)
    in_scheme = set(SchemeCase.objects.open().filter(person_id__in=ids).values_list("person_id", flat=True))
    told = set(
        KeyStageTask.objects.filter(
            scheme_case__person_id__in=in_scheme,
            scheme_case__closed_on__isnull=True,
            kind=KeyEventKind.RELEASE_DATE_SET,
            told_on__lte=today,
        ).values_list("scheme_case__person_id", flat=True)
    )
    return (ids - in_scheme) | told
