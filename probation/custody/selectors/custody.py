"""Reads of custody records: a prisoner's records (the person already loaded through the policy by the
case shell) and the PDU's handovers and releases, each list one query through the one access policy
(probation.people.policy) plus one for the VLO hook."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from probation.accounts.models import PDU, User
from probation.accounts.policy import Permission, has_permission
from probation.contacts.models import Contact
from probation.core.errors import NotFound
from probation.custody import hooks
from probation.custody.models import CustodyRecord, ResettlementPathway
from probation.people.models import Person
from probation.people.policy import can_change_case, people_listable_to
from probation.sentences.models import Licence, Sentence
from probation.sentences.models.choices import SentenceType

HANDOVER_WINDOW_DAYS = 56  # "handover is near": within 8 weeks, or already passed
RELEASE_WINDOW_DAYS = 84  # releases in the next 12 weeks
LIST_LIMIT = 200


def custody_records_for_person(*, user: User, person: Person) -> list[CustodyRecord]:
    """The person's custody records, latest sentence first, with their sentence and pathways."""
    if not has_permission(user, Permission.CUSTODY_VIEW):
        raise NotFound(person.crn)
    return list(
        CustodyRecord.objects.filter(person=person)
        .select_related("sentence__event", "confirmed_by")
        .prefetch_related(Prefetch("pathways", queryset=ResettlementPathway.objects.order_by("pathway")))
        .annotate(
            has_licence=Exists(Licence.objects.filter(sentence=OuterRef("sentence_id"))),
            has_first_appointment=_first_appointment(),
        )
        .order_by("-sentence__sentence_date", "-id")
    )


VISIT_TYPES = ("prison_visit", "home_visit")


def visits_for_person(*, user: User, person: Person, limit: int = 20) -> list[Contact]:
    """Prison and home visits (contacts), latest first; sensitive ones only for those who may read
    them (contacts' rule)."""
    visits = Contact.objects.filter(person=person, type__in=VISIT_TYPES, cancelled_at__isnull=True)
    if not has_permission(user, Permission.CONTACT_VIEW_SENSITIVE):
        visits = visits.filter(sensitive=False)
    return list(visits.select_related("officer").order_by("-starts_at", "-id")[:limit])


def custody_get(*, user: User, person: Person, custody_id: int) -> CustodyRecord:
    found = (
        CustodyRecord.objects.filter(pk=custody_id, person=person)
        .select_related("sentence__event", "confirmed_by")
        .prefetch_related("pathways")
        .first()
    )
    if found is None or not has_permission(user, Permission.CUSTODY_VIEW):
        raise NotFound(custody_id)
    return found


def custodial_sentences_without_record(*, person: Person) -> QuerySet[Sentence]:
    return (
        Sentence.objects.filter(person=person, type=SentenceType.CUSTODIAL)
        .exclude(Exists(CustodyRecord.objects.filter(sentence=OuterRef("pk"))))
        .select_related("event")
        .order_by("-sentence_date")
    )


def can_manage(user: User, person: Person) -> bool:
    return can_change_case(user, person, Permission.CUSTODY_MANAGE)


def _first_appointment() -> Exists:
    """An appointment booked on or after the release date (the first appointment on release)."""
    return Exists(
        Contact.objects.filter(
            person=OuterRef("person_id"),
            is_appointment=True,
            cancelled_at__isnull=True,
            # The timestamp against the date (midnight): the (person, starts_at) index serves it.
            starts_at__gte=OuterRef("release_date"),
        )
    )


@dataclass(frozen=True)
class CustodyList:
    rows: list[Any]
    vlo_told: set[int] | None  # None: no app answers yet (not known)


def _staff_pdu(user: User) -> PDU:
    if user.staff is None:
        raise NotFound("staff")
    return user.staff.team.pdu


def _scoped(user: User, queryset: QuerySet[CustodyRecord], *, team: bool) -> QuerySet[CustodyRecord]:
    """The PDU's records for senior POs (``team``), else the officer's own caseload; through the policy
    (restricted and excluded cases are listed by CRN only)."""
    if team:
        if not has_permission(user, Permission.CUSTODY_TEAM):
            raise NotFound("custody")
        scope = Q(pdu=_staff_pdu(user))
    else:
        if not has_permission(user, Permission.CUSTODY_MANAGE) or user.staff is None:
            raise NotFound("custody")
        scope = Q(officer=user.staff)
    people = people_listable_to(user, Person.objects.filter(scope))
    limited = people.filter(Q(lao_excluded=True) | Q(lao_restricted=True), pk=OuterRef("person_id"))
    return queryset.filter(person__in=people.values("pk")).annotate(limited=Exists(limited))


def handovers_due(*, user: User, today: dt.date, limit: int = LIST_LIMIT) -> list[CustodyRecord]:
    """Prisoners of the PDU whose handover to a COM is within 8 weeks (or passed) and who have no
    COM allocated, handover soonest first: one query."""
    queryset = _scoped(
        user,
        CustodyRecord.objects.filter(
            released_on__isnull=True,
            handover_date__isnull=False,
            handover_date__lte=today + dt.timedelta(days=HANDOVER_WINDOW_DAYS),
            person__officer__isnull=True,
        ),
        team=True,
    )
    return list(
        queryset.select_related("person__team")
        .only(
            "id",
            "person__crn",
            "person__first_name",
            "person__surname",
            "person__team__name",
            "handover_date",
            "handover_type",
            "release_date",
            "prison",
            "pom_name",
        )
        .order_by("handover_date", "id")[:limit]
    )


def releases_due(*, user: User, today: dt.date, team: bool, limit: int = LIST_LIMIT) -> CustodyList:
    """Releases in the next 12 weeks with what is still missing: address, licence, first appointment
    and (through the victims app's hook) whether the VLO was told. One query, plus one for the hook."""
    queryset = _scoped(
        user,
        CustodyRecord.objects.filter(
            released_on__isnull=True,
            release_date__gte=today,
            release_date__lte=today + dt.timedelta(days=RELEASE_WINDOW_DAYS),
        ),
        team=team,
    )
    rows = list(
        queryset.select_related("person__officer")
        .only(
            "id",
            "person__crn",
            "person__first_name",
            "person__surname",
            "person__officer__forename",
            "person__officer__surname",
            "release_date",
            "release_address",
            "release_night",
            "prison",
            "sentence_id",
        )
        .annotate(
            has_licence=Exists(Licence.objects.filter(sentence=OuterRef("sentence_id"))),
            has_first_appointment=_first_appointment(),
        )
        .order_by("release_date", "id")[:limit]
    )
    return CustodyList(rows, hooks.vlo_told({r.person_id for r in rows}, today))
