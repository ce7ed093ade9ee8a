"""Recording a drug or alcohol test and, later, its laboratory result (drug-testing.md § Recording
results, § Chain of custody, § Prescribed medication).

A test is recorded as a C240 "Drug test" contact with the outcome its state gives
(probation.rules.drug_testing.results): a presumptive instant result is TUKN (undetermined) until the
laboratory confirms it or the person admits use; a refusal or tampering is TRFS, a failure to comply
through the one rule (``counts_as_failure_to_comply``), and its enforcement case opens at once. A
confirmed or admitted positive records TDRT/TADM but opens nothing: the officer decides
(services/decisions.py). Every write is one transaction with its audit rows; a refusal writes nothing.
"""

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.outcomes import contact_open_enforcement
from probation.contacts.times import local
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import now, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.drug_testing.models import DrugTest, DrugTestEvent, SubstanceResult
from probation.drug_testing.selectors.bases import basis_sources, source_key
from probation.drug_testing.services.access import Writer, person_for_test
from probation.people.models import Person
from probation.rules.contacts.outcomes import ContactTypeCode, outcome
from probation.rules.drug_testing.bases import Basis, BasisSource, Method, bases_on, check_panel
from probation.rules.drug_testing.results import (
    OUTCOME_FOR_STATE,
    Reading,
    ResultState,
    SubstanceReading,
    check_lab_dates,
    check_readings,
    is_failure_to_comply,
    state_of,
)
from probation.rules.drug_testing.substances import Substance
from probation.rules.errors import RuleErrorCollector
from probation.sentences.models import LicenceCondition, Requirement, Sentence


@dataclass(frozen=True)
class ResultInput:
    substance: str
    instant: str = ""
    screening: str = ""
    confirmation: str = ""
    cutoff: str = ""


@dataclass(frozen=True)
class DrugTestInput:
    """What the record form collects."""

    basis_key: str
    method: str
    substances: Sequence[str]
    taken_at: dt.datetime
    place: str = ""
    sample_id: str = ""
    seal_number: str = ""
    observed: bool = False
    person_signed: bool = False
    tester_signed: bool = False
    cost_code: str = ""
    dispatched_on: dt.date | None = None
    no_medication: bool = False
    medication: str = ""
    refused: bool = False
    tampered: bool = False
    admitted: Sequence[str] = ()
    results: Sequence[ResultInput] = ()
    notes: str = ""


@dataclass(frozen=True)
class LabInput:
    """What the laboratory result form collects (the whole state of the later fields)."""

    lab_reference: str = ""
    dispatched_on: dt.date | None = None
    received_on: dt.date | None = None
    result_on: dt.date | None = None
    results: Sequence[ResultInput] = ()
    admitted: Sequence[str] = ()
    explained: Sequence[str] = ()
    verification_notes: str = ""
    chain_broken_reason: str = ""


def _enum(kind: type, value: str, errors: RuleErrorCollector, message: str, field_name: str):  # type: ignore[no-untyped-def,unused-ignore]
    try:
        return kind(value)
    except ValueError:
        errors.add(message, field=field_name)
        return None


def _substances(values: Sequence[str], errors: RuleErrorCollector, field_name: str) -> frozenset[Substance]:
    chosen = set()
    for value in values:
        substance = _enum(Substance, value, errors, "Choose substances from the list", field_name)
        if substance is not None:
            chosen.add(substance)
    return frozenset(chosen)


def _reading(value: str, errors: RuleErrorCollector, field_name: str) -> Reading | None:
    if not value:
        return None
    result: Reading | None = _enum(Reading, value, errors, "Choose a result from the list", field_name)
    return result


def _readings(results: Sequence[ResultInput], errors: RuleErrorCollector) -> list[SubstanceReading]:
    readings = []
    for row in results:
        substance = _enum(Substance, row.substance, errors, "Choose substances from the list", "substances")
        if substance is None:
            continue
        name = f"result_{row.substance}"
        readings.append(
            SubstanceReading(
                substance,
                _reading(row.instant, errors, name),
                _reading(row.screening, errors, name),
                _reading(row.confirmation, errors, name),
            )
        )
    return readings


