"""Facilitator training, groups with their weekly session schedule, catch-up sessions and adding a
participant from the waiting list (interventions.md § Delivery rules). A treatment manager of the
group's PDU. Facilitators must be trained for the programme (any grade: PSOs may facilitate); at most 12
participants. Each expected session becomes a programme-session appointment on the person's record,
linked to the requirement (enforceable) and clash-checked against the person's other appointments as
any appointment is (``contacts.services.checks.check_clashes``); it is the group's, not the
facilitator's diary (``on_project``)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.checks import check_clashes
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.services.person import person_for_change
from probation.programmes.models import (
    Attendance,
    FacilitatorTraining,
    Group,
    GroupSession,
    Participant,
    Referral,
    SessionKind,
)
from probation.programmes.selectors.referrals import staff_pdu_id
from probation.programmes.services.referrals import transition
from probation.rules.contacts.outcomes import ContactTypeCode
from probation.rules.errors import RuleError
from probation.rules.programmes.catalogue import programme
from probation.rules.programmes.delivery import Status, check_facilitators, check_places, weekly_schedule


def _manager(actor: User) -> int:
    if not has_permission(actor, Permission.PROGRAMME_MANAGE) or actor.staff is None:
        raise NotFound("programmes")
    return staff_pdu_id(actor)


def _as_service_error(error: RuleError) -> ServiceError:
    return ServiceError(error.message, field=error.field)


def training_record(
    *, actor: User, staff_id: int, programme_code: str, trained_on: dt.date
) -> FacilitatorTraining:
    pdu_id = _manager(actor)
    staff = Staff.objects.filter(pk=staff_id, team__pdu_id=pdu_id, active=True).first()
    if staff is None:
        raise ServiceError("Select a member of staff in your PDU", field="staff")
    programme(programme_code)
    if trained_on > today_uk():
        raise ServiceError("The training date cannot be in the future", field="trained_on")
    with transaction.atomic():
        training, created = FacilitatorTraining.objects.get_or_create(
            staff=staff, programme=programme_code, defaults={"trained_on": trained_on, "recorded_by": actor}
        )
        if not created:
            raise ServiceError(
                f"{staff.name} is already recorded as trained for this programme", field="programme"
            )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="programme_training",
            object_id=training.pk,
            detail={"staff": staff.pk, "programme": programme_code},
        )
    return training


def _facilitators(pdu_id: int, programme_code: str, ids: Iterable[int]) -> tuple[list[Staff], str]:
    ids = set(ids)
    trained = list(
        Staff.objects.filter(
            pk__in=ids, active=True, team__pdu_id=pdu_id, programme_training__programme=programme_code
        ).distinct()
    )
    if len(trained) != len(ids):
        raise ServiceError("Choose facilitators trained for this programme", field="facilitators")
    try:
        warning = check_facilitators(len(trained))
    except RuleError as error:
        raise _as_service_error(error) from None
    return trained, warning


@dataclass(frozen=True)
class GroupRequest:
    programme: str
    reference: str
    starts_on: dt.date
    starts_at: dt.time
    ends_at: dt.time
    venue: str
    facilitator_ids: list[int]
    sessions: int | None = None  # None: the programme's group sessions


def group_create(*, actor: User, request: GroupRequest) -> tuple[Group, str]:
    """The group and its weekly schedule (the programme's group sessions from the start date, a bank
    holiday skipped). Returns the group and any warning (one facilitator)."""
    pdu_id = _manager(actor)
    found = programme(request.programme)
    if request.starts_on < today_uk():
        raise ServiceError("The start date must be today or later", field="starts_on")
    if request.ends_at <= request.starts_at:
        raise ServiceError("The end time must be after the start time", field="ends_at")
    facilitators, warning = _facilitators(pdu_id, found.code, request.facilitator_ids)
    try:
        dates = weekly_schedule(request.starts_on, request.sessions or found.group_sessions)
    except RuleError as error:
        raise _as_service_error(error) from None
    with transaction.atomic():
        try:
            with transaction.atomic():
                group = Group.objects.create(
                    programme=found.code,
                    pdu_id=pdu_id,
                    reference=request.reference.strip(),
                    starts_on=request.starts_on,
                    venue=request.venue.strip(),
                    created_by=actor,
                )
        except IntegrityError:
            raise ServiceError(
                "Your PDU already has a group with this reference", field="reference"
            ) from None
        group.facilitators.set(facilitators)
        sessions = GroupSession.objects.bulk_create(
            [
                GroupSession(
                    group=group,
                    number=n,
                    date=date,
                    starts_at=request.starts_at,
                    ends_at=request.ends_at,
                    venue=group.venue,
                )
                for n, date in enumerate(dates, start=1)
            ]
        )
        through = GroupSession.facilitators.through
        through.objects.bulk_create(
            [through(groupsession_id=s.pk, staff_id=f.pk) for s in sessions for f in facilitators]
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="programme_group",
            object_id=group.pk,
            detail={
                "programme": found.code,
                "sessions": len(sessions),
                "facilitators": [f.pk for f in facilitators],
            },
        )
    return group, warning


def _group_for_change(actor: User, group_id: int) -> Group:
    pdu_id = _manager(actor)
    group = Group.objects.select_for_update().filter(pk=group_id, pdu_id=pdu_id).first()
    if group is None:
        raise NotFound(group_id)
    return group


def _expect(*, actor: User, session: GroupSession, participant: Participant, officer: Staff) -> Attendance:
    referral = participant.referral
    starts_at, ends_at = (
        london_datetime(session.date, session.starts_at),
        london_datetime(session.date, session.ends_at),
    )
    try:
        check_clashes(
            person=referral.person, officer=officer, starts_at=starts_at, ends_at=ends_at, on_project=True
        )
    except ServiceError as error:
        raise ServiceError(
            f"{referral.person.crn}, session {session.number}: {error.message}", field="referral"
        ) from None
    contact = Contact.objects.create(
        person=referral.person,
        type=ContactTypeCode.PROGRAMME_SESSION,
        is_appointment=True,
        starts_at=starts_at,
        ends_at=ends_at,
        officer=officer,
        location=session.venue[:120],
        sentence_id=referral.requirement.sentence_id,
        requirement=referral.requirement,
        on_project=True,
        created_by=actor,
    )
    return Attendance.objects.create(session=session, participant=participant, contact=contact)


def participant_add(*, actor: User, group_id: int, referral_id: int) -> Participant:
    """Take a suitable person off the waiting list into the group: refused when the group is full, the
    referral is for another programme or PDU, or a session clashes with the person's appointments."""
    with transaction.atomic():
        group = _group_for_change(actor, group_id)
        referral = (
            Referral.objects.select_for_update()
            .select_related("person", "requirement")
            .filter(pk=referral_id, pdu_id=group.pdu_id, programme=group.programme)
            .first()
        )
        if referral is None or referral.status != Status.AWAITING_ALLOCATION:
            raise ServiceError("Select someone on this programme's waiting list", field="referral")
        person_for_change(actor=actor, crn=referral.person.crn, permission=Permission.PROGRAMME_MANAGE)
        try:
            check_places(
                Participant.objects.filter(group=group).exclude(referral__status=Status.WITHDRAWN).count()
            )
        except RuleError as error:
            raise _as_service_error(error) from None
        transition(actor=actor, referral=referral, to=Status.SCHEDULED)
        referral.version += 1
        referral.save(update_fields=["status", "version", "updated_at"])
        participant = Participant.objects.create(group=group, referral=referral, added_by=actor)
        sessions = list(
            GroupSession.objects.filter(group=group, kind=SessionKind.GROUP, date__gte=today_uk())
            .prefetch_related("facilitators")
            .order_by("date", "starts_at")
        )
        for session in sessions:
            officer = min(session.facilitators.all(), key=lambda s: s.pk)
            _expect(actor=actor, session=session, participant=participant, officer=officer)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=referral.person.crn,
            object_type="programme_participant",
            object_id=participant.pk,
            detail={"group": group.pk, "referral": referral.pk, "sessions": [s.pk for s in sessions]},
        )
    return participant


