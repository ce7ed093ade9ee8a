"""Resulting a hearing (court-reports.md § Court liaison, issue 11 item 6).

After the hearing a court officer of the court's PDU records its outcome: the workflow is
New → In progress → Resulted, and the hearing may be assigned to a member of the court team. A
*probation sentence* records the conviction, its sentence and requirements through sentences'
``event_create`` (its checks, not a copy of them), closes the person's open report request and puts
the case where it will be allocated, all in one transaction: a refused sentence writes nothing.

Where the case goes: a person with no responsible officer is managed from the court's PDU, with no
team yet, so the case is on that PDU's unallocated list; a person already supervised keeps their
officer (the new event shows on their case). A person supervised in another PDU is refused here:
only their own PDU may change their case (people.policy.can_change_case).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import ConflictError, FieldChange, NotFound, ServiceError
from probation.court.models import Court, Hearing, Outcome, ResultStatus
from probation.court.policy import courts_resultable_by
from probation.court.selectors.resulting import OPEN_REQUEST_STATUSES, court_team
from probation.people.models import Allocation, Person
from probation.people.policy import people_visible_to
from probation.reports.models import ReportRequest, RequestStatus
from probation.sentences.models import Event
from probation.sentences.services.events import OffenceInput, RequirementInput, SentenceInput, event_create

CONFLICT = (
    "Someone else changed this hearing’s result while you were editing. Your changes have not been "
    "saved. Check their changes below and make your changes again."
)
ALREADY_RESULTED = "This hearing has already been resulted"
OBJECT = "hearing_result"


@dataclass(frozen=True)
class SentenceResult:
    """What the court passed, as the conviction-and-sentence form reads it."""

    conviction_date: dt.date
    court: str
    main_offence: OffenceInput
    sentence: SentenceInput
    additional_offences: Sequence[OffenceInput] = ()
    requirements: Sequence[RequirementInput] = ()


def _conflict(hearing: Hearing) -> ConflictError:
    by = str(hearing.resulted_by or hearing.result_assigned_to or "Another user")
    at = hearing.resulted_at or hearing.updated_at
    return ConflictError(
        CONFLICT,
        changes=[
            FieldChange(label="Status", theirs=hearing.get_result_status_display(), by=by, at=at),
            FieldChange(label="Outcome", theirs=hearing.get_outcome_display() or "(none)", by=by, at=at),
            FieldChange(
                label="Assigned to", theirs=str(hearing.result_assigned_to or "(nobody)"), by=by, at=at
            ),
        ],
    )


def _hearing_for_change(*, actor: User, hearing_id: int, expected_version: int) -> Hearing:
    hearing = (
        # Lock the hearing row only: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
        Hearing.objects.select_for_update(of=("self",))
        .select_related("court_list__court__pdu", "person", "result_assigned_to", "resulted_by")
        .filter(pk=hearing_id, court_list__court__in=courts_resultable_by(actor))
        .first()
    )
    if hearing is None:
        raise NotFound(hearing_id)
    if hearing.version != expected_version:
        raise _conflict(hearing)
    if hearing.result_status == ResultStatus.RESULTED:
        raise ServiceError(ALREADY_RESULTED)
    return hearing


def _assignee(court: Court, assigned_to_id: int | None) -> User | None:
    if assigned_to_id is None:
        return None
    user = court_team(court=court).filter(pk=assigned_to_id).first()
    if user is None:
        raise ServiceError("Select a member of the court team", field="assigned_to")
    return user


def _audit(actor: User, hearing: Hearing, detail: dict[str, object]) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=hearing.person.crn if hearing.person else "",
        object_type=OBJECT,
        object_id=hearing.pk,
        detail={"status": hearing.result_status, "version": hearing.version, **detail},
    )


def hearing_result_update(
    *,
    actor: User,
    hearing_id: int,
    expected_version: int,
    assigned_to_id: int | None,
    outcome: str,
    notes: str,
) -> Hearing:
    """Assign the hearing and keep notes (it is then in progress), or result it with any outcome but
    a probation sentence, which is recorded with its sentence (``hearing_result_sentence``)."""
    if outcome and outcome not in Outcome.values:
        raise ServiceError("Select the outcome", field="outcome")
    if outcome == Outcome.PROBATION_SENTENCE:
        raise ServiceError("Record the probation sentence with its sentence", field="outcome")
    with transaction.atomic():
        hearing = _hearing_for_change(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
        hearing.result_assigned_to = _assignee(hearing.court_list.court, assigned_to_id)
        hearing.result_notes = notes.strip()
        if outcome:
            hearing.outcome = outcome
            hearing.result_status = ResultStatus.RESULTED
            hearing.resulted_by = actor
            hearing.resulted_at = clock.now()
        else:
            hearing.result_status = ResultStatus.IN_PROGRESS
        hearing.version += 1
        hearing.save()
        _audit(actor, hearing, {"outcome": outcome, "assigned_to": assigned_to_id})
    return hearing


def _bring_to_court_pdu(*, actor: User, person: Person, court: Court) -> bool:
    """A person with no responsible officer is managed from the court's PDU with no team yet (its
    unallocated list). Returns whether the case moved."""
    if person.officer_id is not None or person.pdu_id == court.pdu_id:
        return False
    moment = clock.now()
    Allocation.objects.filter(person=person, ended_at__isnull=True).update(ended_at=moment)
    Person.objects.filter(pk=person.pk).update(pdu=court.pdu, team=None)
    audit_record(
        actor=actor,
        action=AuditAction.ALLOCATE,
        crn=person.crn,
        object_type="allocation",
        object_id=person.pk,
        detail={"pdu": court.pdu.code, "from_pdu": person.pdu.code, "reason": "sentenced at court"},
    )
    return True


def _close_request(*, actor: User, person: Person) -> ReportRequest | None:
    request = (
        ReportRequest.objects.select_for_update()
        .filter(person=person, status__in=OPEN_REQUEST_STATUSES)
        .order_by("-requested_on", "-id")
        .first()
    )
    if request is None:
        return None
    request.status = RequestStatus.CLOSED
    request.version += 1
    request.save(update_fields=["status", "version", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=person.crn,
        object_type="report_request",
        object_id=request.pk,
        detail={"status": RequestStatus.CLOSED, "reason": "sentenced"},
    )
    return request


def _person_for_sentence(*, actor: User, hearing: Hearing) -> Person:
    if hearing.person_id is None:
        raise ServiceError("Confirm the defendant’s record before recording a probation sentence")
    person = (
        people_visible_to(actor)
        .select_for_update(of=("self",))  # the person only, not their PDU's row
        .select_related("pdu")
        .filter(pk=hearing.person_id)
        .first()
    )
    if person is None:
        raise NotFound(hearing.person_id)
    court = hearing.court_list.court
    if person.officer_id is not None and person.pdu_id != court.pdu_id:
        raise ServiceError(
            f"This person is supervised in {person.pdu.name}: their officer’s PDU records the sentence. "
            "Record the outcome as other and tell their officer"
        )
    return person


def hearing_result_sentence(
    *, actor: User, hearing_id: int, expected_version: int, result: SentenceResult, notes: str = ""
) -> Event:
    """Result the hearing with a probation sentence: the event, its sentence and requirements, the
    report request closed and the case placed for allocation, or nothing at all."""
    with transaction.atomic():
        hearing = _hearing_for_change(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
        person = _person_for_sentence(actor=actor, hearing=hearing)
        moved = _bring_to_court_pdu(actor=actor, person=person, court=hearing.court_list.court)
        event = event_create(
            actor=actor,
            crn=person.crn,
            conviction_date=result.conviction_date,
            court=result.court,
            main_offence=result.main_offence,
            sentence=result.sentence,
            additional_offences=result.additional_offences,
            requirements=result.requirements,
        )
        request = _close_request(actor=actor, person=person)
        hearing.outcome = Outcome.PROBATION_SENTENCE
        hearing.result_status = ResultStatus.RESULTED
        hearing.result_event = event
        hearing.closed_request = request
        hearing.result_notes = notes.strip()
        hearing.resulted_by = actor
        hearing.resulted_at = clock.now()
        hearing.version += 1
        hearing.save()
        _audit(
            actor,
            hearing,
            {
                "outcome": Outcome.PROBATION_SENTENCE,
                "event": event.pk,
                "report_request": request.pk if request else None,
                "moved_to_court_pdu": moved,
            },
        )
    return event