def _source(
    person: Person, key: str, day: dt.date, writer: Writer, errors: RuleErrorCollector
) -> BasisSource | None:
    in_force = {source_key(s): s for s in bases_on(basis_sources(person), day)}
    source = in_force.get(key)
    if source is None:
        errors.add("Choose a basis for testing that the person has on the date of the test", field="basis")
    elif writer is Writer.APPROVED_PREMISES and source.basis is not Basis.APPROVED_PREMISES:
        errors.add(
            "Approved-premises staff test residents on the approved-premises basis only", field="basis"
        )
        return None
    return source


def _check_instant(
    data: DrugTestInput,
    method: Method | None,
    panel: frozenset[Substance],
    readings: list[SubstanceReading],
    errors: RuleErrorCollector,
) -> None:
    if data.refused and data.tampered:
        errors.add("Choose refused or tampered with, not both", field="refused")
    with errors.check():
        check_readings(tested=panel, readings=readings)
    if data.refused or data.tampered:
        if any(r.instant for r in readings):
            errors.add("A refused or tampered sample has no results", field="refused")
        return
    if method is not None and method in (Method.LAB_ORAL, Method.LAB_URINE):
        if any(r.instant for r in readings):
            errors.add("A sample sent to the laboratory has no instant result", field="method")
        return
    given = {r.substance for r in readings if r.instant}
    for substance in sorted(panel - given):
        errors.add(
            f"Enter the result for {substance.value.replace('_', ' ')}", field=f"result_{substance.value}"
        )


def _licence_sentence(person: Person) -> Sentence | None:
    """The sentence an approved-premises test is enforced under: the current licence's."""
    return (
        Sentence.objects.filter(person=person, terminated_on__isnull=True, licence__isnull=False)
        .order_by("-start_date", "-id")
        .first()
    )


def _links(person: Person, source: BasisSource) -> dict[str, Any]:
    if source.basis is Basis.DRR:
        requirement = Requirement.objects.select_related("sentence").get(pk=source.source_id)
        return {"requirement": requirement, "sentence": requirement.sentence}
    if source.basis in (Basis.LICENCE, Basis.PSS):
        condition = LicenceCondition.objects.select_related("licence__sentence").get(pk=source.source_id)
        return {"licence_condition": condition, "sentence": condition.licence.sentence}
    return {"sentence": _licence_sentence(person)}


def _event(test: DrugTest, actor: User, what: str) -> None:
    DrugTestEvent.objects.create(
        test=test, what=what, state=test.state, outcome=test.contact.outcome, actor=actor
    )


def _audit(actor: User, test: DrugTest, action: AuditAction, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        crn=test.person.crn,
        object_type="drug_test",
        object_id=test.pk,
        detail={"state": test.state, "outcome": test.contact.outcome, "version": test.version, **detail},
    )


