"""Writes of the licence: the COM starts a draft, adds, changes and removes additional conditions, and
on release the licence becomes active (custody-release.md § Pre-release planning; issue 14 item 5).

Each write locks the licence through the case (LICENCE_MANAGE in the case's PDU), checks the version it
read (optimistic locking), writes and audits in one transaction (ids and codes only). Release refuses a
licence with an unjustified additional condition, writes the sentences app's ``Licence`` with the
standard conditions in force on the release date and the additional ones, books the first appointment
for the day of release through the contacts service, and tells the victim contact scheme that the
conditions are set (core.key_events) and the apps above that the person was released (hooks).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.services.appointments import ContactDetails, appointment_book
from probation.contacts.times import london_datetime
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.custody import hooks
from probation.custody.models import CustodyLicence, CustodyRecord, DraftCondition, LicenceStatus
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.contacts.outcomes import ContactTypeCode
from probation.rules.custody.licence import (
    AdditionalCondition,
    ConditionCategory,
    check_can_activate,
    sentence_category,
    standard_conditions_on,
)
from probation.rules.errors import RuleError, RuleErrorCollector
from probation.rules.law.dated import day
from probation.rules.sentences.licences import TWELVE_MONTHS
from probation.sentences.law import law_settings
from probation.sentences.models import Licence, LicenceCondition

LICENCE = "custody_licence"
CONDITION = "custody_licence_condition"
CONFLICT = "This licence was changed in another window. Check it and make your change again."
TEXT_MAX = 2000
APPOINTMENT_MINUTES = 60


def _conflict(licence: CustodyLicence) -> ConflictError:
    return ConflictError(
        CONFLICT,
        changes=[
            FieldChange(
                label="Licence", theirs=licence.get_status_display(), by="another user", at=licence.updated_at
            )
        ],
    )


def _audit(
    actor: User, person: Person, object_type: str, object_id: int, action: AuditAction, **detail: object
) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=person.crn,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )


def _may_change(actor: User, person: Person, what: object) -> None:
    if not can_change_case(actor, person, Permission.LICENCE_MANAGE):
        raise NotFound(what)


def _licence_locked(
    actor: User, person: Person, custody_id: int, expected_version: int | None
) -> CustodyLicence:
    _may_change(actor, person, custody_id)
    licence = (
        CustodyLicence.objects.select_for_update(of=("self",))
        .select_related("custody__sentence", "custody__person")
        .filter(custody_id=custody_id, custody__person=person)
        .first()
    )
    if licence is None:
        raise NotFound(custody_id)
    if expected_version is not None and licence.version != expected_version:
        raise _conflict(licence)
    return licence


def _check_in_progress(licence: CustodyLicence) -> None:
    if licence.status != LicenceStatus.IN_PROGRESS:
        raise ServiceError(
            f"This licence is {licence.get_status_display().lower()}: it can no longer be drafted"
        )


def licence_start(*, actor: User, person: Person, custody_id: int) -> CustodyLicence:
    """Start drafting the licence; a second start (a double submit) returns the draft already there."""
    _may_change(actor, person, custody_id)
    with transaction.atomic():
        record = (
            CustodyRecord.objects.select_for_update()
            .filter(pk=custody_id, person=person)
            .select_related("person")
            .first()
        )
        if record is None:
            raise NotFound(custody_id)
        existing = CustodyLicence.objects.filter(custody=record).first()
        if existing is not None:
            return existing
        if Licence.objects.filter(sentence_id=record.sentence_id).exists():
            raise ServiceError("A licence is already recorded for this sentence on the sentence page")
        licence = CustodyLicence.objects.create(custody=record, created_by=actor)
        _audit(actor, person, LICENCE, licence.pk, AuditAction.CREATE, custody=record.pk)
    return licence


@dataclass(frozen=True)
class ConditionInput:
    category: str
    text: str
    justification: str
    victim_related: bool = False


def _check_condition(data: ConditionInput) -> ConditionInput:
    errors = RuleErrorCollector()
    with errors.check():
        if data.category not in ConditionCategory._value2member_map_:
            raise RuleError("Select the category of the condition", field="category")
    with errors.check():
        if not data.text.strip():
            raise RuleError("Enter the wording of the condition", field="text")
        if len(data.text) > TEXT_MAX:
            raise RuleError(f"The wording must be {TEXT_MAX:,} characters or fewer", field="text")
    with errors.check():
        if len(data.justification) > TEXT_MAX:
            raise RuleError(
                f"The justification must be {TEXT_MAX:,} characters or fewer", field="justification"
            )
    errors.raise_any()
    return ConditionInput(data.category, data.text.strip(), data.justification.strip(), data.victim_related)


def licence_condition_add(
    *, actor: User, person: Person, custody_id: int, expected_version: int, condition: ConditionInput
) -> DraftCondition:
    """Add an additional condition. The licence's version moves on, so the same form sent twice is
    refused as changed in another window rather than adding the condition twice."""
    data = _check_condition(condition)
    with transaction.atomic():
        licence = _licence_locked(actor, person, custody_id, expected_version)
        _check_in_progress(licence)
        ordinal = (licence.conditions.aggregate(last=Max("ordinal"))["last"] or 0) + 1
        row = DraftCondition.objects.create(
            licence=licence,
            category=data.category,
            text=data.text,
            justification=data.justification,
            victim_related=data.victim_related,
            ordinal=ordinal,
        )
        licence.version += 1
        licence.save(update_fields=["version", "updated_at"])
        _audit(
            actor,
            person,
            CONDITION,
            row.pk,
            AuditAction.CREATE,
            licence=licence.pk,
            category=data.category,
            justified=bool(data.justification),
            victim_related=data.victim_related,
        )
    return row


def _condition_locked(actor: User, person: Person, custody_id: int, condition_id: int) -> DraftCondition:
    _may_change(actor, person, condition_id)
    row = (
        DraftCondition.objects.select_for_update(of=("self",))
        .select_related("licence")
        .filter(pk=condition_id, licence__custody_id=custody_id, licence__custody__person=person)
        .first()
    )
    if row is None:
        raise NotFound(condition_id)
    return row


def licence_condition_change(
    *,
    actor: User,
    person: Person,
    custody_id: int,
    condition_id: int,
    expected_version: int,
    condition: ConditionInput,
) -> DraftCondition:
    data = _check_condition(condition)
    with transaction.atomic():
        row = _condition_locked(actor, person, custody_id, condition_id)
        if row.version != expected_version:
            raise ConflictError(
                CONFLICT,
                changes=[
                    FieldChange(label="Condition", theirs=row.text[:80], by="another user", at=row.updated_at)
                ],
            )
        _check_in_progress(row.licence)
        row.category, row.text, row.justification = data.category, data.text, data.justification
        row.victim_related = data.victim_related
        row.version += 1
        row.save()
        _audit(
            actor,
            person,
            CONDITION,
            row.pk,
            AuditAction.UPDATE,
            category=data.category,
            justified=bool(data.justification),
            version=row.version,
        )
    return row


def licence_condition_remove(
    *, actor: User, person: Person, custody_id: int, condition_id: int, expected_version: int
) -> None:
    with transaction.atomic():
        row = _condition_locked(actor, person, custody_id, condition_id)
        if row.version != expected_version:
            raise ConflictError(
                CONFLICT,
                changes=[
                    FieldChange(label="Condition", theirs=row.text[:80], by="another user", at=row.updated_at)
                ],
            )
        _check_in_progress(row.licence)
        pk, licence = row.pk, row.licence
        row.delete()
        licence.version += 1
        licence.save(update_fields=["version", "updated_at"])
        _audit(actor, person, CONDITION, pk, AuditAction.UPDATE, licence=licence.pk, removed=True)


def _check_release_date(record: CustodyRecord, released_on: dt.date, today: dt.date) -> None:
    if released_on > today:
        raise ServiceError(
            "The date of release cannot be in the future: record it on the day", field="released_on"
        )
    if released_on < record.sentence.sentence_date:
        raise ServiceError(
            f"The date of release must be on or after the sentence ({day(record.sentence.sentence_date)})",
            field="released_on",
        )


def _write_sentence_licence(
    licence: CustodyLicence, released_on: dt.date, standard: tuple[str, ...]
) -> Licence:
    """The sentences app's licence, with every condition starting on release (recall and contacts
    link to these)."""
    record = licence.custody
    led = record.prison_led or record.led
    months = record.sentence.custodial_months or record.term_months
    written = Licence.objects.create(
        sentence=record.sentence,
        supervision="licence" if months >= TWELVE_MONTHS else "post_sentence_supervision",
        release_date=released_on,
        conditional_release_date=record.prison_crd or record.crd,
        licence_expiry_date=led if led and led >= released_on else None,
        sentence_expiry_date=record.prison_sed or record.sed,
        releasing_prison=record.prison,
    )
    rows = [
        LicenceCondition(licence=written, kind="standard", text=text, start_date=released_on, ordinal=i)
        for i, text in enumerate(standard, start=1)
    ]
    rows += [
        LicenceCondition(
            licence=written,
            kind="additional",
            category=sentence_category(c.category),
            text=c.text,
            start_date=released_on,
            ordinal=len(standard) + i,
        )
        for i, c in enumerate(licence.conditions.all(), start=1)
    ]
    LicenceCondition.objects.bulk_create(rows)
    return written


def _book_first_appointment(actor: User, person: Person, licence: CustodyLicence, starts_at: dt.datetime):
    try:
        return appointment_book(
            actor=actor,
            crn=person.crn,
            details=ContactDetails(
                type_code=ContactTypeCode.INITIAL_APPOINTMENT,
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=APPOINTMENT_MINUTES),
                sentence_id=licence.custody.sentence_id,
            ),
            bank_holiday_confirmed=True,  # the day of release is fixed by law, not chosen
        )
    except ServiceError as error:
        raise ServiceError(error.message, field="appointment_time") from error


def licence_release(
    *,
    actor: User,
    person: Person,
    custody_id: int,
    expected_version: int,
    released_on: dt.date,
    appointment_time: dt.time,
    today: dt.date,
) -> CustodyLicence:
    """The person is released: the licence becomes active and the first appointment is booked for the
    day of release. Refused, with nothing written, if an additional condition lacks its justification."""
    with transaction.atomic():
        licence = _licence_locked(actor, person, custody_id, expected_version)
        _check_in_progress(licence)
        record = licence.custody
        conditions = list(licence.conditions.all())
        errors = RuleErrorCollector()
        with errors.check():
            _check_release_date(record, released_on, today)
        with errors.check():
            check_can_activate(AdditionalCondition(c.category, c.text, c.justification) for c in conditions)
        errors.raise_any()
        if Licence.objects.filter(sentence_id=record.sentence_id).exists():
            raise ServiceError("A licence is already recorded for this sentence on the sentence page")
        standard = standard_conditions_on(released_on, law_settings())
        written = _write_sentence_licence(licence, released_on, standard.rule)
        appointment = _book_first_appointment(
            actor, person, licence, london_datetime(released_on, appointment_time)
        )
        licence.status = LicenceStatus.ACTIVE
        licence.standard_key = standard.key
        licence.licence = written
        licence.released_on = released_on
        licence.first_appointment = appointment
        licence.activated_by = actor
        licence.version += 1
        licence.save()
        record.released_on = released_on
        record.version += 1
        record.save(update_fields=["released_on", "version", "updated_at"])
        _audit(
            actor,
            person,
            LICENCE,
            licence.pk,
            AuditAction.UPDATE,
            status=LicenceStatus.ACTIVE.value,
            licence=written.pk,
            standard=standard.key,
            additional=len(conditions),
            first_appointment=appointment.pk,
            version=licence.version,
        )
        # The VLO tells the victim the conditions that relate to them (victims.md): ids and counts only.
        key_event_occurred(
            person_id=person.pk,
            kind=KeyEventKind.LICENCE_CONDITIONS_SET,
            on=released_on,
            actor=actor,
            detail={
                "licence": written.pk,
                "custody": record.pk,
                "additional": len(conditions),
                "victim_related": sum(1 for c in conditions if c.victim_related),
            },
        )
        hooks.release_changed(
            person_id=person.pk, custody_id=record.pk, release_date=released_on, what="released"
        )
    return licence


def licence_recalled(
    *, person_id: int, kind: KeyEventKind, on: dt.date, actor: object = None, detail: dict
) -> None:
    """A recall decided on the sentence (enforcement, through core.key_events) makes its active licence
    *recalled*."""
    if kind != KeyEventKind.RECALLED or not detail.get("sentence"):
        return
    CustodyLicence.objects.filter(
        custody__sentence_id=detail["sentence"], custody__person_id=person_id, status=LicenceStatus.ACTIVE
    ).update(status=LicenceStatus.RECALLED, version=F("version") + 1)
