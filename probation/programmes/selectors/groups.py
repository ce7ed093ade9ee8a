"""Reads of groups and registers, scoped to the user: treatment managers see their PDU's groups; a
facilitator sees only the sessions they facilitate and, on a register, only what it needs of each
person (name, CRN, sessions attended) — never the case record. Limited access applies: a person the
user is excluded or restricted from shows only as "Restricted" with the CRN."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import limited_access_denied_q
from probation.programmes.models import (
    Attendance,
    FacilitatorTraining,
    Group,
    GroupSession,
    Participant,
    Referral,
)
from probation.programmes.selectors.referrals import staff_pdu_id
from probation.rules.programmes.delivery import Status


def may_manage(user: User, pdu_id: int) -> bool:
    return has_permission(user, Permission.PROGRAMME_MANAGE) and pdu_id == staff_pdu_id(user)


def may_record(user: User, session: GroupSession, facilitator_ids: set[int]) -> bool:
    """A facilitator of the session, or a treatment manager of the group's PDU."""
    if may_manage(user, session.group.pdu_id):
        return True
    return has_permission(user, Permission.PROGRAMME_FACILITATE) and user.staff_id in facilitator_ids


def groups_list(*, user: User) -> QuerySet[Group]:
    if not has_permission(user, Permission.PROGRAMME_MANAGE):
        raise NotFound("groups")
    return (
        Group.objects.filter(pdu_id=staff_pdu_id(user))
        .annotate(
            size=Count(
                "participants",
                filter=Q(
                    participants__referral__status__in=[
                        Status.SCHEDULED,
                        Status.ON_PROGRAMME,
                        Status.COMPLETE,
                    ]
                ),
                distinct=True,
            )
        )
        .prefetch_related("facilitators")
        .order_by("-starts_on", "id")
    )


def group_get(*, user: User, group_id: int) -> Group:
    group = groups_list(user=user).filter(pk=group_id).first()
    if group is None:
        raise NotFound(group_id)
    return group


@dataclass(frozen=True)
class Member:
    participant: Participant
    crn: str
    name: str
    restricted: bool


def _members(user: User, participants: list[Participant]) -> list[Member]:
    ids = {p.referral.person_id for p in participants}
    denied = set(
        Person.objects.filter(pk__in=ids).filter(limited_access_denied_q(user)).values_list("pk", flat=True)
    )
    out = []
    for p in participants:
        person = p.referral.person
        hidden = person.pk in denied
        out.append(
            Member(p, person.crn, "Restricted" if hidden else f"{person.first_name} {person.surname}", hidden)
        )
    return out


def group_members(*, user: User, group: Group) -> list[Member]:
    participants = list(
        Participant.objects.filter(group=group)
        .select_related("referral__person", "referral__requirement")
        .order_by("referral__person__surname", "referral__person__first_name", "id")
    )
    return _members(user, participants)


def group_sessions(*, group: Group) -> list[GroupSession]:
    return list(
        GroupSession.objects.filter(group=group)
        .annotate(expected=Count("attendances", filter=Q(attendances__contact__cancelled_at__isnull=True)))
        .prefetch_related("facilitators")
        .order_by("date", "starts_at", "id")
    )


def allocatable_referrals(*, user: User, group: Group) -> list[Referral]:
    """Suitable referrals to the group's programme in its PDU, waiting longest first (not those of
    people the user is excluded or restricted from)."""
    return list(
        Referral.objects.filter(
            pdu_id=group.pdu_id, programme=group.programme, status=Status.AWAITING_ALLOCATION
        )
        .exclude(person__in=Person.objects.filter(limited_access_denied_q(user)))
        .select_related("person")
        .order_by("suitable_from", "id")
    )


def trained_staff(*, pdu_id: int, programme: str) -> list[Staff]:
    """Active staff of the PDU trained for the programme (any grade: PSOs may facilitate)."""
    return list(
        Staff.objects.filter(
            active=True,
            team__pdu_id=pdu_id,
            programme_training__programme=programme,
        )
        .distinct()
        .order_by("surname", "forename")
    )


def training_list(*, user: User) -> list[FacilitatorTraining]:
    if not has_permission(user, Permission.PROGRAMME_MANAGE):
        raise NotFound("training")
    return list(
        FacilitatorTraining.objects.filter(staff__team__pdu_id=staff_pdu_id(user))
        .select_related("staff")
        .order_by("staff__surname", "staff__forename", "programme")
    )


def pdu_staff(*, user: User) -> list[Staff]:
    return list(
        Staff.objects.filter(active=True, team__pdu_id=staff_pdu_id(user)).order_by("surname", "forename")
    )


def my_sessions(*, user: User, start: dt.date, end: dt.date) -> list[GroupSession]:
    """The sessions the user facilitates from ``start`` to ``end``, each with how many are expected."""
    if not has_permission(user, Permission.PROGRAMME_FACILITATE) or user.staff is None:
        raise NotFound("sessions")
    return list(
        GroupSession.objects.filter(facilitators=user.staff, date__gte=start, date__lte=end)
        .select_related("group")
        .annotate(expected=Count("attendances", filter=Q(attendances__contact__cancelled_at__isnull=True)))
        .order_by("date", "starts_at", "id")
    )


@dataclass(frozen=True)
class RegisterRow:
    attendance: Attendance
    crn: str
    name: str
    restricted: bool
    attended: int
    required: int


def register_get(*, user: User, session_id: int) -> tuple[GroupSession, list[RegisterRow]]:
    """The session and who is expected: four queries whatever the number of people."""
    session = (
        GroupSession.objects.select_related("group", "saved_by")
        .prefetch_related(Prefetch("facilitators", Staff.objects.order_by("surname", "forename")))
        .filter(pk=session_id)
        .first()
    )
    if session is None or not may_record(user, session, {s.pk for s in session.facilitators.all()}):
        raise NotFound(session_id)
    attendances = list(
        Attendance.objects.filter(session=session, contact__cancelled_at__isnull=True)
        .select_related(
            "contact__outcome_recorded_by",
            "participant__referral__person",
            "participant__referral__requirement",
        )
        .order_by("participant__referral__person__surname", "participant__referral__person__first_name", "id")
    )
    members = {m.participant.pk: m for m in _members(user, [a.participant for a in attendances])}
    rows = []
    for attendance in attendances:
        member = members[attendance.participant_id]
        requirement = attendance.participant.referral.requirement
        rows.append(
            RegisterRow(
                attendance,
                member.crn,
                member.name,
                member.restricted,
                requirement.done,
                requirement.ordered or 0,
            )
        )
    return session, rows
