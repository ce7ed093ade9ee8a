"""Loading rows fast and clearing generated data.

On PostgreSQL rows go in with COPY (psycopg's ``cursor.copy``), an order of magnitude faster than
INSERT for the big tables; elsewhere (SQLite in development and tests) with ``bulk_create``.
"""

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models

from probation.accounts.models import PDU, OfficeLocation, Region, Staff, Team, User
from probation.approved_premises.models import OutOfServiceBed, Premises
from probation.audit.models import AuditEvent
from probation.court.models import Court, CourtList
from probation.people.models import CrnSequence, Person

BULK_CREATE_BATCH = 5000
RETIRED_PREFIX = "retired-"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


class TableWriter:
    """Writes rows (dicts keyed by attname, or tuples in ``columns`` order) to one table."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        self.model = model
        self.columns = tuple(columns)
        self.written = 0
        qn = connection.ops.quote_name
        db_columns = ", ".join(qn(cast(models.Field, model._meta.get_field(c)).column) for c in self.columns)
        self.copy_sql = f"COPY {qn(model._meta.db_table)} ({db_columns}) FROM STDIN"

    def write(self, rows: Sequence[dict] | Sequence[tuple]) -> None:
        if not rows:
            return
        if is_postgresql():
            self._copy(rows)
        else:
            as_dicts = (
                cast(Sequence[dict[str, Any]], rows)
                if isinstance(rows[0], dict)
                else [dict(zip(self.columns, r, strict=True)) for r in rows]
            )
            self.model._default_manager.bulk_create(
                (self.model(**{c: row[c] for c in self.columns}) for row in as_dicts),
                batch_size=BULK_CREATE_BATCH,
            )
        self.written += len(rows)

    def _copy(self, rows: Sequence[dict] | Sequence[tuple]) -> None:
        connection.ensure_connection()
        columns = self.columns
        with connection.connection.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
            if isinstance(rows[0], dict):
                for named in cast(Sequence[dict[str, Any]], rows):
                    copy.write_row(tuple(named[c] for c in columns))
            else:
                for row in rows:
                    copy.write_row(row)


def timed_phases(
    timings: dict[str, float], log: Callable[[str], None]
) -> Callable[[str], AbstractContextManager[None]]:
    """``with phase(name):`` logs ``name``, runs the block, and logs and records in ``timings`` how
    long it took."""

    @contextmanager
    def phase(name: str) -> Iterator[None]:
        log(f"{name}...")
        started = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - started
        log(f"{name}: {timings[name]:.1f}s")

    return phase


@dataclass
class DroppedStructures:
    indexes: list[tuple[str, str]] = field(default_factory=list)  # (name, CREATE INDEX ...)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (table, name, definition)


def load_structures_drop(models_: Sequence[type[models.Model]]) -> DroppedStructures:
    """PostgreSQL: before a big load, drop the tables' non-unique indexes and their foreign keys to
    Person, saving the exact definitions. Rebuilding an index once is far faster than maintaining it
    row by row, and a re-added foreign key is checked in one pass instead of one trigger per row.
    Unique indexes stay, so the load is still checked against them. Inside the load's transaction,
    so a failure puts everything back."""
    dropped = DroppedStructures()
    if not is_postgresql():
        return dropped
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Run the foreign-key checks still queued (from a flush) while the indexes they use exist.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid "
                "WHERE x.indrelid = %s::regclass AND NOT x.indisunique AND NOT x.indisprimary",
                [table],
            )
            dropped.indexes += cursor.fetchall()
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' AND confrelid = %s::regclass",
                [table, Person._meta.db_table],
            )
            dropped.foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]
        for table, name, _ in dropped.foreign_keys:
            cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(name)}")
        for name, _ in dropped.indexes:
            cursor.execute(f"DROP INDEX {qn(name)}")
    return dropped


def load_structures_restore(dropped: DroppedStructures) -> None:
    if not (dropped.indexes or dropped.foreign_keys):
        return
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Run the foreign-key checks queued so far (an index cannot be built while they are pending),
        # then go back to checking at commit.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for _, definition in dropped.indexes:
            cursor.execute(definition)
        for table, name, definition in dropped.foreign_keys:
            cursor.execute(f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(name)} {definition}")


def person_tables() -> list[type[models.Model]]:
    """Person and every model that hangs off it (directly or through another), parents first. Found
    from the model graph so records other apps add later are cleared too."""
    found: list[type[models.Model]] = [Person]
    index = 0
    while index < len(found):
        # include_hidden: SearchKey points at Person with related_name="+".
        relations = [
            f
            for f in found[index]._meta.get_fields(include_hidden=True)
            if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
        ]
        for relation in relations:
            related = cast(type[models.Model], relation.related_model)  # a reverse relation's model
            if related not in found and related is not AuditEvent and not related._meta.auto_created:
                found.append(related)
        index += 1
    # Many-to-many tables Django creates (a breach's failures, a recall's breached conditions)
    # reference rows above and must be truncated with them.
    for model in list(found):
        for m2m in model._meta.many_to_many:
            through = cast(type[models.Model], m2m.remote_field.through)  # set once models are loaded
            if through._meta.auto_created and through not in found:
                found.append(through)
    return found


def generated_data_exists() -> bool:
    return any(model.objects.exists() for model in (Person, Staff, Team, PDU, Region))


def flush_generated_data() -> dict[str, int]:
    """Delete people, the organisation and staff accounts. Accounts the audit refers to are kept
    (the audit is append-only) but renamed, deactivated and unlinked from staff."""
    tables = person_tables()
    counts = {"people": Person.objects.count()}
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        if is_postgresql():
            everything: list[type[models.Model]] = [*tables, CrnSequence]
            names = ", ".join(qn(m._meta.db_table) for m in everything)
            # TRUNCATE refuses while deferred foreign-key checks are pending in this transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {names} RESTART IDENTITY")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            in_order: list[type[models.Model]] = [CrnSequence, *reversed(tables)]
            for model in in_order:
                cursor.execute(f"DELETE FROM {qn(model._meta.db_table)}")  # noqa: S608 - table names from models
    # Court lists and courts hang off PDUs and users, not people: clear them before those go.
    CourtList.objects.all().delete()
    Court.objects.all().delete()
    # So does the approved premises estate (its region; a bed out of service names its user).
    OutOfServiceBed.objects.all().delete()
    Premises.objects.all().delete()
    audited = set(AuditEvent.objects.exclude(user=None).values_list("user_id", flat=True).distinct())
    for user in User.objects.filter(pk__in=audited):
        if not user.username.startswith(RETIRED_PREFIX):
            user.username = f"{RETIRED_PREFIX}{user.pk}-{user.username}"[:150]
        user.staff = None
        user.is_active = False
        user.save(update_fields=["username", "staff", "is_active"])
    counts["users"] = User.objects.exclude(pk__in=audited).delete()[0]
    counts["staff"] = Staff.objects.all().delete()[0]
    for model in (OfficeLocation, Team, PDU, Region):
        model.objects.all().delete()
    return counts


def sequences_reset(models_: Sequence[type[models.Model]]) -> None:
    """After rows were written with explicit ids, move the id sequences past them (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze(models_: Sequence[type[models.Model]]) -> None:
    """Fresh planner statistics, so the first queries after a load use the indexes."""
    if not is_postgresql():
        return
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {qn(model._meta.db_table)}")


def loaded_models() -> list[type[models.Model]]:
    return [
        apps.get_model("people", name)
        for name in (
            "Person",
            "Alias",
            "Address",
            "Allocation",
            "Circumstance",
            "Disability",
            "SearchKey",
            "Exclusion",
            "Restriction",
            "PartnerShare",
        )
    ] + [Staff, User, Team, PDU, Region, OfficeLocation]
