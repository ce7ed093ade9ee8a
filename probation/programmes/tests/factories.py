"""Programme test data: a referral on the waiting list, a group with trained facilitators and a
session, and a participant expected at it (as the services would make them)."""

import datetime as dt
from typing import cast

from probation.accounts.models import Staff, User
from probation.contacts.models import Contact
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.programmes.models import (
    Attendance,
    FacilitatorTraining,
    Group,
    GroupSession,
    Participant,
    Referral,
)
from probation.rules.programmes.delivery import Status
from probation.sentences.models import Requirement
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory


def programme_requirement(officer: Staff, *, ordered: int = 21, done: int = 0) -> Requirement:
    person = PersonFactory(officer=officer)
    sentence = SentenceFactory(
        event__person=person, event__conviction_date=today_uk() - dt.timedelta(days=90)
    )
    return cast(
        Requirement,
        RequirementFactory(sentence=sentence, type="accredited_programme", ordered=ordered, done=done),
    )


def referral(
    requirement: Requirement, *, by: User, status: str = Status.AWAITING_ALLOCATION, programme: str = "BC"
) -> Referral:
    person = requirement.sentence.person
    suitable = status not in (Status.AWAITING_ASSESSMENT, Status.NOT_SUITABLE)
    return Referral.objects.create(
        person=person,
        requirement=requirement,
        programme=programme,
        pdu_id=person.pdu_id,
        status=status,
        referred_by=by,
        referred_on=today_uk() - dt.timedelta(days=30),
        suitable=suitable or None,
        suitable_from=today_uk() - dt.timedelta(days=20) if suitable else None,
    )


def trained(staff: Staff, programme: str = "BC", *, by: User) -> FacilitatorTraining:
    return FacilitatorTraining.objects.create(
        staff=staff, programme=programme, trained_on=dt.date(2025, 1, 1), recorded_by=by
    )


def group(
    pdu_id: int, facilitators: list[Staff], *, by: User, programme: str = "BC", reference: str = "BC-01"
) -> Group:
    g = Group.objects.create(
        programme=programme,
        pdu_id=pdu_id,
        reference=reference,
        starts_on=today_uk() - dt.timedelta(days=7),
        venue="Leeds probation office",
        created_by=by,
    )
    g.facilitators.set(facilitators)
    return g


def session_on(g: Group, date: dt.date, *, number: int = 1, kind: str = "group") -> GroupSession:
    s = GroupSession.objects.create(
        group=g,
        number=number,
        kind=kind,
        date=date,
        starts_at=dt.time(10),
        ends_at=dt.time(12, 30),
        venue=g.venue,
    )
    s.facilitators.set(g.facilitators.all())
    return s


def expect(session: GroupSession, ref: Referral, *, by: User) -> Attendance:
    """``ref``'s person in the group and expected at ``session`` (the appointment on their record)."""
    participant = Participant.objects.filter(referral=ref).first() or Participant.objects.create(
        group=session.group, referral=ref, added_by=by
    )
    if ref.status == Status.AWAITING_ALLOCATION:
        Referral.objects.filter(pk=ref.pk).update(status=Status.SCHEDULED)
    contact = Contact.objects.create(
        person=ref.person,
        type="programme_session",
        is_appointment=True,
        starts_at=london_datetime(session.date, session.starts_at),
        ends_at=london_datetime(session.date, session.ends_at),
        officer=session.facilitators.order_by("pk")[0],
        location=session.venue,
        sentence=ref.requirement.sentence,
        requirement=ref.requirement,
        on_project=True,
        created_by=by,
    )
    return Attendance.objects.create(session=session, participant=participant, contact=contact)
