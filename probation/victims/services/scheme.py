"""Cases entering the scheme and the key stages that reach the victim liaison unit (victims.md §
Eligibility, § What the COM must tell the VLO; issue 15 items 1 and 4).

``key_event_record`` is registered in ``VictimsConfig.ready`` as a listener of
``core.key_events``: the sentences, enforcement and people services (and custody, when it lands)
call ``key_event_occurred`` in their own transaction, and this runs in it. A sentence for a violent
or sexual offence with 12 months or more in custody brings the case in (statutory), with the first
contact due 40 working days after sentence; every other event on a case in the scheme becomes a task
on the unit's list, told that day.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.date_checks import date_not_future
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.key_events import KeyEventKind
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.rules.sentences.licences import SentenceKind
from probation.rules.victims.eligibility import (
    Basis,
    Scheme,
    SentenceFacts,
    first_contact_due,
    statutory_eligibility,
)
from probation.sentences.models import Event, Sentence
from probation.sentences.models.choices import SentenceType
from probation.victims.models import KeyStageTask, SchemeCase
from probation.victims.selectors.scope import scheme_cases_visible_to, vlo_region_id

SCHEME_CASE = "victim_scheme_case"
TASK = "victim_task"
REASON_MAX = 2000


def sentence_facts(sentence: Sentence, codes: list[str]) -> SentenceFacts:
    return SentenceFacts(
        offence_codes=tuple(codes),
        custodial=sentence.type == SentenceType.CUSTODIAL,
        custodial_months=sentence.custodial_months,
        indeterminate=sentence.type == SentenceType.CUSTODIAL and sentence.kind == SentenceKind.INDETERMINATE,
    )


def _region_id(person: Person) -> int:
    return Person.objects.filter(pk=person.pk).values_list("pdu__region_id", flat=True).get()


def scheme_enter_from_sentence(*, event_id: int, actor: User | None) -> SchemeCase | None:
    """Bring the conviction's case into the statutory scheme if it qualifies (once per conviction)."""
    event = Event.objects.select_related("person", "sentence").filter(pk=event_id).first()
    if event is None or SchemeCase.objects.filter(event=event).exists():
        return None
    sentence = getattr(event, "sentence", None)
    if sentence is None:
        return None
    codes = list(event.offences.values_list("ho_code", flat=True))
    found = statutory_eligibility(sentence_facts(sentence, codes))
    if not found.eligible or found.basis is None:
        return None
    case = SchemeCase.objects.create(
        person=event.person,
        event=event,
        scheme=Scheme.STATUTORY,
        basis=found.basis,
        sentence_date=sentence.sentence_date,
        first_contact_due=first_contact_due(Scheme.STATUTORY, sentence.sentence_date),
        region_id=_region_id(event.person),
        entered_on=clock.today_uk(),
    )
    KeyStageTask.objects.create(
        scheme_case=case,
        kind=KeyEventKind.SENTENCED,
        event_date=sentence.sentence_date,
        told_on=case.entered_on,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=event.person.crn,
        object_type=SCHEME_CASE,
        object_id=case.pk,
        detail={
            "scheme": case.scheme,
            "basis": case.basis,
            "event": event.pk,
            "due": case.first_contact_due.isoformat(),
        },
    )
    return case


def key_event_record(
    *, person_id: int, kind: KeyEventKind, on: dt.date, actor: Any = None, detail: dict[str, Any]
) -> None:
    """The listener (core.key_events): a sentence may bring the case in; any event on a case in the
    scheme is a task on its unit's list, told today. A move of area moves the case to the new
    region's unit."""
    if kind == KeyEventKind.SENTENCED and "event" in detail:
        scheme_enter_from_sentence(event_id=int(detail["event"]), actor=actor)
        return
    cases = list(SchemeCase.objects.open().select_for_update().filter(person_id=person_id))
    if not cases:
        return
    today = clock.today_uk()
    region, crn = Person.objects.filter(pk=person_id).values_list("pdu__region_id", "crn").get()
    for case in cases:
        if kind == KeyEventKind.TRANSFERRED and case.region_id != region:
            case.region_id = region
            case.vlo = None  # the new region's unit allocates its own VLO
            case.version += 1
            case.save(update_fields=["region", "vlo", "version", "updated_at"])
        task = KeyStageTask.objects.create(scheme_case=case, kind=kind, event_date=on, told_on=today)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=TASK,
            object_id=task.pk,
            detail={"scheme_case": case.pk, "kind": kind.value, "event_date": on.isoformat()},
        )


