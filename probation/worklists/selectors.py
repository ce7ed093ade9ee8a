"""Reads for the work lists: an officer's sections and a team manager's counts per officer.

Each category is declared once (CATEGORIES) over the querysets in probation.worklists.conditions.
The caseload is read first as person ids (one small query on people_person's officer index); every
section is then one query over ``person_id IN (…)``, so the foreign key indexes on person_id are
used instead of joining millions of rows to their person. A section's query returns its first
SECTION_LIMIT rows, reading only the columns the page shows, with the total and overdue counts as
window aggregates. The people shown are read once through people_listable_to, so the page's query
count is constant and limited-access cases show only as "Restricted" with the CRN.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Window

from probation.accounts.models import Staff, Team, User
from probation.contacts.selectors import booked_hours_by, unpaid_work_booked
from probation.contacts.times import london_datetime
from probation.core.prepared import PreparedQuery
from probation.mappa.models import MappaAction
from probation.people.models import Person
from probation.people.policy import ListedPerson
from probation.people.selectors import listed_people_by_id
from probation.risk.models import Registration
from probation.risk.selectors.registrations import REVIEWS_DUE_WITHIN_DAYS
from probation.rules.sentences.requirements import unpaid_work_deadline
from probation.rules.worklists.deadlines import (
    UnpaidWorkStatus,
    last_appointment_day_overdue,
    unpaid_work_outlook,
)
from probation.unpaid_work.selectors.allocation import extended_deadlines
from probation.worklists import conditions
from probation.worklists.models import CaseReview, ReviewStatus, WorkItem

SECTION_LIMIT = 50
# Categories with no "overdue" count none (the primary key is never null).
_NEVER = Q(pk__isnull=True)
# An officer holds tens of unpaid work requirements; the bound only guards against a runaway caseload.
UNPAID_WORK_CANDIDATES = 1000


def _outcome_cutoff(today: dt.date) -> dt.datetime:
    return conditions.start_of_day(last_appointment_day_overdue(today) + dt.timedelta(days=1))


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    date_heading: str
    matching: Callable[[dt.date, dt.datetime], QuerySet]
    person: str  # path from the row to its person's id
    order_by: tuple[str, ...]
    # The SQL form of the category's "overdue" (domain is_overdue: the date has passed), or None.
    overdue: Callable[[dt.date, dt.datetime], Q] | None = None
    # The columns the page shows (presenters._detail); nothing else is read (never notes).
    fields: tuple[str, ...] = ()


CATEGORIES: tuple[Category, ...] = (
    Category(
        "outcomes",
        "Appointments needing an outcome",
        "Appointment",
        lambda today, now: conditions.outstanding_outcomes(now=now),
        "person_id",
        ("starts_at", "id"),
        lambda today, now: Q(starts_at__lt=_outcome_cutoff(today)),
        ("id", "person_id", "type", "starts_at"),
    ),
    Category(
        "evidence",
        "Failures to attend: decide acceptable or unacceptable",
        "Evidence due",
        lambda today, now: conditions.awaiting_evidence(),
        "person_id",
        ("evidence_due_on", "id"),
        lambda today, now: Q(evidence_due_on__lt=today),
        ("id", "person_id", "type", "starts_at", "evidence_due_on"),
    ),
    Category(
        "enforcement",
        "Enforcement actions due",
        "Respond by",
        lambda today, now: conditions.enforcement_open(),
        "person_id",
        ("respond_by", "id"),
        lambda today, now: Q(respond_by__lt=today),
        ("id", "person_id", "sentence_id", "status", "failure_date", "respond_by"),
    ),
    Category(
        "breaches",
        "Breaches in progress",
        "Since",
        lambda today, now: conditions.breaches_in_progress(),
        "person_id",
        ("initiated_on", "id"),
        None,
        ("id", "person_id", "sentence_id", "status", "initiated_on"),
    ),
    Category(
        "recalls",
        "Recalls in progress",
        "Since",
        lambda today, now: conditions.recalls_in_progress(),
        "person_id",
        ("started_on", "id"),
        None,
        ("id", "person_id", "sentence_id", "status", "emergency", "started_on"),
    ),
    Category(
        "ending",
        "Orders and licences ending in the next 28 days",
        "Ends",
        lambda today, now: conditions.sentences_ending(today=today),
        "person_id",
        ("ends_on", "id"),
        lambda today, now: Q(ends_on__lt=today),
        ("id", "person_id", "type"),
    ),
    # Periodic case reviews (issue 17 item 5): raised two weeks before they are due.
    Category(
        "case_reviews",
        "Case reviews due",
        "Due",
        lambda today, now: CaseReview.objects.filter(status=ReviewStatus.DUE),
        "person_id",
        ("due_on", "id"),
        lambda today, now: Q(due_on__lt=today),
        ("id", "person_id", "due_on", "reason", "event"),
    ),
    Category(
        "raised",
        "Reviews raised overnight",
        "Due",
        lambda today, now: WorkItem.objects.filter(resolved_at__isnull=True),
        "person_id",
        ("due_on", "id"),
        None,
        ("id", "person_id", "kind", "due_on", "source_type"),
    ),
)
UNPAID_WORK = ("unpaid_work", "Unpaid work at risk", "Deadline")
SECTION_ORDER = (
    "outcomes",
    "evidence",
    "enforcement",
    "breaches",
    "recalls",
    "unpaid_work",
    "ending",
    "case_reviews",
    "raised",
)


@dataclass
class Section:
    key: str
    title: str
    date_heading: str
    count: int
    overdue: int
    items: list = field(default_factory=list)  # source rows; unpaid work: (requirement, outlook)


@dataclass
class Worklist:
    officer: Staff
    today: dt.date
    sections: list[Section]
    people: dict[int, ListedPerson]  # annotated by people_listable_to: lao_excluded / lao_restricted
    reviews_overdue: int
    reviews_due: int = 0  # overdue ones included, as on the reviews-due page
    mappa_actions: int = 0  # open
    mappa_overdue: int = 0


def _reviews_and_mappa_counts(person_ids: list[int], today: dt.date) -> dict[str, int]:
    """Registration reviews due (and overdue) and open MAPPA actions (and overdue) on the caseload, in
    two queries: My work's sections that link to the reviews-due and MAPPA actions pages."""
    if not person_ids:
        return {"reviews_due": 0, "reviews_overdue": 0, "mappa_actions": 0, "mappa_overdue": 0}
    reviews = (
        Registration.objects.active()
        .filter(
            person_id__in=person_ids, next_review_on__lte=today + dt.timedelta(days=REVIEWS_DUE_WITHIN_DAYS)
        )
        .aggregate(reviews_due=Count("pk"), reviews_overdue=Count("pk", filter=Q(next_review_on__lt=today)))
    )
    actions = (
        MappaAction.objects.open()
        .filter(meeting__person_id__in=person_ids)
        .aggregate(mappa_actions=Count("pk"), mappa_overdue=Count("pk", filter=Q(due_on__lt=today)))
    )
    return reviews | actions