@dataclass(frozen=True)
class CatchUpRequest:
    number: int
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    venue: str
    facilitator_ids: list[int]
    participant_ids: list[int]


def catch_up_add(*, actor: User, group_id: int, request: CatchUpRequest) -> tuple[GroupSession, str]:
    """A catch-up for session ``number``, for the participants who missed it."""
    with transaction.atomic():
        group = _group_for_change(actor, group_id)
        if not GroupSession.objects.filter(
            group=group, kind=SessionKind.GROUP, number=request.number
        ).exists():
            raise ServiceError(f"The group has no session {request.number}", field="number")
        if request.date < today_uk():
            raise ServiceError("A catch-up is booked for today or later", field="date")
        if request.ends_at <= request.starts_at:
            raise ServiceError("The end time must be after the start time", field="ends_at")
        participants = list(
            Participant.objects.filter(group=group, pk__in=request.participant_ids).select_related(
                "referral__person", "referral__requirement"
            )
        )
        if not participants or len(participants) != len(set(request.participant_ids)):
            raise ServiceError("Choose who the catch-up is for", field="participants")
        facilitators, warning = _facilitators(group.pdu_id, group.programme, request.facilitator_ids)
        session = GroupSession.objects.create(
            group=group,
            number=request.number,
            kind=SessionKind.CATCH_UP,
            date=request.date,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
            venue=request.venue.strip() or group.venue,
        )
        session.facilitators.set(facilitators)
        officer = min(facilitators, key=lambda s: s.pk)
        for participant in participants:
            person_for_change(
                actor=actor, crn=participant.referral.person.crn, permission=Permission.PROGRAMME_MANAGE
            )
            _expect(actor=actor, session=session, participant=participant, officer=officer)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="programme_session",
            object_id=session.pk,
            detail={
                "group": group.pk,
                "catch_up_for": request.number,
                "participants": [p.pk for p in participants],
            },
        )
    return session, warning
