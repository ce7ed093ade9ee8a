"""Projects and placements and the weekly sessions they run, managed per PDU by unpaid-work staff
(issue 13 item 1). A project outside the user's PDU is "not found", as one that does not exist."""

import datetime as dt
from typing import Any

from django.db import transaction

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import NotFound, ServiceError
from probation.unpaid_work.models import Project, ProjectDay

PROJECT_FIELDS = (
    "code",
    "name",
    "project_type",
    "beneficiary",
    "address",
    "area",
    "starts_on",
    "ends_on",
    "with_children",
    "with_adults_at_risk",
    "female_only",
    "notes",
)


def staff_pdu_id(user: User) -> int:
    """The user's PDU; 0 (no PDU has it) for a user who is not staff."""
    return user.staff.team.pdu_id if user.staff is not None else 0


def project_for_change(*, actor: User, project_id: int) -> Project:
    if not has_permission(actor, Permission.UPW_MANAGE):
        raise NotFound(project_id)
    project = Project.objects.select_for_update().filter(pk=project_id, pdu_id=staff_pdu_id(actor)).first()
    if project is None:
        raise NotFound(project_id)
    return project


def _check_dates(starts_on: dt.date, ends_on: dt.date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ServiceError("The end date must be on or after the start date", field="ends_on")


def project_create(*, actor: User, data: dict[str, Any]) -> Project:
    pdu_id = staff_pdu_id(actor)
    if not has_permission(actor, Permission.UPW_MANAGE) or not pdu_id:
        raise NotFound("project")
    _check_dates(data["starts_on"], data.get("ends_on"))
    with transaction.atomic():
        if Project.objects.filter(code=data["code"]).exists():
            raise ServiceError("A project with this code already exists", field="code")
        project = Project.objects.create(pdu_id=pdu_id, **{k: data[k] for k in PROJECT_FIELDS if k in data})
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="upw_project",
            object_id=project.pk,
            detail={"code": project.code, "type": project.project_type, "pdu": pdu_id},
        )
    return project


def project_day_add(
    *,
    actor: User,
    project_id: int,
    weekday: int,
    starts_at: dt.time,
    ends_at: dt.time,
    capacity: int,
    supervisor_id: int,
) -> ProjectDay:
    """Add a weekly session: its weekday, times, capacity and supervisor (active staff of the PDU)."""
    if ends_at <= starts_at:
        raise ServiceError("The end time must be after the start time", field="ends_at")
    if capacity < 1:
        raise ServiceError("Capacity must be at least 1", field="capacity")
    with transaction.atomic():
        project = project_for_change(actor=actor, project_id=project_id)
        supervisor = Staff.objects.filter(pk=supervisor_id, active=True, team__pdu_id=project.pdu_id).first()
        if supervisor is None:
            raise ServiceError("Select a supervisor from this probation delivery unit", field="supervisor")
        if ProjectDay.objects.filter(project=project, weekday=weekday, starts_at=starts_at).exists():
            raise ServiceError("The project already has a session starting then on that day", field="weekday")
        day = ProjectDay.objects.create(
            project=project,
            weekday=weekday,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            supervisor=supervisor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="upw_project_day",
            object_id=day.pk,
            detail={
                "project": project.pk,
                "weekday": weekday,
                "capacity": capacity,
                "supervisor": supervisor.code,
            },
        )
    return day