def scheme_case_add(
    *, actor: User, crn: str, scheme: str, reason: str, sentence_date: dt.date, event_id: int | None = None
) -> SchemeCase:
    """Add a discretionary or non-statutory case by hand, with the reason (victims.md § Eligibility):
    only a VLO, only for a case of their own region, once per conviction."""
    if scheme not in (Scheme.DISCRETIONARY, Scheme.NON_STATUTORY, Scheme.STATUTORY):
        raise ServiceError("Select the scheme", field="scheme")
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter why the case is in the scheme", field="reason")
    if len(reason) > REASON_MAX:
        raise ServiceError(f"Reason must be {REASON_MAX:,} characters or fewer", field="reason")
    date_not_future(sentence_date, field="sentence_date", label="Date of sentence")
    region = vlo_region_id(actor)
    if region is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
        raise NotFound(crn)
    with transaction.atomic():
        person = (
            people_visible_to(actor)
            .select_for_update()
            .filter(crn=crn.strip().upper(), pdu__region_id=region)
            .first()
        )
        if person is None:
            raise ServiceError("Enter the CRN of a case in your region", field="crn")
        event = None
        if event_id is not None:
            event = Event.objects.filter(person=person, pk=event_id).first()
            if event is None:
                raise ServiceError("Select a conviction of this case", field="event")
            if SchemeCase.objects.filter(event=event).exists():
                raise ServiceError("This conviction is already in the scheme", field="event")
        elif SchemeCase.objects.open().filter(person=person, event__isnull=True).exists():
            raise ServiceError("This case is already in the scheme", field="crn")
        case = SchemeCase.objects.create(
            person=person,
            event=event,
            scheme=scheme,
            basis=Basis.ADDED_BY_HAND,
            reason=reason,
            sentence_date=sentence_date,
            first_contact_due=first_contact_due(Scheme(scheme), sentence_date),
            region_id=region,
            entered_on=clock.today_uk(),
            added_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type=SCHEME_CASE,
            object_id=case.pk,
            detail={
                "scheme": scheme,
                "basis": case.basis,
                "event": event_id,
                "due": case.first_contact_due.isoformat(),
            },
        )
    return case


def scheme_case_take(*, actor: User, case_id: int, expected_version: int) -> SchemeCase:
    """The VLO takes the case as its liaison officer (the offender manager sees their name)."""
    with transaction.atomic():
        case = scheme_cases_visible_to(actor).select_for_update().filter(pk=case_id).first()
        if case is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
            raise NotFound(case_id)
        check_version(case, expected_version)
        case.vlo = actor.staff
        case.version += 1
        case.save(update_fields=["vlo", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=case.person.crn,
            object_type=SCHEME_CASE,
            object_id=case.pk,
            detail={"vlo": actor.staff.code if actor.staff else None, "version": case.version},
        )
    return case


def task_complete(*, actor: User, task_id: int) -> KeyStageTask:
    with transaction.atomic():
        task = (
            KeyStageTask.objects.select_for_update()
            .select_related("scheme_case__person")
            .filter(pk=task_id, scheme_case__in=scheme_cases_visible_to(actor))
            .first()
        )
        if task is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
            raise NotFound(task_id)
        if task.done_on is not None:
            raise ServiceError("This task is already done")
        task.done_on = clock.today_uk()
        task.done_by = actor
        task.save(update_fields=["done_on", "done_by"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=task.scheme_case.person.crn,
            object_type=TASK,
            object_id=task.pk,
            detail={"done_on": task.done_on.isoformat()},
        )
    return task


CONFLICT = (
    "Someone else changed this record while you were editing. Your changes have not been saved. "
    "Check the record and make your changes again."
)


def check_version(instance: Any, expected_version: int) -> None:
    """Optimistic locking (ADR 0005) without the offender's change history: what another VLO changed
    is victim data, so the conflict names no values."""
    if instance.version != expected_version:
        raise ConflictError(CONFLICT, changes=[])
