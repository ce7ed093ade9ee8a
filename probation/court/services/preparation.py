"""The preparation status and notes of a hearing (court-reports.md § Court liaison), edited with
optimistic locking (ADR 0005): an officer who saw an older version is told what changed and by whom,
and nothing is written."""

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import ConflictError, FieldChange, NotFound
from probation.court.models import Hearing, PreparationStatus
from probation.court.policy import courts_manageable_by

CONFLICT = (
    "Someone else changed this hearing while you were editing. Your changes have not been saved. "
    "Check their changes below and make your changes again."
)


def _conflict(hearing: Hearing) -> ConflictError:
    by = str(hearing.preparation_updated_by or hearing.matched_by or "Another user")
    at = hearing.preparation_updated_at or hearing.updated_at
    return ConflictError(
        CONFLICT,
        changes=[
            FieldChange(label="Preparation", theirs=hearing.get_preparation_status_display(), by=by, at=at),
            FieldChange(label="Notes", theirs=hearing.preparation_notes or "(blank)", by=by, at=at),
        ],
    )


def hearing_preparation_update(
    *, actor: User, hearing_id: int, expected_version: int, status: str, notes: str
) -> list[str]:
    """Returns the fields that changed (none: nothing written, no new version)."""
    status = PreparationStatus(status)
    with transaction.atomic():
        hearing = (
            # Lock the hearing row only: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
            Hearing.objects.select_for_update(of=("self",))
            .select_related("person", "preparation_updated_by", "matched_by")
            .filter(pk=hearing_id, court_list__court__in=courts_manageable_by(actor))
            .first()
        )
        if hearing is None:
            raise NotFound(hearing_id)
        if hearing.version != expected_version:
            raise _conflict(hearing)
        changed = [
            name
            for name, value in (("preparation_status", status.value), ("preparation_notes", notes))
            if getattr(hearing, name) != value
        ]
        if not changed:
            return []
        hearing.preparation_status = status
        hearing.preparation_notes = notes
        hearing.preparation_updated_by = actor
        hearing.preparation_updated_at = clock.now()
        hearing.version += 1
        hearing.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=hearing.person.crn if hearing.person else "",
            object_type="hearing_preparation",
            object_id=hearing.pk,
            detail={"fields": changed, "status": status.value, "version": hearing.version},
        )
    return changed
