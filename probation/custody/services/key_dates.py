"""Writes of a prisoner's custody record: the release inputs and the proposed dates, confirming them or
recording the prison's dates with a reason, and the nightly recalculation (custody-release.md).

The dates come from the pure rules (probation.rules.custody); the rule versions in force are read with
today's corrections from settings (probation.sentences.law, ADR 0030). Every change is audited here; a
change of the release date tells the apps above through ``probation.custody.hooks`` on commit.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now, today_uk
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.custody import hooks
from probation.custody.models import CustodyRecord, DatesStatus
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.custody.handover import HandoverCase, handover_for
from probation.rules.custody.key_dates import (
    CustodialTerm,
    HdcExclusion,
    KeyDates,
    ReleaseSentenceType,
    compute_key_dates,
)
from probation.rules.custody.law import OffenceFlag
from probation.rules.errors import RuleError, RuleErrorCollector
from probation.rules.law.dated import LawSettings, day
from probation.sentences.law import law_settings
from probation.sentences.models import Sentence
from probation.sentences.models.choices import SentenceType

CONFLICT = "Someone else changed this custody record while you were working on it"
DATE_FIELDS = ("crd", "ped", "led", "sed", "hdced", "ted", "tused")
PRISON_FIELDS = ("prison_crd", "prison_ped", "prison_led", "prison_sed", "prison_hdced")


@dataclass(frozen=True)
class ReleaseInputs:
    release_type: str
    term_months: int
    term_days: int = 0
    extension_months: int = 0
    age_at_sentence: int = 30
    offence_flags: tuple[str, ...] = ()
    hdc_exclusions: tuple[str, ...] = ()
    remand_days: int = 0
    tagged_bail_days: int = 0
    added_days: int = 0
    referred_s244zb: bool = False
    prison: str = ""
    pom_name: str = ""
    early_allocation: bool = False
    enhanced_resourcing: bool | None = None
    immigration: bool = False
    open_conditions_from: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


INPUT_FIELDS = tuple(f for f in ReleaseInputs.__dataclass_fields__ if f != "extra")


def custodial_term(record: CustodyRecord, sentence_date: dt.date) -> CustodialTerm:
    return CustodialTerm(
        type=ReleaseSentenceType(record.release_type),
        sentence_date=sentence_date,
        months=record.term_months,
        days=record.term_days,
        extension_months=record.extension_months,
        age_at_sentence=record.age_at_sentence,
        offences=frozenset(OffenceFlag(f) for f in record.offence_flags),
        hdc_exclusions=frozenset(HdcExclusion(e) for e in record.hdc_exclusions),
        remand_days=record.remand_days,
        tagged_bail_days=record.tagged_bail_days,
        added_days=record.added_days,
        referred_s244zb=record.referred_s244zb,
    )


def handover_case(record: CustodyRecord, dates: KeyDates, sentence_start: dt.date) -> HandoverCase:
    return HandoverCase(
        sentence_start=sentence_start,
        earliest_release=dates.earliest_release if not record.calculation_error else None,
        indeterminate=dates.indeterminate,
        has_ped=dates.ped is not None and not dates.indeterminate,
        early_allocation=record.early_allocation,
        immigration=record.immigration,
        open_conditions_from=record.open_conditions_from,
        enhanced_resourcing=record.enhanced_resourcing,
    )


def stored_key_dates(record: CustodyRecord) -> KeyDates:
    """The dates in use: the prison's where recorded, else the proposed."""
    prison = record.dates_status == DatesStatus.PRISON_DATES
    values = {
        name: (getattr(record, f"prison_{name}") if prison and f"prison_{name}" in PRISON_FIELDS else None)
        or getattr(record, name)
        for name in DATE_FIELDS
    }
    return KeyDates(**values, indeterminate=record.release_type in ("life", "ipp"))


def _release_date(record: CustodyRecord) -> dt.date | None:
    if record.dates_status == DatesStatus.PRISON_DATES:
        return record.prison_crd or record.prison_ped
    return record.crd or record.ped or record.ted


