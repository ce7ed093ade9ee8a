"""Writing the case history fast, and clearing it.

PostgreSQL: COPY (psycopg's ``cursor.copy``) with explicit ids, so rows can point at each other
without a round trip; for a big load the tables' non-unique indexes and foreign keys are dropped first
and rebuilt once at the end (see probation.demo.people.bulk for the same idea on people).
SQLite: ``executemany`` of plain INSERTs. ``bulk_create`` is not used because it would overwrite the
historical ``auto_now_add`` times of the workflow status rows with the time of the load.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from django.db import connection, models

from probation.approved_premises.models import SignIn
from probation.assessments.models import Assessment, AssessmentChange
from probation.contacts.models import Contact, EnforcementCase, EnforcementStep, NotificationMessage
from probation.court.models import Hearing, HearingCandidate
from probation.custody.models import CustodyRecord, ResettlementPathway
from probation.custody.models.licence import CustodyLicence, DraftCondition, RecallReport
from probation.demo.people.bulk import is_postgresql
from probation.drug_testing.models.records import DrugTest, DrugTestEvent, SubstanceResult
from probation.enforcement.models import Breach, BreachStep, Recall, RecallStep
from probation.mappa.models import MappaAction, MappaMeeting
from probation.parole.models.governor import GovernorReport
from probation.parole.models.reviews import ParoleReview
from probation.plans.models import RarActivity
from probation.programmes.models.groups import Attendance, Participant
from probation.programmes.models.referrals import Referral as ProgrammeReferral
from probation.programmes.models.referrals import ReferralStep as ProgrammeReferralStep
from probation.referrals.models.referrals import ActionPlan, ReferralCategory, ReferralSession
from probation.referrals.models.referrals import Referral as ServiceReferral
from probation.reports.models import Report, ReportRequest, ReportStep
from probation.risk.models import Registration, RegistrationReview, RiskManagementPlan, RoshAssessment
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral
from probation.scores.models import CriminalHistory, PredictorScore
from probation.sentences.models import Event, EventOffence, Licence, LicenceCondition, Requirement, Sentence
from probation.unpaid_work.models import Allocation, Place
from probation.unpaid_work.models import Assessment as UnpaidWorkAssessment
from probation.unpaid_work.models.progress import DeadlineExtension, EteCredit
from probation.victims.models import (
    KeyStageTask,
    Representation,
    SchemeCase,
    Victim,
    VictimContact,
    VictimLetter,
    VictimStatement,
)
from probation.victims.models.scheme import SchemeCaseChange
from probation.victims.models.victims import VictimMessage

BREACH_FAILURES = Breach.failures.through
RECALL_CONDITIONS = Recall.breached_conditions.through

# Parents first: the order rows are written in and the reverse of the order they are deleted in.
TABLES: tuple[type[models.Model], ...] = (
    Event,
    EventOffence,
    Sentence,
    Requirement,
    Licence,
    LicenceCondition,
    Contact,
    EnforcementCase,
    EnforcementStep,
    Breach,
    BREACH_FAILURES,
    BreachStep,
    Recall,
    RECALL_CONDITIONS,
    RecallStep,
    Registration,
    RegistrationReview,
    RoshAssessment,
    MappaMeeting,
    MappaAction,
    Assessment,
    CriminalHistory,
    PredictorScore,
)
# Rows users may have added that point at generated ones: deleted with them.
DEPENDANTS: tuple[type[models.Model], ...] = (
    # This session's capabilities point at contacts, requirements, sentences, licences, recalls,
    # custody records and the victims scheme (children first: SQLite deletes in this order).
    RecallReport,
    GovernorReport,
    ParoleReview,
    Attendance,
    ReferralSession,
    DeadlineExtension,
    EteCredit,
    SchemeCaseChange,
    VictimMessage,
    DraftCondition,
    CustodyLicence,
    DrugTestEvent,
    SubstanceResult,
    DrugTest,
    Participant,
    ProgrammeReferralStep,
    ProgrammeReferral,
    ActionPlan,
    ReferralCategory,
    ServiceReferral,
    # Custody records point at the people and custodial sentences (generate_custody makes them again).
    ResettlementPathway,
    CustodyRecord,
    NotificationMessage,
    # Structured intervention and toolkit sessions name their contact and requirement (plans app).
    RarActivity,
    RiskManagementPlan,
    AssessmentChange,
    ChildrenServicesCheck,
    SafeguardingReferral,
    # A resulted hearing points at the event its probation sentence created; its candidates and the
    # report requests (and reports, with their sign-off steps) made at it go with it (the court lists
    # are generated again).
    ReportStep,
    Report,
    HearingCandidate,
    Hearing,
    ReportRequest,
    # Unpaid work (issue 13): a person's places on project sessions point at their appointments, and
    # allocations and assessments at their requirements (the projects and sessions stay).
    Place,
    Allocation,
    UnpaidWorkAssessment,
    # The victim contact scheme points at people and their convictions (generate_victims runs again).
    Representation,
    VictimContact,
    VictimLetter,
    VictimStatement,
    Victim,
    KeyStageTask,
    SchemeCase,
    # An approved-premises sign-in points at the contact its missed or late sign-in made (issue 16).
    SignIn,
)
# The tables big enough for the drop-and-rebuild of indexes and foreign keys to pay.
BIG_TABLES = (Contact, EnforcementCase, EnforcementStep, Event, EventOffence, Sentence, Requirement)


class Writer:
    """Rows as lists in ``columns`` order (attnames), written to one table."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        self.model, self.columns, self.written = model, tuple(columns), 0
        qn = connection.ops.quote_name
        fields = [cast(models.Field, model._meta.get_field(c)) for c in self.columns]
        names = ", ".join(qn(f.column) for f in fields)
        table = qn(model._meta.db_table)
        self.copy_sql = f"COPY {table} ({names}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608
        self.adapters = [_adapter(f) for f in fields]

    def write(self, rows: list[list]) -> None:
        if not rows:
            return
        if is_postgresql():
            connection.ensure_connection()
            with connection.connection.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            adapted = [(i, a) for i, a in enumerate(self.adapters) if a is not None]
            for row in rows:  # lists, adapted in place
                for i, adapt in adapted:
                    if row[i] is not None:
                        row[i] = adapt(row[i])
            with connection.cursor() as cursor:
                cursor.executemany(self.insert_sql, rows)
        self.written += len(rows)


