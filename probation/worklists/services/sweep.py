"""The nightly sweep (issue 3 item 10): raise the reviews enforcement.md requires across the country
and resolve those that no longer hold. Safe to run twice: an item is raised only where no unresolved
item of its kind exists for the same source row (the database enforces it too), and resolving only
touches items whose condition has cleared.

Set-based: each kind is one ``INSERT … SELECT … WHERE NOT EXISTS`` and one ``UPDATE … WHERE NOT
EXISTS`` built from the querysets in probation.worklists.conditions, so the database does the work
over millions of contacts. Unpaid work (at risk, deadline passed) needs per-row calendar
arithmetic (the 12-month deadline, the rate since the start) that SQLite and PostgreSQL spell
differently, so the open requirements' few columns are read and judged in Python with
rules.unpaid_work_outlook, then bulk-inserted (conflicts ignored) and resolved by id.
"""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import (
    CharField,
    DateTimeField,
    Exists,
    F,
    JSONField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)

from probation.contacts.selectors import booked_hours_by, unpaid_work_booked
from probation.contacts.times import london_datetime
from probation.people.models import Person
from probation.rules.sentences.requirements import unpaid_work_deadline
from probation.rules.worklists.deadlines import UnpaidWorkStatus, unpaid_work_outlook
from probation.unpaid_work.selectors.allocation import extended_deadlines
from probation.worklists import conditions
from probation.worklists.models import WorkItem, WorkItemKind

_K = WorkItemKind
_BATCH = 2000


@dataclass(frozen=True)
class SweepRule:
    """One kind of review: the source rows that need it, where their person is, which date is due."""

    kind: WorkItemKind
    source_type: str
    matching: Callable[[dt.date, dt.datetime], QuerySet]
    person: str  # path from the source row to its person
    due_on: str  # the source row's field or annotation that is the item's date


SWEEP_RULES: tuple[SweepRule, ...] = (
    SweepRule(
        _K.EVIDENCE_DECISION,
        "contact",
        lambda today, now: conditions.evidence_decisions_overdue(today=today),
        "person",
        "evidence_due_on",
    ),
    SweepRule(
        _K.ENFORCEMENT_OVERDUE,
        "enforcement_case",
        lambda today, now: conditions.enforcement_overdue(today=today),
        "person",
        "respond_by",
    ),
    SweepRule(
        _K.OUTCOME_OVERDUE,
        "contact",
        lambda today, now: conditions.overdue_outcomes(now=now, today=today),
        "person",
        "appointment_on",
    ),
    SweepRule(
        _K.SENTENCE_PAST_END,
        "sentence",
        lambda today, now: conditions.sentences_past_end(today=today),
        "person",
        "ends_on",
    ),
)

# The columns written by INSERT … SELECT, in the order of the SELECT's annotations.
_COLUMNS = (
    ("w_kind", "kind"),
    ("w_person", "person_id"),
    ("w_officer", "officer_id"),
    ("w_team", "team_id"),
    ("w_due_on", "due_on"),
    ("w_source_type", "source_type"),
    ("w_source_id", "source_id"),
    ("w_detail", "detail"),
    ("w_raised_at", "raised_at"),
)


@dataclass
class SweepResult:
    raised: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, int] = field(default_factory=dict)
    reassigned: int = 0
    seconds: float = 0.0


def _open_items(kind: WorkItemKind, source_type: str) -> QuerySet[WorkItem]:
    return WorkItem.objects.filter(kind=kind, source_type=source_type, resolved_at__isnull=True)


def _raise(rule: SweepRule, matching: QuerySet, *, raised_at: dt.datetime) -> int:
    already = _open_items(rule.kind, rule.source_type).filter(source_id=OuterRef("pk"))
    select = (
        matching.filter(~Exists(already))
        .order_by()
        .values(
            w_kind=Value(rule.kind.value, output_field=CharField()),
            w_person=F(f"{rule.person}_id"),
            w_officer=F(f"{rule.person}__officer_id"),
            w_team=F(f"{rule.person}__team_id"),
            w_due_on=F(rule.due_on),
            w_source_type=Value(rule.source_type, output_field=CharField()),
            w_source_id=F("pk"),
            w_detail=Value({}, output_field=JSONField()),
            w_raised_at=Value(raised_at, output_field=DateTimeField()),
        )
    )
    names = [name for name, _ in _COLUMNS]
    if list(select.query.annotation_select) != names or select.query.values_select:
        raise RuntimeError(
            f"Unexpected select columns for {rule.kind}: {list(select.query.annotation_select)}"
        )
    sql, params = select.query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(column) for _, column in _COLUMNS)
    table = connection.ops.quote_name(WorkItem._meta.db_table)
    with connection.cursor() as cursor:
        # Table and column names are ours; every value is a bound parameter of the compiled SELECT.
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)
        return max(cursor.rowcount, 0)