def calculate(record: CustodyRecord, sentence: Sentence, *, settings: LawSettings, today: dt.date) -> bool:
    """Work out the proposed dates and the handover on ``record`` (not saved). True if anything the
    lists use changed. A refusal is kept as ``calculation_error`` (the inputs need correcting)."""
    before = (*(getattr(record, n) for n in DATE_FIELDS), record.release_date, record.handover_date)
    try:
        dates = compute_key_dates(custodial_term(record, sentence.sentence_date), settings=settings)
        record.calculation_error = ""
    except RuleError as error:
        dates = KeyDates()
        record.calculation_error = "; ".join(e.message for e in error.errors)
    for name in DATE_FIELDS:
        setattr(record, name, getattr(dates, name))
    record.steps = list(dates.steps)
    record.rule_keys = list(dates.rule_keys)
    record.calculated_on = today
    record.release_date = _release_date(record)
    in_use = stored_key_dates(record)
    handover = handover_for(handover_case(record, in_use, sentence.start_date))
    record.handover_date, record.handover_start = handover.date, handover.start
    record.handover_rule, record.handover_type = handover.rule[:200], handover.type.value
    after = (*(getattr(record, n) for n in DATE_FIELDS), record.release_date, record.handover_date)
    return before != after


def _check_inputs(inputs: ReleaseInputs, sentence: Sentence) -> None:
    """Refuse what the rules refuse (the reason beside its field), before anything is written."""
    errors = RuleErrorCollector()
    with errors.check():
        if inputs.release_type not in {t.value for t in ReleaseSentenceType}:
            raise ServiceError("Select the type of sentence", field="release_type")
    with errors.check():
        for flag in (*inputs.offence_flags, *inputs.hdc_exclusions):
            if flag not in {f.value for f in OffenceFlag} | {e.value for e in HdcExclusion}:
                raise ServiceError("Select only the listed offence types", field="offence_flags")
    errors.raise_any()
    probe = CustodyRecord(**{name: getattr(inputs, name) for name in INPUT_FIELDS})
    compute_key_dates(custodial_term(probe, sentence.sentence_date), settings=law_settings())


def custody_audit(
    actor: User | None, record: CustodyRecord, action: AuditAction, detail: dict[str, Any]
) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=record.person.crn,
        object_type="custody",
        object_id=record.pk,
        detail={**detail, "version": record.version},
    )


def _save_and_tell(record: CustodyRecord, release_before: dt.date | None, actor: User) -> None:
    record.save()
    if record.release_date != release_before:
        if record.release_date is not None:
            # The victim contact scheme hears of it in this transaction (victims.md: the COM tells
            # the VLO of the release date); ids only, never the prison or the release address.
            key_event_occurred(
                person_id=record.person_id,
                kind=KeyEventKind.RELEASE_DATE_SET,
                on=record.release_date,
                actor=actor,
                detail={"custody": record.pk},
            )
        hooks.release_changed(
            person_id=record.person_id,
            custody_id=record.pk,
            release_date=record.release_date,
            what="release_date",
        )


def custody_record_create(
    *, actor: User, person: Person, sentence_id: int, inputs: ReleaseInputs
) -> CustodyRecord:
    """Start the custody record of a custodial sentence with its release inputs and proposed dates."""
    if not can_change_case(actor, person, Permission.CUSTODY_MANAGE):
        raise NotFound(person.crn)
    with transaction.atomic():
        sentence = (
            Sentence.objects.select_for_update()
            .filter(pk=sentence_id, person=person, type=SentenceType.CUSTODIAL)
            .first()
        )
        if sentence is None:
            raise ServiceError("Select a custodial sentence", field="sentence")
        if CustodyRecord.objects.filter(sentence=sentence).exists():
            raise ServiceError("This sentence already has its custody record", field="sentence")
        _check_inputs(inputs, sentence)
        record = CustodyRecord(
            person=person, sentence=sentence, **{n: getattr(inputs, n) for n in INPUT_FIELDS}
        )
        calculate(record, sentence, settings=law_settings(), today=today_uk())
        _save_and_tell(record, None, actor)
        custody_audit(
            actor,
            record,
            AuditAction.CREATE,
            {"sentence": sentence.pk, "release_date": str(record.release_date)},
        )
    return record


def custody_locked(actor: User, person: Person, custody_id: int, expected_version: int) -> CustodyRecord:
    if not can_change_case(actor, person, Permission.CUSTODY_MANAGE):
        raise NotFound(custody_id)
    record = (
        CustodyRecord.objects.select_for_update(of=("self",))
        .select_related("person", "sentence", "confirmed_by")
        .filter(pk=custody_id, person=person)
        .first()
    )
    if record is None:
        raise NotFound(custody_id)
    if record.version != expected_version:
        raise ConflictError(
            CONFLICT,
            changes=[
                FieldChange(
                    label="Key dates",
                    theirs=record.get_dates_status_display(),
                    by=str(record.confirmed_by or "another user"),
                    at=record.updated_at,
                )
            ],
        )
    return record


