"""Booking a structured intervention or toolkit session as a rehabilitation activity (issue 12 item 4).

The session is booked through the contacts app's ``appointment_book`` (clash checks, bank holidays,
the contact-management permission in the case's managing PDU, its own audit row), linked to the RAR
requirement so that its outcome credits a RAR day; then this app records which intervention it
delivered, in the same transaction, with an audit row of its own.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.appointments import ContactDetails, appointment_book
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.models import Person
from probation.plans.models import RarActivity
from probation.plans.selectors.plans import may_edit_plan
from probation.rules.contacts.outcomes import CONTACT_TYPES
from probation.rules.plans.interventions import Kind, intervention
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement

# How a RAR activity is delivered: the attendance contact types that can count towards RAR days and
# exist for nothing else (accredited programme sessions are the programme requirement's).
RAR_CONTACT_TYPES = tuple(
    code for code, kind in CONTACT_TYPES.items() if kind.counts_towards_rar and not kind.requirement_session
)


def rar_requirement_get(*, person: Person, requirement_id: int) -> Requirement:
    """A rehabilitation activity requirement of this person; anything else looks missing."""
    requirement = (
        Requirement.objects.filter(
            pk=requirement_id, sentence__person=person, type=RequirementType.REHABILITATION_ACTIVITY
        )
        .select_related("sentence")
        .first()
    )
    if requirement is None:
        raise NotFound(requirement_id)
    return requirement


@dataclass(frozen=True)
class RarSession:
    """One session to book: which intervention or toolkit, how it is delivered, and when."""

    intervention_key: str
    type_code: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    toolkit_name: str = ""


def rar_activity_book(
    *,
    actor: User,
    person: Person,
    requirement_id: int,
    session: RarSession,
    bank_holiday_confirmed: bool = False,
) -> RarActivity:
    """Book the session as an appointment linked to the RAR requirement and record what it delivers.
    Refused (nothing written) outside the case's managing PDU, for a requirement that is not a current
    RAR of this person, an intervention not offered, a toolkit with no name, or anything the booking
    refuses (a clash, the past)."""
    intervention_key, type_code, toolkit_name = (
        session.intervention_key,
        session.type_code,
        session.toolkit_name,
    )
    starts_at, ends_at = session.starts_at, session.ends_at
    if not may_edit_plan(actor, person):
        raise NotFound(person.crn)
    requirement = rar_requirement_get(person=person, requirement_id=requirement_id)
    if requirement.terminated_on is not None or requirement.sentence.terminated_on is not None:
        raise ServiceError("This requirement has ended: no more activities can be booked")
    item = intervention(intervention_key, on=today_uk())
    if item.kind is Kind.TOOLKIT and not toolkit_name.strip():
        raise ServiceError("Enter the name of the toolkit", field="toolkit_name")
    if type_code not in RAR_CONTACT_TYPES:
        raise ServiceError("Choose how the session is delivered", field="type")
    with transaction.atomic():
        contact: Contact = appointment_book(
            actor=actor,
            crn=person.crn,
            details=ContactDetails(
                type_code=type_code,
                starts_at=starts_at,
                ends_at=ends_at,
                sentence_id=requirement.sentence_id,
                requirement_id=requirement.pk,
            ),
            bank_holiday_confirmed=bank_holiday_confirmed,
        )
        activity = RarActivity.objects.create(
            contact=contact,
            requirement=requirement,
            intervention=item.key,
            toolkit_name=toolkit_name.strip() if item.kind is Kind.TOOLKIT else "",
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type="rar_activity",
            object_id=activity.pk,
            detail={"contact": contact.pk, "requirement": requirement.pk, "intervention": item.key},
        )
    return activity