_officer_person_ids: PreparedQuery[int] = PreparedQuery(
    lambda officer_id: Person.objects.filter(officer_id=officer_id).values_list("id", flat=True), officer_id=0
)


def officer_person_ids(officer: Staff) -> list[int]:
    """The officer's caseload as ids (people_person's officer index): every section is then read by
    ``person_id IN (…)`` over the foreign key indexes, never by joining every row to its person."""
    return _officer_person_ids(officer_id=officer.pk)


def _section_queryset(
    category: Category, people: list[int] | QuerySet[Person, int], today: dt.date, now: dt.datetime
) -> QuerySet:
    overdue_q = category.overdue(today, now) if category.overdue else None
    totals: dict[str, Any] = {"w_count": Window(Count("pk"))}
    if overdue_q is not None:
        totals["w_overdue"] = Window(Count("pk", filter=overdue_q))
    return (
        category.matching(today, now)
        .filter(**{f"{category.person}__in": people})
        .only(*category.fields)
        .annotate(**totals)
        .order_by(*category.order_by)[:SECTION_LIMIT]
    )


# Each section's SQL is built once a process per category and caseload size (core/prepared.py): My
# work and Decisions run one per section, each about 1.5 ms of Python to build. A category whose SQL
# derives a value from today (the outcomes' overdue cut-off) is simply built each time.
_SECTION_QUERIES: dict[tuple[int, str], PreparedQuery[Any]] = {}
_DAY, _MOMENT = dt.date.min, dt.datetime.min.replace(tzinfo=dt.UTC)