def _resolve(rule: SweepRule, matching: QuerySet, *, resolved_at: dt.datetime) -> int:
    still_holds = matching.order_by().filter(pk=OuterRef("source_id"))
    return (
        _open_items(rule.kind, rule.source_type).filter(~Exists(still_holds)).update(resolved_at=resolved_at)
    )


_UNPAID_WORK_KINDS = {
    UnpaidWorkStatus.AT_RISK: _K.UNPAID_WORK_AT_RISK,
    UnpaidWorkStatus.DEADLINE_PASSED: _K.UNPAID_WORK_DEADLINE_PASSED,
}


def _sweep_unpaid_work(*, today: dt.date, now: dt.datetime, result: SweepResult) -> None:
    rows = (
        conditions.unpaid_work_open()
        .order_by()
        .values_list(
            "id",
            "sentence__person_id",
            "sentence__person__officer_id",
            "sentence__person__team_id",
            "start_date",
            "ordered",
            "done",
        )
    )
    wanted: dict[WorkItemKind, dict[int, WorkItem]] = {kind: {} for kind in _UNPAID_WORK_KINDS.values()}
    # Sessions booked at projects count towards the outlook (issue 13 item 6): one query, nationally.
    booked = unpaid_work_booked(since=london_datetime(today, dt.time()))
    extended = extended_deadlines()  # the court's extensions of the 12 months: one query
    for pk, person_id, officer_id, team_id, start, ordered, done in rows.iterator(chunk_size=_BATCH):
        if ordered is None:  # unpaid_work_open excludes these; this tells the type checker
            continue
        deadline = extended.get(pk) or unpaid_work_deadline(start)
        hours = booked_hours_by(booked.get(pk, []), deadline)
        outlook = unpaid_work_outlook(
            start=start, ordered=ordered, done=done, today=today, booked=hours, deadline=deadline
        )
        kind = _UNPAID_WORK_KINDS.get(outlook.status)
        if kind is None:
            continue
        wanted[kind][pk] = WorkItem(
            kind=kind,
            person_id=person_id,
            officer_id=officer_id,
            team_id=team_id,
            due_on=outlook.deadline,
            source_type="requirement",
            source_id=pk,
            detail={"ordered": ordered, "done": done, "projected": outlook.projected},
            raised_at=now,
        )
    for kind, items in wanted.items():
        existing = dict(_open_items(kind, "requirement").values_list("source_id", "id"))
        cleared = [item_id for source_id, item_id in existing.items() if source_id not in items]
        for offset in range(0, len(cleared), _BATCH):
            WorkItem.objects.filter(pk__in=cleared[offset : offset + _BATCH]).update(resolved_at=now)
        new = [item for pk, item in items.items() if pk not in existing]
        WorkItem.objects.bulk_create(new, batch_size=_BATCH, ignore_conflicts=True)
        result.raised[kind.value] = len(new)
        result.resolved[kind.value] = len(cleared)


def _reassign_open_items() -> int:
    """Keep unresolved items with the case's current officer and team after a reallocation."""
    stale = (
        (Q(person__officer__isnull=False) & ~Q(officer_id=F("person__officer_id")))
        | Q(person__officer__isnull=True, officer__isnull=False)
        | (Q(person__team__isnull=False) & ~Q(team_id=F("person__team_id")))
        | Q(person__team__isnull=True, team__isnull=False)
    )
    person = Person.objects.filter(pk=OuterRef("person_id"))
    return (
        WorkItem.objects.filter(resolved_at__isnull=True)
        .filter(stale)
        .update(officer=Subquery(person.values("officer_id")), team=Subquery(person.values("team_id")))
    )


def worklist_sweep(*, today: dt.date, now: dt.datetime) -> SweepResult:
    """Raise and resolve every kind of review as of ``today`` (Europe/London) and ``now``."""
    started = time.monotonic()
    result = SweepResult()
    for rule in SWEEP_RULES:
        with transaction.atomic():
            matching = rule.matching(today, now)
            result.resolved[rule.kind.value] = _resolve(rule, matching, resolved_at=now)
            result.raised[rule.kind.value] = _raise(rule, matching, raised_at=now)
    with transaction.atomic():
        _sweep_unpaid_work(today=today, now=now, result=result)
        result.reassigned = _reassign_open_items()
    result.seconds = time.monotonic() - started
    return result
