"""Reads for the decisions page: what waits for a team's manager, and the cases waiting to be allocated.

Each decision is one query over ``person_id IN (SELECT id FROM people_person WHERE team_id = …)``
(people_person's team index, then the person_id indexes), declared as the work lists' categories
(worklists.selectors.Category), so a section's first SECTION_LIMIT rows come with their total and
overdue counts in the same statement.
Unallocated cases are read from people_person itself (no officer, in the team or, with no team yet, in
its PDU) with why and since when they wait as subqueries. The people shown are read once through
people_listable_to. So the page's query count is constant however many rows there are.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    DateField,
    DateTimeField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce

from probation.accounts.models import PDU, Team, User
from probation.core.prepared import PreparedQuery
from probation.enforcement.models import Breach, Recall
from probation.people.models import Allocation, Person
from probation.people.policy import ListedPerson, people_listable_to, scope_is_role_and_id_only
from probation.people.selectors import listed_people_by_id
from probation.reports.models import Report, ReportStatus
from probation.risk.models import Registration, RiskManagementPlan
from probation.rules.enforcement.transitions import BreachStatus, RecallStatus
from probation.sentences.models import Licence
from probation.worklists.models import CaseReview, ReviewStatus
from probation.worklists.selectors import SECTION_LIMIT, Category, Section, category_section

# A release within this many days either side of today makes an unallocated case a "release".
RELEASE_WINDOW_DAYS = 90
UNALLOCATED_LIMIT = 100
_PERSON_FIELDS = (
    "id",
    "crn",
    "first_name",
    "surname",
    "preferred_name",
    "has_exclusions",
    "is_restricted",
    "exclusion_message",
    "restriction_message",
)

RECALL_FIELDS: tuple[str, ...] = ("id", "person_id", "sentence_id", "emergency", "recommendation")
RECALL_FIELDS += ("recommended_type", "recommended_on")

DECISIONS: tuple[Category, ...] = (
    Category(
        "recalls",
        "Recall recommendations to decide",
        "Recommended",
        lambda today, now: Recall.objects.filter(status=RecallStatus.AWAITING_DECISION),
        "person_id",
        ("-emergency", "recommended_on", "id"),
        None,
        RECALL_FIELDS,
    ),
    Category(
        "breaches",
        "Breach packs to countersign",
        "Breach initiated",
        lambda today, now: Breach.objects.filter(status=BreachStatus.INITIATED),
        "person_id",
        ("initiated_on", "id"),
        None,
        ("id", "person_id", "sentence_id", "initiated_on", "version"),
    ),
    Category(
        "registrations",
        "Registration reviews overdue",
        "Review was due",
        lambda today, now: Registration.objects.active().filter(next_review_on__lt=today),
        "person_id",
        ("next_review_on", "id"),
        lambda today, now: Q(next_review_on__lt=today),
        ("id", "person_id", "register_type", "next_review_on"),
    ),
    Category(
        "rosh",
        "RoSH reviews overdue",
        "Review was due",
        lambda today, now: RiskManagementPlan.objects.filter(next_review_on__lt=today),
        "person_id",
        ("next_review_on", "id"),
        lambda today, now: Q(next_review_on__lt=today),
        ("id", "person_id", "next_review_on"),
    ),
    # Periodic case reviews (issue 17 item 5): the manager's oversight, and reviews not done in time.
    Category(
        "case_reviews",
        "Case reviews awaiting your oversight",
        "Reviewed",
        lambda today, now: CaseReview.objects.filter(status=ReviewStatus.AWAITING_OVERSIGHT),
        "person_id",
        ("reviewed_on", "id"),
        None,
        ("id", "person_id", "due_on", "reason", "event", "reviewed_on"),
    ),
    Category(
        "case_reviews_overdue",
        "Case reviews overdue",
        "Was due",
        lambda today, now: CaseReview.objects.filter(status=ReviewStatus.DUE, due_on__lt=today),
        "person_id",
        ("due_on", "id"),
        lambda today, now: Q(due_on__lt=today),
        ("id", "person_id", "due_on", "reason", "event"),
    ),
)


@dataclass
class Unallocated:
    """Cases with no responsible officer: the first rows (people_listable_to's, annotated
    ``waiting_since``, ``open_reason``, ``from_team_name``, ``release_date``) and how many in all."""

    rows: list[Any]  # ListedPerson with the annotations above
    total: int


@dataclass
class Decisions:
    team: Team
    today: dt.date
    sections: list[Section]
    unallocated: Unallocated
    people: dict[int, ListedPerson]


def _unallocated_queryset(
    *, user: User, release_from: dt.date, release_to: dt.date
) -> QuerySet[ListedPerson]:
    open_allocation = Allocation.objects.filter(person=OuterRef("pk"), ended_at__isnull=True)
    previous = Allocation.objects.filter(person=OuterRef("pk"), ended_at__isnull=False).order_by(
        "-ended_at", "-id"
    )
    release = Licence.objects.filter(
        sentence__event__person=OuterRef("pk"),
        sentence__terminated_on__isnull=True,
        release_date__range=(release_from, release_to),
    ).order_by("-release_date")
    return people_listable_to(user, Person.objects.filter(officer__isnull=True)).annotate(
        waiting_since=Coalesce(
            Subquery(open_allocation.values("started_at")[:1]), "created_at", output_field=DateTimeField()
        ),
        open_reason=Subquery(open_allocation.values("reason")[:1]),
        from_team_name=Subquery(previous.values("team__name")[:1]),
        release_date=Subquery(release.values("release_date")[:1], output_field=DateField()),
        w_count=Window(Count("pk")),
    )


def _unallocated_rows(
    *, user: User, team_id: int | None, pdu_id: int, release_from: dt.date, release_to: dt.date, limit: int
) -> QuerySet[ListedPerson]:
    scope = Q(pdu_id=pdu_id) if team_id is None else Q(team_id=team_id) | Q(team__isnull=True, pdu_id=pdu_id)
    return (
        _unallocated_queryset(user=user, release_from=release_from, release_to=release_to)
        .filter(scope)
        .select_related("team")
        .only(*_PERSON_FIELDS, "team__name", "team__code", "created_at")
        .order_by("waiting_since", "id")[:limit]
    )


# Built once a process per role, scope (a team's or a PDU's) and limit (core/prepared.py): four
# subqueries and a window, about 4 ms of Python to build. Partners have no decisions to take, but
# their scope depends on the date, so theirs would be built each time.
_UNALLOCATED_QUERIES: dict[tuple[str, bool, int], PreparedQuery[Any]] = {}


def _unallocated_query(role: str, *, team: bool, limit: int) -> PreparedQuery[Any]:
    key = (role, team, limit)
    if key not in _UNALLOCATED_QUERIES:
        if team:
            _UNALLOCATED_QUERIES[key] = PreparedQuery(
                lambda user_id, team_id, pdu_id, release_from, release_to: _unallocated_rows(
                    user=User(pk=user_id, role=role, is_active=True),
                    team_id=team_id,
                    pdu_id=pdu_id,
                    release_from=release_from,
                    release_to=release_to,
                    limit=limit,
                ),
                user_id=0,
                team_id=0,
                pdu_id=0,
                release_from=dt.date.min,
                release_to=dt.date.min,
            )
        else:
            _UNALLOCATED_QUERIES[key] = PreparedQuery(
                lambda user_id, pdu_id, release_from, release_to: _unallocated_rows(
                    user=User(pk=user_id, role=role, is_active=True),
                    team_id=None,
                    pdu_id=pdu_id,
                    release_from=release_from,
                    release_to=release_to,
                    limit=limit,
                ),
                user_id=0,
                pdu_id=0,
                release_from=dt.date.min,
                release_to=dt.date.min,
            )
    return _UNALLOCATED_QUERIES[key]


def unallocated_list(
    *, user: User, team: Team | None, pdu: PDU, today: dt.date, limit: int = UNALLOCATED_LIMIT
) -> Unallocated:
    """Cases waiting for an officer: in ``team`` (transfers in) and, with no team yet, in its ``pdu``
    (new people, releases); with no team given, every such case of the PDU. Longest waiting first;
    one query."""
    window = dt.timedelta(days=RELEASE_WINDOW_DAYS)
    release_from, release_to = today - window, today + window
    rows: list[Any]
    if not scope_is_role_and_id_only(user):
        rows = list(
            _unallocated_rows(
                user=user,
                team_id=team.pk if team else None,
                pdu_id=pdu.pk,
                release_from=release_from,
                release_to=release_to,
                limit=limit,
            )
        )
    elif team is None:
        rows = _unallocated_query(user.role, team=False, limit=limit)(
            user_id=user.pk, pdu_id=pdu.pk, release_from=release_from, release_to=release_to
        )
    else:
        rows = _unallocated_query(user.role, team=True, limit=limit)(
            user_id=user.pk, team_id=team.pk, pdu_id=pdu.pk, release_from=release_from, release_to=release_to
        )
    return Unallocated(rows, rows[0].w_count if rows else 0)


def listed_people(user: User, ids: set[int]) -> dict[int, ListedPerson]:
    """The people shown, once, as this user may see them (restricted rows show only the CRN)."""
    return listed_people_by_id(user=user, ids=ids)


def reports_to_countersign(*, user: User) -> Section:
    """Pre-sentence reports their authors signed naming this senior PO, oldest first: one query. Not
    by the team's caseload: a report's defendant is often no one's case yet."""
    items = list(
        Report.objects.filter(status=ReportStatus.SIGNED, reviewing_spo=user)
        .only("id", "request_id", "report_type", "signed_at")
        .annotate(person_id=F("request__person_id"), w_count=Window(Count("pk")))
        .order_by("signed_at", "id")[:SECTION_LIMIT]
    )
    return Section("reports", "Reports to countersign", "Signed", items[0].w_count if items else 0, 0, items)


def team_decisions(*, user: User, team: Team, today: dt.date, now: dt.datetime) -> Decisions:
    """What waits for ``team``'s manager: one query per decision, one for the unallocated cases and one
    for the people shown."""
    sections = [category_section(c, team_id=team.pk, today=today, now=now) for c in DECISIONS]
    sections.append(reports_to_countersign(user=user))
    unallocated = unallocated_list(user=user, team=team, pdu=team.pdu, today=today, limit=SECTION_LIMIT)
    shown = {item.person_id for section in sections for item in section.items}
    return Decisions(team, today, sections, unallocated, listed_people(user, shown))