def drug_test_record(*, actor: User, crn: str, data: DrugTestInput, submission_key: uuid.UUID) -> DrugTest:
    """Record a test that has been taken. The same form posted twice (same ``submission_key``) returns
    the first test and writes nothing more."""
    with transaction.atomic():
        person, writer = person_for_test(actor=actor, crn=crn)
        existing = DrugTest.objects.filter(submission_key=submission_key).select_related("person").first()
        if existing is not None:
            if existing.person_id != person.pk:
                raise NotFound(crn)
            return existing
        errors = RuleErrorCollector()
        day = local(data.taken_at).date()
        if data.taken_at > now():
            errors.add("The date and time taken must be in the past", field="taken_on")
        with errors.check():
            check_lab_dates(taken_on=day, today=today_uk(), dispatched_on=data.dispatched_on)
        source = _source(person, data.basis_key, day, writer, errors)
        method = _enum(Method, data.method, errors, "Choose how the sample was taken", "method")
        panel = _substances(data.substances, errors, "substances")
        admitted = _substances(data.admitted, errors, "admitted")
        if source is not None and method is not None:
            with errors.check():
                check_panel(basis=source.basis, method=method, substances=panel, on=day)
        if not data.no_medication and not data.medication.strip():
            errors.add("Record the medication declared, or that none was declared", field="medication")
        readings = _readings(data.results, errors)
        _check_instant(data, method, panel, readings, errors)
        errors.raise_any()
        assert source is not None
        assert method is not None
        given = {r.substance for r in readings}
        readings += [SubstanceReading(s) for s in sorted(panel - given)]
        state = state_of(readings=readings, refused=data.refused, tampered=data.tampered, admitted=admitted)
        test = _create(
            actor=actor,
            person=person,
            data=data,
            source=source,
            method=method,
            state=state,
            key=submission_key,
        )
        SubstanceResult.objects.bulk_create(
            SubstanceResult(test=test, substance=r.substance.value, instant=r.instant or "")
            for r in sorted(readings, key=lambda r: r.substance.value)
        )
        _event(test, actor, "recorded")
        _audit(actor, test, AuditAction.CREATE, contact=test.contact_id, basis=test.basis)
        enforcement = None
        if is_failure_to_comply(state):
            enforcement = contact_open_enforcement(actor=actor, contact=test.contact)
        if enforcement is None and not outcome(test.contact.outcome).acceptable:
            case_inputs_changed(person_id=person.pk, reason="drug test recorded", actor=actor)
    return test


def _create(
    *,
    actor: User,
    person: Person,
    data: DrugTestInput,
    source: BasisSource,
    method: Method,
    state: ResultState,
    key: uuid.UUID,
) -> DrugTest:
    links = _links(person, source)
    officer = actor.staff or person.officer
    if officer is None:
        raise ServiceError("Allocate the case before recording a test", field="basis")
    recorded_at = now()
    contact = Contact.objects.create(
        person=person,
        type=ContactTypeCode.DRUG_TEST.value,
        is_appointment=True,
        starts_at=data.taken_at,
        officer=officer,
        location=data.place.strip(),
        notes=data.notes.strip(),
        outcome=OUTCOME_FOR_STATE[state].value,
        outcome_recorded_at=recorded_at,
        outcome_recorded_by=actor,
        created_by=actor,
        **links,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=person.crn,
        object_type="contact",
        object_id=contact.pk,
        detail={"type": contact.type, "outcome": contact.outcome, "sentence": contact.sentence_id},
    )
    return DrugTest.objects.create(
        person=person,
        contact=contact,
        basis=source.basis.value,
        sentence=links.get("sentence"),
        requirement=links.get("requirement"),
        licence_condition=links.get("licence_condition"),
        ap_booking_id=source.source_id if source.basis is Basis.APPROVED_PREMISES else None,
        method=method.value,
        substances=sorted(s for s in data.substances),
        taken_at=data.taken_at,
        place=data.place.strip(),
        tester=actor,
        sample_id=data.sample_id.strip(),
        seal_number=data.seal_number.strip(),
        observed=data.observed,
        person_signed=data.person_signed,
        tester_signed=data.tester_signed,
        cost_code=data.cost_code.strip(),
        dispatched_on=data.dispatched_on,
        no_medication=data.no_medication,
        medication="" if data.no_medication else data.medication.strip(),
        refused=data.refused,
        tampered=data.tampered,
        admitted_substances=sorted(data.admitted),
        state=state.value,
        submission_key=key,
        created_by=actor,
    )


def drug_test_locked(*, person: Person, test_id: int, expected_version: int) -> DrugTest:
    test = (
        DrugTest.objects.select_for_update(of=("self",))
        .select_related("contact", "person")
        .filter(person=person, pk=test_id)
        .first()
    )
    if test is None:
        raise NotFound(test_id)
    if test.version != expected_version:
        raise ConflictError(
            "This test was changed in another window after you opened it: check it and try again", changes=[]
        )
    return test