def _section_query(category: Category, scope: str) -> PreparedQuery[Any]:
    key = (id(category), scope)
    if key not in _SECTION_QUERIES:
        if scope == "team":
            _SECTION_QUERIES[key] = PreparedQuery(
                lambda team_id, today, now: _section_queryset(
                    category, Person.objects.filter(team_id=team_id).values_list("id", flat=True), today, now
                ),
                team_id=0,
                today=_DAY,
                now=_MOMENT,
            )
        else:
            _SECTION_QUERIES[key] = PreparedQuery(
                lambda ids, today, now: _section_queryset(category, ids, today, now),
                ids=[0],
                today=_DAY,
                now=_MOMENT,
            )
    return _SECTION_QUERIES[key]


def category_section(
    category: Category,
    *,
    person_ids: list[int] | None = None,
    team_id: int | None = None,
    today: dt.date,
    now: dt.datetime,
) -> Section:
    """One query: the first SECTION_LIMIT rows of the people ``person_ids`` (or of the team
    ``team_id``'s caseload as a subquery, on people_person's team index: a team holds hundreds of
    cases, and binding hundreds of parameters costs more than the database's semi-join over the
    person_id indexes), each carrying the section's totals (window counts over every matching row,
    computed before the LIMIT)."""
    if team_id is not None:
        items = _section_query(category, "team")(team_id=team_id, today=today, now=now)
    else:
        items = _section_query(category, "ids")(ids=person_ids or [], today=today, now=now)
    count = items[0].w_count if items else 0
    overdue = (items[0].w_overdue or 0) if items and category.overdue is not None else 0
    return Section(category.key, category.title, category.date_heading, count, overdue, items)


def _unpaid_work_rows(
    queryset: QuerySet | list, *, today: dt.date, limit: int = UNPAID_WORK_CANDIDATES
) -> list[tuple]:
    """(requirement, outlook) for requirements at risk or past their deadline, soonest deadline first.

    Only the columns the outlook and the page need are read (the requirement's sentence carries just
    its id and person id). A list is rows already read that way (``_unpaid_work_candidates``)."""
    needing = []
    rows = (
        queryset
        if isinstance(queryset, list)
        else queryset.select_related("sentence")
        .only("id", "sentence_id", "start_date", "ordered", "done", "sentence__id", "sentence__person_id")
        .order_by("start_date", "id")[:limit]
    )
    requirements = list(rows)
    booked = unpaid_work_booked(
        since=london_datetime(today, dt.time()), requirement_ids=[r.pk for r in requirements]
    )
    extended = extended_deadlines([r.pk for r in requirements]) if requirements else {}
    for requirement in requirements:
        deadline = extended.get(requirement.pk) or unpaid_work_deadline(requirement.start_date)
        outlook = unpaid_work_outlook(
            start=requirement.start_date,
            ordered=requirement.ordered,
            done=requirement.done,
            today=today,
            booked=booked_hours_by(booked.get(requirement.pk, []), deadline),
            deadline=deadline,
        )
        if outlook.needs_attention:
            needing.append((requirement, outlook))
    return sorted(needing, key=lambda pair: (pair[1].deadline, pair[0].pk))


def _unpaid_work_candidates(ids: list[int]) -> QuerySet:
    return (
        conditions.unpaid_work_open()
        .filter(sentence__person_id__in=ids)
        .select_related("sentence")
        .only("id", "sentence_id", "start_date", "ordered", "done", "sentence__id", "sentence__person_id")
        .order_by("start_date", "id")[:UNPAID_WORK_CANDIDATES]
    )


