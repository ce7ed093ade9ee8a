"""The order's progress beyond sessions (issue 13 items 5 and 6): recording a court's extension of the
12-month completion deadline, and crediting education, training and employment (ETE) time within the
share of the order. Unpaid-work staff of the case's PDU; the requirement row is locked so two staff
cannot together pass the ETE share or record crossing extensions."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.contacts.services.sessions import SessionOutcome, contacts_record_session_outcomes
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.services.person import person_for_change
from probation.rules.contacts.outcomes import ContactTypeCode
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.unpaid_work.deadlines import Extension, check_extension, completion_deadline
from probation.rules.unpaid_work.incentive import check_ete_credit
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Assessment, DeadlineExtension, EteCredit
from probation.unpaid_work.services.assessments import upw_requirement


def _locked(*, actor: User, crn: str, requirement_id: int) -> Requirement:
    person_for_change(actor=actor, crn=crn, permission=Permission.UPW_MANAGE)
    requirement = upw_requirement(crn=crn, requirement_id=requirement_id)
    Requirement.objects.select_for_update().filter(pk=requirement.pk).first()
    return requirement


def extensions_of(requirement: Requirement) -> list[Extension]:
    return [
        Extension(granted_on, new_deadline)
        for granted_on, new_deadline in DeadlineExtension.objects.filter(requirement=requirement).values_list(
            "granted_on", "new_deadline"
        )
    ]


def extension_record(
    *, actor: User, crn: str, requirement_id: int, granted_on: dt.date, new_deadline: dt.date, court: str = ""
) -> DeadlineExtension:
    """Record a court-granted extension. The new deadline must be later than the one in force."""
    with transaction.atomic():
        requirement = _locked(actor=actor, crn=crn, requirement_id=requirement_id)
        order_date = requirement.sentence.sentence_date
        current = completion_deadline(order_date, extensions_of(requirement))
        check_extension(
            order_date=order_date,
            current_deadline=current,
            extension=Extension(granted_on, new_deadline),
            today=today_uk(),
        )
        extension = DeadlineExtension.objects.create(
            requirement=requirement,
            granted_on=granted_on,
            new_deadline=new_deadline,
            court=court.strip(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="upw_extension",
            object_id=extension.pk,
            detail={
                "requirement": requirement.pk,
                "granted_on": granted_on.isoformat(),
                "previous_deadline": current.isoformat(),
                "new_deadline": new_deadline.isoformat(),
            },
        )
    return extension


@dataclass(frozen=True)
class EteRequest:
    date: dt.date
    minutes: int
    activity: str


def ete_used(requirement: Requirement) -> int:
    return EteCredit.objects.filter(requirement=requirement).aggregate(total=Sum("minutes"))["total"] or 0


def _check_ete(requirement: Requirement, request: EteRequest) -> None:
    """Every reason at once: the date (not in the future, not before the order), the share of the order
    in force on the order date (unpaid-work.md § ETE share) and what is left of the order."""
    order_date = requirement.sentence.sentence_date
    ordered = (requirement.ordered or 0) * 60
    errors: list[RuleError] = []
    if request.date > today_uk():
        errors.append(RuleError("The date must be today or in the past", field="date"))
    elif request.date < order_date:
        errors.append(
            RuleError(f"The date must be on or after the order ({order_date:%-d %B %Y})", field="date")
        )
    need = Assessment.objects.filter(requirement=requirement).values_list("ete_need", flat=True).first()
    try:
        check_ete_credit(
            ordered_minutes=ordered,
            ete_used=ete_used(requirement),
            credit=request.minutes,
            ete_need=bool(need),
            order_date=order_date,
        )
    except RuleError as error:
        errors.append(RuleError(error.message, field="minutes"))
    left = ordered - requirement.done_minutes
    if request.minutes > left:
        errors.append(RuleError(f"Only {left} minutes of the order are left to credit", field="minutes"))
    if errors:
        raise RuleErrors(errors)


def ete_credit_record(*, actor: User, crn: str, requirement_id: int, request: EteRequest) -> EteCredit:
    """Credit ETE time: an attended unpaid-work contact on the person's record (not in anyone's diary),
    its minutes credited through the contacts session credit service under the requirement's lock."""
    with transaction.atomic():
        requirement = _locked(actor=actor, crn=crn, requirement_id=requirement_id)
        requirement.refresh_from_db(fields=["done", "done_part_minutes"])
        _check_ete(requirement, request)
        if actor.staff is None:
            raise ServiceError("Only staff can credit ETE time")
        starts_at = london_datetime(request.date, dt.time(9))
        contact = Contact.objects.create(
            person=requirement.sentence.person,
            type=ContactTypeCode.UNPAID_WORK_SESSION.value,
            is_appointment=True,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=request.minutes),
            officer=actor.staff,
            location=f"ETE: {request.activity.strip()}"[:120],
            sentence=requirement.sentence,
            requirement=requirement,
            on_project=True,
            created_by=actor,
        )
        contacts_record_session_outcomes(
            actor=actor,
            rows=[SessionOutcome(contact.pk, "ATTC", f"ETE: {request.activity.strip()}")],
            credit=lambda _contact, _remaining: request.minutes,
        )
        credit = EteCredit.objects.create(
            requirement=requirement,
            contact=contact,
            date=request.date,
            minutes=request.minutes,
            activity=request.activity.strip(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type="upw_ete_credit",
            object_id=credit.pk,
            detail={"requirement": requirement.pk, "contact": contact.pk, "minutes": request.minutes},
        )
    return credit
