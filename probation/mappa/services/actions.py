"""Adding MAPPA actions to a meeting and completing them (owner agency and name, due date)."""

import datetime as dt

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.date_checks import date_not_future
from probation.core.errors import NotFound, ServiceError
from probation.mappa.agencies import AGENCIES
from probation.mappa.models import MappaAction, MappaMeeting
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update

ACTION = "mappa_action"  # audit object type and PersonChange entity (ADR 0005)


def action_add(
    *,
    actor: User,
    crn: str,
    meeting_id: int,
    description: str,
    owner_agency: str,
    owner_name: str,
    due_on: dt.date,
) -> MappaAction:
    description, owner_name = description.strip(), owner_name.strip()
    if not description:
        raise ServiceError("Enter the action", field="description")
    if owner_agency not in AGENCIES:
        raise ServiceError("Select the agency that owns the action", field="owner_agency")
    if not owner_name:
        raise ServiceError("Enter who owns the action", field="owner_name")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.MAPPA_MANAGE)
        meeting = MappaMeeting.objects.filter(person=person, pk=meeting_id).first()
        if meeting is None:
            raise NotFound(meeting_id)
        if due_on < meeting.held_on:
            raise ServiceError(
                f"Due date must be on or after the meeting date ({meeting.held_on:%-d %B %Y})", field="due_on"
            )
        action = MappaAction.objects.create(
            meeting=meeting,
            description=description,
            owner_agency=owner_agency,
            owner_name=owner_name,
            due_on=due_on,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=ACTION,
            object_id=action.pk,
            detail={"meeting": meeting.pk, "owner_agency": owner_agency, "due_on": due_on.isoformat()},
        )
    return action


def action_complete(
    *,
    actor: User,
    crn: str,
    action_id: int,
    expected_version: int,
    completed_on: dt.date,
    notes: str = "",
) -> MappaAction:
    """Mark an action done. A stale form (someone changed it since) is refused with what changed."""
    date_not_future(completed_on, field="completed_on", label="Completion date")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.MAPPA_MANAGE)
        action = (
            MappaAction.objects.select_for_update()
            .select_related("meeting")
            .filter(meeting__person=person, pk=action_id)
            .first()
        )
        if action is None:
            raise NotFound(action_id)
        if action.version == expected_version and not action.is_open:
            raise ServiceError(f"This action was completed on {action.completed_on:%-d %B %Y}")
        if completed_on < action.meeting.held_on:
            raise ServiceError(
                f"Completion date must be on or after the meeting date ({action.meeting.held_on:%-d %B %Y})",
                field="completed_on",
            )
        apply_versioned_update(
            actor=actor,
            person=person,
            instance=action,
            entity=ACTION,
            expected_version=expected_version,
            data={"completed_on": completed_on, "completion_notes": notes.strip()},
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type=ACTION,
            object_id=action.pk,
            detail={"completed_on": completed_on.isoformat(), "version": action.version},
        )
    return action
