"""Allocating and transferring cases, and supporting officers. History is kept: an allocation or a
supporting officer is closed, never changed."""

from django.db import transaction

from probation.accounts.models import Staff, Team, User
from probation.accounts.models.staff import CASE_HOLDING_GRADES, Grade
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now
from probation.core.errors import NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.people.models import Allocation, AllocationReason, Exclusion, Person
from probation.people.models.allocation import SupportingOfficer
from probation.people.models.person import ROSH_LEVELS_HELD_BY_PO
from probation.people.services.person import person_for_change

HIGH_ROSH_NEEDS_PO = (
    "Cases with high or very high RoSH must be held by a probation officer. "
    "You can add a PSO as a supporting officer."
)


def grade_refusal(grade: str, rosh_level: str) -> str:
    """Why an officer of ``grade`` may not hold a case at ``rosh_level`` ("" if they may):
    reference-data.md § Allocation, PSOs hold low and medium RoSH cases only. The allocate page shows
    it beside each candidate before one is chosen; the service refuses with the same words."""
    if grade == Grade.PSO and rosh_level in ROSH_LEVELS_HELD_BY_PO:
        return HIGH_ROSH_NEEDS_PO
    return ""


def _case_holding_officer(officer_id: int, *, field: str) -> Staff:
    officer = Staff.objects.select_related("team__pdu").filter(pk=officer_id, active=True).first()
    if officer is None:
        raise ServiceError("Select an officer", field=field)
    if officer.grade not in CASE_HOLDING_GRADES:
        raise ServiceError(
            f"{officer.name} is a {officer.get_grade_display()} and cannot hold cases", field=field
        )
    return officer


def _refuse_excluded(person: Person, officer: Staff, *, field: str) -> None:
    """An officer on the case's exclusion list must not see it, so cannot hold or support it
    (limited access: an exclusion names users who must never see the case)."""
    if Exclusion.objects.filter(person=person, user__staff=officer).exists():
        raise ServiceError(
            f"{officer.name} is excluded from this case and cannot be allocated it", field=field
        )


def _transfer_reason_refused(person: Person, team: Team, reason: str) -> str:
    """A transfer must be what it says (reference-data.md § Allocation: transfers keep history): to
    another team only if the team changes, to another region only if the region changes."""
    if reason == AllocationReason.TRANSFER_TEAM and (person.team_id is None or person.team_id == team.pk):
        if person.team_id is None:
            return "This case has no team yet, so it cannot be transferred: choose another reason"
        return f"{team.name} is already this case’s team: choose a team that is different to transfer it"
    if reason == AllocationReason.TRANSFER_REGION:
        current = person.team.pdu.region_id if person.team is not None else person.pdu.region_id
        if current == team.pdu.region_id:
            return f"{team.name} is in the case’s current region: choose ‘Transfer to another team’"
    return ""


def _allocation_target(
    person: Person, *, officer_id: int | None, team_id: int | None
) -> tuple[Team, Staff | None]:
    """The team and officer (None: the team's manager allocates later) the case goes to."""
    if officer_id is None:
        team = Team.objects.select_related("pdu").filter(pk=team_id).first() if team_id else None
        if team is None:
            raise ServiceError("Select a team", field="team")
        if person.team_id == team.pk and person.officer_id is None:
            raise ServiceError(f"This case is already waiting for allocation in {team.name}", field="team")
        return team, None
    officer = _case_holding_officer(officer_id, field="officer")
    if team_id is not None and officer.team_id != team_id:
        raise ServiceError("Select an officer in the team you chose", field="officer")
    _refuse_excluded(person, officer, field="officer")
    # The person row is locked, so the RoSH level cannot change between this check and the write.
    refusal = grade_refusal(officer.grade, person.rosh_level)
    if refusal:
        raise ServiceError(refusal, field="officer")
    if person.officer_id == officer.pk:
        raise ServiceError(f"This case is already allocated to {officer.name}", field="officer")
    return officer.team, officer