def custody_inputs_update(
    *, actor: User, person: Person, custody_id: int, expected_version: int, inputs: ReleaseInputs
) -> CustodyRecord:
    """Change the release inputs: the dates are worked out again and must be confirmed again."""
    with transaction.atomic():
        record = custody_locked(actor, person, custody_id, expected_version)
        _check_inputs(inputs, record.sentence)
        release_before = record.release_date
        for name in INPUT_FIELDS:
            setattr(record, name, getattr(inputs, name))
        record.dates_status = DatesStatus.PROPOSED
        record.confirmed_by, record.confirmed_at = None, None
        for name in PRISON_FIELDS:
            setattr(record, name, None)
        record.difference_reason = ""
        calculate(record, record.sentence, settings=law_settings(), today=today_uk())
        record.version += 1
        _save_and_tell(record, release_before, actor)
        custody_audit(
            actor, record, AuditAction.UPDATE, {"inputs": True, "release_date": str(record.release_date)}
        )
    return record


def key_dates_confirm(
    *, actor: User, person: Person, custody_id: int, expected_version: int
) -> CustodyRecord:
    """Staff confirm the proposed dates (they agree with the prison's)."""
    with transaction.atomic():
        record = custody_locked(actor, person, custody_id, expected_version)
        if record.calculation_error:
            raise ServiceError(f"These dates cannot be confirmed: {record.calculation_error}")
        release_before = record.release_date
        record.dates_status = DatesStatus.CONFIRMED
        record.confirmed_by, record.confirmed_at = actor, now()
        for name in PRISON_FIELDS:
            setattr(record, name, None)
        record.difference_reason = ""
        record.release_date = _release_date(record)
        calculate(record, record.sentence, settings=law_settings(), today=today_uk())
        record.version += 1
        _save_and_tell(record, release_before, actor)
        custody_audit(actor, record, AuditAction.UPDATE, {"dates": "confirmed"})
    return record


def _check_prison_dates(dates: dict[str, dt.date | None], reason: str, sentence_date: dt.date) -> None:
    errors = RuleErrorCollector()
    release = dates.get("prison_crd") or dates.get("prison_ped")
    with errors.check():
        if not any(dates.values()):
            raise ServiceError("Enter at least one of the prison's dates", field="prison_crd")
    for name in PRISON_FIELDS:
        value = dates.get(name)
        with errors.check():
            if value is not None and value < sentence_date:
                raise ServiceError(
                    f"The date cannot be before the date of sentence ({day(sentence_date)})", field=name
                )
    for name in ("prison_led", "prison_sed"):
        value = dates.get(name)
        with errors.check():
            if value is not None and release is not None and value < release:
                raise ServiceError(f"The date cannot be before release ({day(release)})", field=name)
    with errors.check():
        hdced, crd = dates.get("prison_hdced"), dates.get("prison_crd")
        if hdced is not None and crd is not None and hdced >= crd:
            raise ServiceError("The HDC eligibility date must be before the CRD", field="prison_hdced")
    with errors.check():
        if not reason.strip():
            raise ServiceError("Enter why the prison's dates differ from the proposed dates", field="reason")
    errors.raise_any()


def prison_dates_record(
    *,
    actor: User,
    person: Person,
    custody_id: int,
    expected_version: int,
    dates: dict[str, dt.date | None],
    reason: str,
) -> CustodyRecord:
    """Record the prison's dates where they differ, with the reason; they become the dates in use."""
    with transaction.atomic():
        record = custody_locked(actor, person, custody_id, expected_version)
        _check_prison_dates(dates, reason, record.sentence.sentence_date)
        release_before = record.release_date
        for name in PRISON_FIELDS:
            setattr(record, name, dates.get(name))
        record.difference_reason = reason.strip()
        record.dates_status = DatesStatus.PRISON_DATES
        record.confirmed_by, record.confirmed_at = actor, now()
        calculate(record, record.sentence, settings=law_settings(), today=today_uk())
        record.version += 1
        _save_and_tell(record, release_before, actor)
        custody_audit(
            actor,
            record,
            AuditAction.UPDATE,
            {"dates": "prison", **{k: str(v) for k, v in dates.items() if v is not None}},
        )
    return record