# The same query as _unpaid_work_rows builds, with its SQL built once a process per caseload size.
_officer_unpaid_work: PreparedQuery[Any] = PreparedQuery(_unpaid_work_candidates, ids=[0])


def _unpaid_work_section(*, person_ids: list[int], today: dt.date) -> Section:
    rows = _unpaid_work_rows(_officer_unpaid_work(ids=person_ids), today=today)
    overdue = sum(1 for _, outlook in rows if outlook.status is UnpaidWorkStatus.DEADLINE_PASSED)
    return Section(*UNPAID_WORK, count=len(rows), overdue=overdue, items=rows[:SECTION_LIMIT])


def section_person_id(section: Section, item: Any) -> int:
    if section.key == UNPAID_WORK[0]:
        return item[0].sentence.person_id
    return item.person_id


def worklist_for_officer(*, user: User, officer: Staff, today: dt.date, now: dt.datetime) -> Worklist:
    """The officer's work: every section for cases where the officer is the responsible officer.

    A constant number of queries: the caseload's ids, one per section, the people shown, the reviews."""
    person_ids = officer_person_ids(officer)
    sections = {c.key: category_section(c, person_ids=person_ids, today=today, now=now) for c in CATEGORIES}
    sections[UNPAID_WORK[0]] = _unpaid_work_section(person_ids=person_ids, today=today)
    ordered = [sections[key] for key in SECTION_ORDER]
    shown = {section_person_id(s, item) for s in ordered for item in s.items}
    people = listed_people_by_id(user=user, ids=shown)
    return Worklist(officer, today, ordered, people, **_reviews_and_mappa_counts(person_ids, today))


@dataclass
class OfficerCounts:
    officer: Staff
    counts: dict[str, tuple[int, int]]  # section key -> (total, overdue)


def team_officers(*, team: Team) -> QuerySet[Staff]:
    return Staff.objects.filter(team=team, active=True).order_by("surname", "forename", "id")


def team_officer_get(*, team: Team, code: str) -> Staff | None:
    """An active officer of ``team``; None for anyone else (the view answers 404)."""
    return team_officers(team=team).filter(code=code).first()


def team_summary(*, team: Team, today: dt.date, now: dt.datetime) -> list[OfficerCounts]:
    """Per officer of the team, per category: how many, and how many overdue.

    The team's caseload is read once (person id -> officer id); then one query per category counts per
    person over ``person_id IN (…)`` and the counts are summed per officer here."""
    officers = list(team_officers(team=team))
    officer_of = dict(Person.objects.filter(officer__in=officers).values_list("id", "officer_id"))
    person_ids = list(officer_of)
    counts: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)

    def add(officer_id: int, key: str, total: int, overdue: int) -> None:
        before_total, before_overdue = counts[officer_id].get(key, (0, 0))
        counts[officer_id][key] = (before_total + total, before_overdue + overdue)

    for category in CATEGORIES:
        overdue_q = category.overdue(today, now) if category.overdue else None
        grouped = (
            category.matching(today, now)
            .filter(**{f"{category.person}__in": person_ids})
            .order_by()
            .values(category.person)
            .annotate(total=Count("pk"), overdue=Count("pk", filter=overdue_q or _NEVER))
        )
        for row in grouped:
            add(officer_of[row[category.person]], category.key, row["total"], row["overdue"] or 0)
    unpaid = conditions.unpaid_work_open().filter(sentence__person_id__in=person_ids)
    for requirement, outlook in _unpaid_work_rows(
        unpaid, today=today, limit=UNPAID_WORK_CANDIDATES * len(officers)
    ):
        late = outlook.status is UnpaidWorkStatus.DEADLINE_PASSED
        add(officer_of[requirement.sentence.person_id], UNPAID_WORK[0], 1, int(late))
    return [OfficerCounts(o, {key: counts[o.pk].get(key, (0, 0)) for key in SECTION_ORDER}) for o in officers]


def section_titles() -> list[tuple[str, str]]:
    titles = {c.key: c.title for c in CATEGORIES} | {UNPAID_WORK[0]: UNPAID_WORK[1]}
    return [(key, titles[key]) for key in SECTION_ORDER]
