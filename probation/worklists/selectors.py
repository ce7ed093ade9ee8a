"""Reads for the work lists: an officer's sections and a team manager's counts per officer.

Each category is declared once (CATEGORIES) over the querysets in probation.worklists.conditions.
Every section costs two queries whatever its size (a count with the overdue count, then the first
SECTION_LIMIT rows), and the people shown are read once through people_listable_to, so the page's
query count is constant and limited-access cases show only as "Restricted" with the CRN.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Value

from probation.accounts.models import Staff, Team, User
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.risk.models import Registration
from probation.worklists import conditions
from probation.worklists.models import WorkItem
from probation.worklists.rules import UnpaidWorkStatus, last_appointment_day_overdue, unpaid_work_outlook

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
    person: str  # path from the row to its person
    order_by: tuple[str, ...]
    # The SQL form of the category's "overdue" (domain is_overdue: the date has passed), or None.
    overdue: Callable[[dt.date, dt.datetime], Q] | None = None
    related: tuple[str, ...] = ()


CATEGORIES: tuple[Category, ...] = (
    Category(
        "outcomes",
        "Appointments needing an outcome",
        "Appointment",
        lambda today, now: conditions.outstanding_outcomes(now=now),
        "person",
        ("starts_at", "id"),
        lambda today, now: Q(starts_at__lt=_outcome_cutoff(today)),
    ),
    Category(
        "evidence",
        "Failures to attend: decide acceptable or unacceptable",
        "Evidence due",
        lambda today, now: conditions.awaiting_evidence(),
        "person",
        ("evidence_due_on", "id"),
        lambda today, now: Q(evidence_due_on__lt=today),
    ),
    Category(
        "enforcement",
        "Enforcement actions due",
        "Respond by",
        lambda today, now: conditions.enforcement_open(),
        "person",
        ("respond_by", "id"),
        lambda today, now: Q(respond_by__lt=today),
    ),
    Category(
        "breaches",
        "Breaches in progress",
        "Since",
        lambda today, now: conditions.breaches_in_progress(),
        "person",
        ("initiated_on", "id"),
    ),
    Category(
        "recalls",
        "Recalls in progress",
        "Since",
        lambda today, now: conditions.recalls_in_progress(),
        "person",
        ("started_on", "id"),
    ),
    Category(
        "ending",
        "Orders and licences ending in the next 28 days",
        "Ends",
        lambda today, now: conditions.sentences_ending(today=today),
        "person",
        ("ends_on", "id"),
        lambda today, now: Q(ends_on__lt=today),
    ),
    Category(
        "raised",
        "Reviews raised overnight",
        "Due",
        lambda today, now: WorkItem.objects.filter(resolved_at__isnull=True),
        "person",
        ("due_on", "id"),
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
    people: dict[int, Person]  # annotated by people_listable_to: lao_excluded / lao_restricted
    reviews_overdue: int


def _category_section(category: Category, *, officer: Staff, today: dt.date, now: dt.datetime) -> Section:
    rows = category.matching(today, now).filter(**{f"{category.person}__officer": officer})
    overdue_q = category.overdue(today, now) if category.overdue else None
    totals = rows.order_by().aggregate(count=Count("pk"), overdue=Count("pk", filter=overdue_q or _NEVER))
    flagged = ExpressionWrapper(overdue_q if overdue_q else Value(False), output_field=BooleanField())
    items = list(
        rows.annotate(is_overdue=flagged)
        .select_related(*category.related)
        .order_by(*category.order_by)[:SECTION_LIMIT]
    )
    return Section(
        category.key, category.title, category.date_heading, totals["count"], totals["overdue"] or 0, items
    )


def _unpaid_work_rows(
    queryset: QuerySet, *, today: dt.date, limit: int = UNPAID_WORK_CANDIDATES
) -> list[tuple]:
    """(requirement, outlook) for requirements at risk or past their deadline, soonest deadline first."""
    needing = []
    for requirement in queryset.select_related("sentence").order_by("start_date", "id")[:limit]:
        outlook = unpaid_work_outlook(
            start=requirement.start_date, ordered=requirement.ordered, done=requirement.done, today=today
        )
        if outlook.needs_attention:
            needing.append((requirement, outlook))
    return sorted(needing, key=lambda pair: (pair[1].deadline, pair[0].pk))


def _unpaid_work_section(*, officer: Staff, today: dt.date) -> Section:
    rows = _unpaid_work_rows(
        conditions.unpaid_work_open().filter(sentence__person__officer=officer), today=today
    )
    overdue = sum(1 for _, outlook in rows if outlook.status is UnpaidWorkStatus.DEADLINE_PASSED)
    return Section(*UNPAID_WORK, count=len(rows), overdue=overdue, items=rows[:SECTION_LIMIT])


def section_person_id(section: Section, item: Any) -> int:
    if section.key == UNPAID_WORK[0]:
        return item[0].sentence.person_id
    return item.person_id


def worklist_for_officer(*, user: User, officer: Staff, today: dt.date, now: dt.datetime) -> Worklist:
    """The officer's work: every section for cases where the officer is the responsible officer."""
    sections = {c.key: _category_section(c, officer=officer, today=today, now=now) for c in CATEGORIES}
    sections[UNPAID_WORK[0]] = _unpaid_work_section(officer=officer, today=today)
    ordered = [sections[key] for key in SECTION_ORDER]
    person_ids = {section_person_id(s, item) for s in ordered for item in s.items}
    people = {
        p.pk: p
        for p in people_listable_to(user, Person.objects.filter(pk__in=person_ids)).only(
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
    }
    reviews_overdue = (
        Registration.objects.active().filter(person__officer=officer, next_review_on__lt=today).count()
    )
    return Worklist(officer, today, ordered, people, reviews_overdue)


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
    """Per officer of the team, per category: how many, and how many overdue. One query per category."""
    officers = list(team_officers(team=team))
    counts: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for category in CATEGORIES:
        officer_field = f"{category.person}__officer"
        overdue_q = category.overdue(today, now) if category.overdue else None
        grouped = (
            category.matching(today, now)
            .filter(**{f"{officer_field}__in": officers})
            .order_by()
            .values(officer_field)
            .annotate(total=Count("pk"), overdue=Count("pk", filter=overdue_q or _NEVER))
        )
        for row in grouped:
            counts[row[officer_field]][category.key] = (row["total"], row["overdue"] or 0)
    unpaid = conditions.unpaid_work_open().filter(sentence__person__officer__in=officers)
    for requirement, outlook in _unpaid_work_rows(
        unpaid.select_related("sentence__person"), today=today, limit=UNPAID_WORK_CANDIDATES * len(officers)
    ):
        officer_id = requirement.sentence.person.officer_id
        total, overdue = counts[officer_id].get(UNPAID_WORK[0], (0, 0))
        late = outlook.status is UnpaidWorkStatus.DEADLINE_PASSED
        counts[officer_id][UNPAID_WORK[0]] = (total + 1, overdue + late)
    return [OfficerCounts(o, {key: counts[o.pk].get(key, (0, 0)) for key in SECTION_ORDER}) for o in officers]


def section_titles() -> list[tuple[str, str]]:
    titles = {c.key: c.title for c in CATEGORIES} | {UNPAID_WORK[0]: UNPAID_WORK[1]}
    return [(key, titles[key]) for key in SECTION_ORDER]