def allocation_create(
    *,
    actor: User,
    crn: str,
    reason: str,
    officer_id: int | None = None,
    team_id: int | None = None,
    notes: str = "",
    decision_reason: str | None = None,
) -> Allocation:
    """Make ``officer`` the responsible officer (and their team the managing team) from now; with no
    officer, hand the case to ``team`` to be allocated by its manager (it shows as unallocated there).
    The case's PDU follows the team, so a transfer out of the PDU leaves the transferring manager's
    scope. ``decision_reason`` is why this officer was chosen: required (not blank) when the caller
    asks for it (the allocate page); ``None`` for flows that do not ask (transfers)."""
    if reason not in AllocationReason.values:
        raise ServiceError("Select a reason for the allocation", field="reason")
    if decision_reason is not None and not decision_reason.strip():
        raise ServiceError("Enter why you chose this officer", field="decision_reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CASE_ALLOCATE)
        team, officer = _allocation_target(person, officer_id=officer_id, team_id=team_id)
        refused = _transfer_reason_refused(person, team, reason)
        if refused:
            raise ServiceError(refused, field="reason")
        if reason == AllocationReason.OTHER and not notes.strip():
            raise ServiceError("Give details of the reason for the allocation", field="notes")
        moment = now()
        previous = Allocation.objects.select_for_update().filter(person=person, ended_at__isnull=True).first()
        if previous is not None:
            previous.ended_at = moment
            previous.save(update_fields=["ended_at"])
        allocation = Allocation.objects.create(
            person=person,
            team=team,
            officer=officer,
            started_at=moment,
            reason=reason,
            notes=notes.strip(),
            decision_reason=(decision_reason or "").strip(),
            allocated_by=actor,
        )
        Person.objects.filter(pk=person.pk).update(team=team, officer=officer, pdu=team.pdu)
        detail: dict[str, object] = {
            "officer": officer.code if officer is not None else None,
            "team": team.code,
            "from_team": person.team.code if person.team is not None else None,
            "reason": reason,
        }
        if decision_reason is not None:
            detail["decision_reason_given"] = True  # the text stays on the allocation, not the audit
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=crn,
            object_type="allocation",
            object_id=allocation.pk,
            detail=detail,
        )
        # The victim liaison officer hears of a new COM or a move of area (victims.md).
        key_event_occurred(
            person_id=person.pk,
            kind=KeyEventKind.TRANSFERRED,
            on=moment.date(),
            actor=actor,
            detail={"team": team.code, "pdu": team.pdu.code},
        )
    return allocation


def supporting_officer_add(*, actor: User, crn: str, staff_id: int, reason: str) -> SupportingOfficer:
    """Add a supporting officer (any case-holding grade, PSOs included) alongside the responsible
    officer. Needs the same permission and scope as allocating."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter the reason for adding a supporting officer", field="reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CASE_ALLOCATE)
        staff = _case_holding_officer(staff_id, field="staff")
        _refuse_excluded(person, staff, field="staff")
        if person.officer_id == staff.pk:
            raise ServiceError(
                f"{staff.name} is the responsible officer and cannot also be a supporting officer",
                field="staff",
            )
        already = (
            SupportingOfficer.objects.select_for_update()
            .filter(person=person, staff=staff, ended_at__isnull=True)
            .exists()
        )
        if already:
            raise ServiceError(f"{staff.name} is already a supporting officer on this case", field="staff")
        supporting = SupportingOfficer.objects.create(
            person=person, staff=staff, team=staff.team, started_at=now(), reason=reason, added_by=actor
        )
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=crn,
            object_type="supporting_officer",
            object_id=supporting.pk,
            detail={"staff": staff.code, "team": staff.team.code, "added": True},
        )
    return supporting


def supporting_officer_end(*, actor: User, crn: str, supporting_officer_id: int) -> SupportingOfficer:
    """End a supporting officer's support from now. Another case's row is "not found"."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.CASE_ALLOCATE)
        supporting = (
            SupportingOfficer.objects.select_for_update()
            .select_related("staff")
            .filter(person=person, pk=supporting_officer_id)
            .first()
        )
        if supporting is None:
            raise NotFound(supporting_officer_id)
        if not supporting.is_active:
            raise ServiceError(f"{supporting.staff.name} is no longer a supporting officer on this case")
        supporting.ended_at = now()
        supporting.ended_by = actor
        supporting.save(update_fields=["ended_at", "ended_by"])
        audit_record(
            actor=actor,
            action=AuditAction.ALLOCATE,
            crn=crn,
            object_type="supporting_officer",
            object_id=supporting.pk,
            detail={"staff": supporting.staff.code, "ended": True},
        )
    return supporting