def drug_test_record_lab_result(
    *, actor: User, crn: str, test_id: int, expected_version: int, data: LabInput
) -> DrugTest:
    """Record the laboratory's screening and confirmation results (and an admission, a verified
    prescription or a break in the chain of custody). The state and the contact's outcome follow; the
    history keeps each step. Refused once the officer has decided on the result."""
    with transaction.atomic():
        person, writer = person_for_test(actor=actor, crn=crn)
        test = drug_test_locked(person=person, test_id=test_id, expected_version=expected_version)
        if writer is Writer.APPROVED_PREMISES and test.basis != Basis.APPROVED_PREMISES:
            raise NotFound(test_id)
        if test.decision:
            raise ServiceError("The officer has decided on this result: it can no longer change")
        if test.refused or test.tampered:
            raise ServiceError("A refused or tampered sample has no laboratory result")
        errors = RuleErrorCollector()
        with errors.check():
            check_lab_dates(
                taken_on=local(test.taken_at).date(),
                today=today_uk(),
                dispatched_on=data.dispatched_on,
                received_on=data.received_on,
                result_on=data.result_on,
            )
        panel = frozenset(Substance(s) for s in test.substances)
        lab = _readings(data.results, errors)
        admitted = _substances(data.admitted, errors, "admitted")
        explained = _substances(data.explained, errors, "explained")
        with errors.check():
            check_readings(tested=panel, readings=lab)
        if any(r.screening or r.confirmation for r in lab) and data.result_on is None:
            errors.add("Enter the date of the laboratory result", field="result_on")
        if explained and not data.verification_notes.strip():
            errors.add("Say how the prescription was verified", field="verification_notes")
        if explained - panel:
            errors.add("A prescription can explain only a substance tested for", field="explained")
        errors.raise_any()
        state = _apply_lab(test, data, lab, admitted, explained)
        changed = state.value != test.state
        test.state = state.value
        test.version += 1
        test.save()
        new_outcome = OUTCOME_FOR_STATE[state].value
        contact = test.contact
        if contact.outcome != new_outcome:
            contact.outcome, contact.outcome_recorded_at, contact.outcome_recorded_by = (
                new_outcome,
                now(),
                actor,
            )
            contact.version += 1
            contact.save(
                update_fields=[
                    "outcome",
                    "outcome_recorded_at",
                    "outcome_recorded_by",
                    "version",
                    "updated_at",
                ]
            )
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=person.crn,
                object_type="contact",
                object_id=contact.pk,
                detail={"outcome": new_outcome, "version": contact.version},
            )
            case_inputs_changed(person_id=person.pk, reason="drug test result", actor=actor)
        _event(test, actor, "laboratory result" if changed or lab else "updated")
        _audit(actor, test, AuditAction.UPDATE)
    return test


def _apply_lab(
    test: DrugTest,
    data: LabInput,
    lab: list[SubstanceReading],
    admitted: frozenset[Substance],
    explained: frozenset[Substance],
) -> ResultState:
    rows = {r.substance: r for r in test.results.all()}
    given = {r.substance.value: r for r in lab}
    cutoffs = {r.substance: r.cutoff.strip() for r in data.results}
    readings = []
    for name, row in rows.items():
        reading = given.get(name)
        row.screening = reading.screening.value if reading and reading.screening else ""
        row.confirmation = reading.confirmation.value if reading and reading.confirmation else ""
        row.cutoff = cutoffs.get(name, row.cutoff)
        row.save(update_fields=["screening", "confirmation", "cutoff"])
        readings.append(
            SubstanceReading(
                Substance(name),
                Reading(row.instant) if row.instant else None,
                Reading(row.screening) if row.screening else None,
                Reading(row.confirmation) if row.confirmation else None,
            )
        )
    test.lab_reference = data.lab_reference.strip()
    test.dispatched_on = data.dispatched_on
    test.lab_received_on = data.received_on
    test.result_on = data.result_on
    test.admitted_substances = sorted(s.value for s in admitted)
    test.explained_substances = sorted(s.value for s in explained)
    test.verification_notes = data.verification_notes.strip()
    test.chain_broken_reason = data.chain_broken_reason.strip()
    return state_of(
        readings=readings,
        admitted=admitted,
        explained=explained,
        chain_broken=bool(test.chain_broken_reason),
    )