def _sqlite_datetime(value: dt.datetime) -> str:
    # What Django's SQLite backend stores for an aware datetime: naive UTC text.
    if value.tzinfo is dt.UTC:
        return value.isoformat(" ")[:-6]
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")


def _adapter(model_field: models.Field):
    if isinstance(model_field, models.DateTimeField):
        return _sqlite_datetime
    if isinstance(model_field, models.DateField):
        return dt.date.isoformat
    return None


def history_exists() -> bool:
    return Event.objects.exists() or Contact.objects.exists()


def history_flush() -> dict[str, int]:
    """Delete every row of the tables this command fills (and reminders sent about its contacts)."""
    counts = {"events": Event.objects.count(), "contacts": Contact.objects.count()}
    qn = connection.ops.quote_name
    tables: list[type[models.Model]] = [*DEPENDANTS, *TABLES]
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {', '.join(qn(m._meta.db_table) for m in tables)} RESTART IDENTITY")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            # rescheduled_to points contacts at contacts: unlink before deleting.
            cursor.execute(f"UPDATE {qn(Contact._meta.db_table)} SET rescheduled_to_id = NULL")  # noqa: S608
            in_order: list[type[models.Model]] = [*DEPENDANTS, *reversed(TABLES)]
            for model in in_order:
                cursor.execute(f"DELETE FROM {qn(model._meta.db_table)}")  # noqa: S608
    return counts


def next_ids() -> dict[type[models.Model], int]:
    """The first free id of every table (explicit ids are written, then the sequences moved on)."""
    return {m: (m._default_manager.aggregate(top=models.Max("id"))["top"] or 0) + 1 for m in TABLES}


@dataclass
class Dropped:
    indexes: list[tuple[str, str]] = field(default_factory=list)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)


def structures_drop(models_: Sequence[type[models.Model]]) -> Dropped:
    """PostgreSQL: drop the tables' non-unique indexes and all their foreign keys, keeping the exact
    definitions. One index build and one foreign-key check per table at the end are far cheaper than
    ten million index insertions and trigger calls. Inside the load's transaction: a failure puts
    everything back."""
    dropped = Dropped()
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
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
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            dropped.foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]
        for table, name, _ in dropped.foreign_keys:
            cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(name)}")
        for name, _ in dropped.indexes:
            cursor.execute(f"DROP INDEX {qn(name)}")
    return dropped


def structures_restore(dropped: Dropped) -> None:
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for _, definition in dropped.indexes:
            cursor.execute(definition)
        for table, name, definition in dropped.foreign_keys:
            cursor.execute(f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(name)} {definition}")
