"""Allocating and transferring cases. History is kept: an allocation is closed, never changed."""

from django.db import transaction

from probation.accounts.models import Staff, Team, User
from probation.accounts.models.staff import CASE_HOLDING_GRADES
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now
from probation.core.errors import ServiceError
from probation.people.models import Allocation, AllocationReason, Person
from probation.people.services.person import person_for_change


def allocation_create(*, actor: User, crn: str, officer_id: int, reason: str, notes: str = "") -> Allocation:
    """Make ``officer`` the responsible officer (and their team the managing team) from now."""
    if reason not in AllocationReason.values:
        raise ServiceError("Select a reason for the allocation", field="reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CASE_ALLOCATE)
        officer = Staff.objects.select_related("team__pdu").filter(pk=officer_id, active=True).first()
        if officer is None:
            raise ServiceError("Select an officer", field="officer")
        if officer.grade not in CASE_HOLDING_GRADES:
            raise ServiceError(
                f"{officer.name} is a {officer.get_grade_display()} and cannot hold cases", field="officer"
            )
        if person.officer_id == officer.pk:
            raise ServiceError(f"This case is already allocated to {officer.name}", field="officer")
        if reason == AllocationReason.OTHER and not notes.strip():
            raise ServiceError("Give details of the reason for the allocation", field="notes")
        moment = now()
        previous = Allocation.objects.select_for_update().filter(person=person, ended_at__isnull=True).first()
        if previous is not None:
            previous.ended_at = moment
            previous.save(update_fields=["ended_at"])
        team: Team = officer.team
        allocation = Allocation.objects.create(
            person=person,
            team=team,
            officer=officer,
            started_at=moment,
            reason=reason,
            notes=notes.strip(),
            allocated_by=actor,
        )
        Person.objects.filter(pk=person.pk).update(team=team, officer=officer, pdu=team.pdu)
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=crn,
            object_type="allocation",
            object_id=allocation.pk,
            detail={"officer": officer.code, "team": team.code, "reason": reason},
        )
    return allocation
