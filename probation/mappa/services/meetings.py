"""Recording and changing MAPPA meetings, and auditing who looked at them.

Every write takes the acting user and the CRN and locks the case through people's scoped
``person_for_change`` (MAPPA_MANAGE in the case's managing PDU; limited access and partner scope
apply), checks the rules, writes and audits in one transaction: a refusal leaves no trace.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.mappa.agencies import AGENCIES, OTHER
from probation.mappa.models import MappaMeeting
from probation.mappa.selectors import mappa_registration_get
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.risk.registers import MAPPA_LEVELS

MEETING = "mappa_meeting"  # audit object type and PersonChange entity (ADR 0005)
# MAPPA guidance: level 2 and 3 cases are managed at multi-agency public protection meetings.
MULTI_AGENCY_LEVELS = ("M2", "M3")
MEETING_FIELDS = (
    "held_on",
    "level",
    "chair",
    "agencies",
    "other_agency",
    "minutes",
    "decisions",
    "next_review_on",
)


def agencies_in_order(agencies: Iterable[str]) -> list[str]:
    chosen = set(agencies)
    unknown = chosen - set(AGENCIES)
    if unknown:
        raise ServiceError("Select the attending agencies from the list", field="agencies")
    return [name for name in AGENCIES if name in chosen]


def meeting_check(meeting: MappaMeeting) -> None:
    """The rules of a meeting record, for adding and changing alike."""
    if meeting.held_on > today_uk():
        raise ServiceError("Meeting date must be today or in the past", field="held_on")
    if meeting.level not in MAPPA_LEVELS:
        raise ServiceError("Select the MAPPA level of the meeting", field="level")
    if not meeting.chair:
        raise ServiceError("Enter who chaired the meeting", field="chair")
    if not meeting.agencies:
        raise ServiceError("Select the agencies that attended", field="agencies")
    if meeting.level in MULTI_AGENCY_LEVELS and len(meeting.agencies) < 2:
        raise ServiceError(
            "A level 2 or 3 meeting is multi-agency: select at least two attending agencies",
            field="agencies",
        )
    if (OTHER in meeting.agencies) != bool(meeting.other_agency):
        if meeting.other_agency:
            raise ServiceError(
                "Select Other as an attending agency, or clear the other agency", field="agencies"
            )
        raise ServiceError("Enter the other agency that attended", field="other_agency")
    if meeting.next_review_on <= meeting.held_on:
        raise ServiceError(
            "Next meeting or review date must be after the meeting date", field="next_review_on"
        )


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    data = {name: data[name] for name in MEETING_FIELDS if name in data}
    for name in ("chair", "other_agency", "minutes", "decisions"):
        if name in data:
            data[name] = (data[name] or "").strip()
    if "agencies" in data:
        data["agencies"] = agencies_in_order(data["agencies"])
    return data


def _detail(meeting: MappaMeeting) -> dict[str, Any]:
    # Never the minutes or decisions: the audit records that a change happened, not the content.
    return {"held_on": meeting.held_on.isoformat(), "level": meeting.level, "agencies": meeting.agencies}


def meeting_add(*, actor: User, crn: str, data: dict[str, Any]) -> MappaMeeting:
    """Record a meeting that has been held, for a person with an active MAPP registration."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.MAPPA_MANAGE)
        if mappa_registration_get(person=person) is None:
            raise ServiceError("This person is not MAPPA-managed: add the MAPPA risk flag first")
        meeting = MappaMeeting(person=person, recorded_by=actor, **_clean(data))
        meeting_check(meeting)
        meeting.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=MEETING,
            object_id=meeting.pk,
            detail=_detail(meeting),
        )
    return meeting


def meeting_update(
    *, actor: User, crn: str, meeting_id: int, expected_version: int, data: dict[str, Any]
) -> list[str]:
    """Change a meeting record. Refused (nothing written) if someone saved a newer version;
    returns the fields that changed."""
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.MAPPA_MANAGE)
        meeting = MappaMeeting.objects.select_for_update().filter(person=person, pk=meeting_id).first()
        if meeting is None:
            raise NotFound(meeting_id)
        changed = apply_versioned_update(
            actor=actor,
            person=person,
            instance=meeting,
            entity=MEETING,
            expected_version=expected_version,
            data=_clean(data),
            validate=meeting_check,
        )
        if changed:
            audit_record(
                actor=actor,
                action=AuditAction.UPDATE,
                crn=crn,
                object_type=MEETING,
                object_id=meeting.pk,
                detail={"fields": changed, "version": meeting.version},
            )
    return changed
