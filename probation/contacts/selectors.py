"""Reads of contacts. A person passed in has already come through people's scoped selector
(``case_get``); lists across cases mark limited-access cases through ``people_listable_to``.

The contact log pages by keyset on (starts_at DESC, id DESC), the order of contact_person_time_idx,
so a person with thousands of contacts costs the same as one with ten, and no COUNT(*) is run.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.db.models import Q, QuerySet

from probation.accounts.models import Staff, User
from probation.contacts.models import Contact, DiaryFeedToken
from probation.contacts.models.contacts import ContactQuerySet
from probation.contacts.services.checks import RESCHEDULED
from probation.contacts.times import local, london_datetime
from probation.core.errors import NotFound
from probation.core.prepared import PreparedQuery
from probation.people.models import Person
from probation.people.policy import ListedPerson, people_listable_to
from probation.risk.models import Registration
from probation.risk.models.rosh import RoshAssessment
from probation.rules.contacts.outcomes import OutcomeCode
from probation.sentences.models import LicenceCondition, Requirement, Sentence

RISK_TO_STAFF = "AV2S"  # reference-data.md § Registrations: "AV2S risk to staff"
NO_OUTCOME = "none"  # filter: appointments without an outcome
NEEDS_OUTCOME = "needs"  # filter: past appointments without an outcome


@dataclass(frozen=True)
class ContactFilters:
    type: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outcome: str = ""
    sentence_id: int | None = None

    def as_detail(self) -> dict[str, object]:
        return {
            "type": self.type,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "outcome": self.outcome,
            "sentence": self.sentence_id,
        }


@dataclass(frozen=True)
class Cursor:
    """The last row of the previous page: the next page starts strictly after it."""

    starts_at: dt.datetime
    id: int

    @property
    def token(self) -> str:
        return f"{self.starts_at.isoformat()}~{self.id}"

    @classmethod
    def parse(cls, token: str) -> "Cursor | None":
        try:
            at, pk = token.rsplit("~", 1)
            starts_at = dt.datetime.fromisoformat(at)
            return cls(starts_at, int(pk)) if starts_at.tzinfo else None
        except ValueError:
            return None


@dataclass(frozen=True)
class ContactPage:
    contacts: list[Contact]
    next_cursor: Cursor | None


def contact_list(
    *, person: Person, filters: ContactFilters, now: dt.datetime, after: Cursor | None, size: int
) -> ContactPage:
    """One page of the person's contacts, newest first, one query."""
    contacts = Contact.objects.filter(person=person)
    if filters.type:
        contacts = contacts.filter(type=filters.type)
    if filters.date_from:
        contacts = contacts.filter(starts_at__gte=london_datetime(filters.date_from, dt.time()))
    if filters.date_to:
        contacts = contacts.filter(
            starts_at__lt=london_datetime(filters.date_to + dt.timedelta(days=1), dt.time())
        )
    if filters.outcome == NO_OUTCOME:
        contacts = contacts.appointments().filter(outcome="")
    elif filters.outcome == NEEDS_OUTCOME:
        contacts = contacts.outstanding(now=now)
    elif filters.outcome:
        contacts = contacts.filter(outcome=filters.outcome)
    if filters.sentence_id:
        contacts = contacts.filter(sentence_id=filters.sentence_id)
    if after is not None:
        contacts = contacts.filter(
            Q(starts_at__lt=after.starts_at) | Q(starts_at=after.starts_at, id__lt=after.id)
        )
    rows = list(
        contacts.select_related(
            "officer", "sentence", "requirement", "licence_condition", "outcome_recorded_by"
        ).order_by("-starts_at", "-id")[: size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    return ContactPage(rows, Cursor(rows[-1].starts_at, rows[-1].pk) if more else None)


def contact_get(*, person: Person, contact_id: int) -> Contact:
    """One contact of this person; another person's is "not found"."""
    contact = (
        Contact.objects.filter(person=person, pk=contact_id)
        .select_related("officer", "sentence", "requirement", "licence_condition", "outcome_recorded_by")
        .first()
    )
    if contact is None:
        raise NotFound(contact_id)
    return contact


def sentence_choices(*, person: Person) -> list[Sentence]:
    return list(Sentence.objects.filter(person=person).order_by("-sentence_date", "-id"))


def requirement_choices(*, person: Person) -> list[Requirement]:
    return list(
        Requirement.objects.filter(sentence__person=person)
        .select_related("sentence")
        .order_by("sentence_id", "start_date", "id")
    )


def licence_condition_choices(*, person: Person) -> list[LicenceCondition]:
    return list(
        LicenceCondition.objects.filter(licence__sentence__person=person)
        .select_related("licence")
        .order_by("licence__sentence_id", "ordinal", "id")
    )


def officer_choices(*, person: Person) -> list[Staff]:
    """Active staff of the teams in the case's managing PDU: the officers a contact can be with."""
    return list(
        Staff.objects.filter(team__pdu_id=person.pdu_id, active=True)
        .select_related("team")
        .order_by("surname", "forename", "id")
    )


@dataclass(frozen=True)
class StaffRisk:
    flag: Registration | None  # the active risk-to-staff registration
    rosh_level: str  # the overall RoSH display ("" never assessed)
    staff_rosh: str  # the latest RoSH rating of risk to staff in the community


def staff_risk(*, person: Person) -> StaffRisk:
    """What whoever meets the person must know (issue 3 item 5): two queries."""
    flag = Registration.objects.active().filter(person=person, register_type=RISK_TO_STAFF).first()
    assessment = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-id").first()
    return StaffRisk(
        flag=flag,
        rosh_level=person.get_rosh_level_display() if person.rosh_level else "",
        staff_rosh=assessment.get_staff_community_display() if assessment else "",
    )


def _with_access(user: User, contacts: list[Contact]) -> list[Contact]:
    """Mark each contact's person with lao_excluded/lao_restricted for this user (one query), so
    lists show limited-access cases only as "Restricted" with the CRN."""
    ids = {c.person_id for c in contacts}
    access = {
        p["pk"]: (p["lao_excluded"], p["lao_restricted"])
        for p in people_listable_to(user, Person.objects.filter(pk__in=ids)).values(
            "pk", "lao_excluded", "lao_restricted"
        )
    }
    for contact in contacts:
        excluded, restricted = access.get(contact.person_id, (True, True))
        person = cast(ListedPerson, contact.person)
        person.lao_excluded, person.lao_restricted = excluded, restricted
    return contacts


def outstanding_for_officer(staff: Staff, now: dt.datetime) -> QuerySet[Contact]:
    """The officer's past appointments without an outcome, oldest first (contact_outstanding_idx)."""
    return (
        Contact.objects.outstanding(now=now)
        .filter(officer=staff)
        .select_related("person")
        .order_by("starts_at", "id")
    )


def awaiting_evidence_for_officer(staff: Staff, today: dt.date) -> QuerySet[Contact]:
    """The officer's failed-to-attend appointments awaiting evidence, soonest deadline first.
    ``today`` is for callers that split overdue from due (evidence_due_on < today is overdue)."""
    return (
        Contact.objects.filter(officer=staff, outcome=OutcomeCode.AFTA, cancelled_at__isnull=True)
        .select_related("person")
        .order_by("evidence_due_on", "starts_at", "id")
    )


def with_access(*, user: User, contacts: list[Contact]) -> list[Contact]:
    return _with_access(user, contacts)


def feed_user_get(*, token_hash: str) -> User | None:
    """The active user whose current diary-feed link this is (the feed checks role and staff)."""
    return (
        User.objects.select_related("staff")
        .filter(staff__diary_feed_token__token_hash=token_hash, is_active=True)
        .first()
    )


def feed_link_get(*, staff: Staff) -> DiaryFeedToken | None:
    return DiaryFeedToken.objects.filter(staff=staff).first()


def diary_list(*, user: User, staff: Staff, start: dt.datetime, end: dt.datetime) -> list[Contact]:
    """The officer's appointments between two instants, earliest first, not cancelled or moved.
    Unpaid-work sessions at a project are the project's, not the officer's diary (issue 13)."""
    contacts = list(
        Contact.objects.appointments()
        .filter(officer=staff, starts_at__gte=start, starts_at__lt=end, on_project=False)
        .exclude(outcome__in=RESCHEDULED)
        .select_related("person")
        .order_by("starts_at", "id")
    )
    return _with_access(user, contacts)


# What the overview's rows show (presenters.contact_row): reading only these columns (and the four
# related rows' labels) makes each of the three queries about half as costly to build and read.
OVERVIEW_CONTACT_FIELDS = (
    "id",
    "person_id",
    "type",
    "is_appointment",
    "starts_at",
    "ends_at",
    "location",
    "sensitive",
    "notes",
    "outcome",
    "cancelled_at",
    "cancel_reason",
    "evidence_due_on",
    "officer__forename",
    "officer__surname",
    "sentence__type",
    "sentence__sentence_date",
    "requirement__type",
    "licence_condition__kind",
    "licence_condition__text",
)


@dataclass(frozen=True)
class CaseOverviewContacts:
    upcoming: list[Contact]
    needing_outcome: list[Contact]
    needing_outcome_more: bool  # more than were read
    recent: list[Contact]


def _overview_contacts() -> ContactQuerySet:
    return Contact.objects.select_related("officer", "sentence", "requirement", "licence_condition").only(
        *OVERVIEW_CONTACT_FIELDS
    )


# The overview's three lists, SQL built once a process (core/prepared.py): the page is the one a case
# opens on, and building these three joins was a third of its contacts panel. At most OVERVIEW_SIZE.
OVERVIEW_SIZE = 3
_upcoming: PreparedQuery[Contact] = PreparedQuery(
    lambda person_id, now: (
        _overview_contacts()
        .filter(person_id=person_id)
        .appointments()
        .filter(starts_at__gte=now)
        .order_by("starts_at", "id")[:OVERVIEW_SIZE]
    ),
    person_id=0,
    now=dt.datetime.now(tz=dt.UTC),
)
_needing_outcome: PreparedQuery[Contact] = PreparedQuery(
    lambda person_id, now: (
        _overview_contacts()
        .filter(person_id=person_id)
        .outstanding(now=now)
        .order_by("starts_at", "id")[: OVERVIEW_SIZE + 1]
    ),
    person_id=0,
    now=dt.datetime.now(tz=dt.UTC),
)
_recent: PreparedQuery[Contact] = PreparedQuery(
    lambda person_id, now: (
        _overview_contacts()
        .filter(person_id=person_id, starts_at__lt=now)
        .order_by("-starts_at", "-id")[:OVERVIEW_SIZE]
    ),
    person_id=0,
    now=dt.datetime.now(tz=dt.UTC),
)


def case_overview_contacts(*, person: Person, now: dt.datetime) -> CaseOverviewContacts:
    """For the case overview: the next booked appointments (soonest first), past appointments still
    needing an outcome (oldest first) and the latest contacts that have happened (newest first), at
    most OVERVIEW_SIZE of each. Three queries whatever the number of contacts (contact_person_time_idx)."""
    upcoming: list[Contact] = _upcoming(person_id=person.pk, now=now)
    needing: list[Contact] = _needing_outcome(person_id=person.pk, now=now)
    recent: list[Contact] = _recent(person_id=person.pk, now=now)
    size = OVERVIEW_SIZE
    return CaseOverviewContacts(upcoming, needing[:size], len(needing) > size, recent)


def unpaid_work_booked(
    *, since: dt.datetime, requirement_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[dt.date, int]]]:
    """Per requirement, (date, minutes) of each unpaid-work session booked at a project from ``since``
    with no outcome yet (issue 13 item 6: the at-risk list judges the real schedule). One query."""
    contacts = Contact.objects.appointments().filter(
        on_project=True, outcome="", starts_at__gte=since, requirement__isnull=False, ends_at__isnull=False
    )
    if requirement_ids is not None:
        contacts = contacts.filter(requirement_id__in=list(requirement_ids))
    booked: dict[int, list[tuple[dt.date, int]]] = {}
    for requirement_id, starts_at, ends_at in contacts.values_list("requirement_id", "starts_at", "ends_at"):
        minutes = int((ends_at - starts_at).total_seconds() // 60)
        booked.setdefault(requirement_id, []).append((local(starts_at).date(), minutes))
    return booked


def booked_hours_by(booked: list[tuple[dt.date, int]], deadline: dt.date) -> int:
    """Whole hours of the booked sessions on or before ``deadline``."""
    return sum(minutes for day, minutes in booked if day <= deadline) // 60
