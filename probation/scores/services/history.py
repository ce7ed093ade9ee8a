"""Recording the criminal history the predictors need (issue 4 item 1; ADR 0005 versioning).

The first save creates the person's record; later saves name the version they read and are
refused with what changed if someone else saved in between. Each save writes a PersonChange row
(the field-level history) and an audit row with the changed field names only.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, ServiceError
from probation.core.models import concrete_field
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.scores.models import CriminalHistory
from probation.scores.models.history import PREVIOUS_CONVICTION_FLAGS, SEXUAL_COUNT_FIELDS

HISTORY = "criminal_history"  # audit object type and PersonChange entity
COUNT_FIELDS = ("previous_sanctions", "previous_violent_sanctions", *SEXUAL_COUNT_FIELDS)
DATE_FIELDS = ("first_sanction_date", "last_sexual_sanction_date", "most_recent_sexual_offence_date")
YES_NO_FIELDS = (
    "current_offence_against_stranger",
    "weapon_in_offence",
    "does_not_recognise_impact_of_offending",
    "domestic_abuse_perpetrator_against_partner",
    *PREVIOUS_CONVICTION_FLAGS,
)
HISTORY_FIELDS = (*COUNT_FIELDS, *DATE_FIELDS, *YES_NO_FIELDS)


def _validate(person: Person, data: dict[str, Any]) -> None:
    for name in COUNT_FIELDS:
        value = data[name]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 999:
            label = concrete_field(CriminalHistory, name).verbose_name
            raise ServiceError(f"{label} must be a whole number from 0 to 999", field=name)
    if data["previous_violent_sanctions"] > data["previous_sanctions"]:
        raise ServiceError(
            "Violent sanctions must not be more than the previous sanctions",
            field="previous_violent_sanctions",
        )
    for name in DATE_FIELDS:
        when: dt.date | None = data[name]
        label = concrete_field(CriminalHistory, name).verbose_name
        if when is not None and when > today_uk():
            raise ServiceError(f"{label} must be today or in the past", field=name)
        if when is not None and when <= person.date_of_birth:
            raise ServiceError(f"{label} must be after the date of birth", field=name)
    for name in YES_NO_FIELDS:
        if data[name] not in (True, False, None):
            raise ServiceError("Select yes, no or not known", field=name)


def criminal_history_update(
    *, actor: User, crn: str, expected_version: int | None, data: dict[str, Any]
) -> CriminalHistory:
    """Create or change the person's criminal history. ``expected_version`` is None when the form
    showed no record yet; if one was created meanwhile, the save is refused as a conflict."""
    data = {name: data.get(name) for name in HISTORY_FIELDS}
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ROSH_MANAGE)
        _validate(person, data)
        history = CriminalHistory.objects.select_for_update().filter(person=person).first()
        if history is None:
            if expected_version is not None:
                raise ServiceError("The criminal history no longer exists: reload the page")
            history = CriminalHistory.objects.create(person=person, updated_by=actor, **data)
            changed = list(HISTORY_FIELDS)
            action = AuditAction.CREATE
        else:
            if expected_version is None:
                raise ConflictError(
                    "Someone else recorded the criminal history while you were editing. Your changes "
                    "have not been saved. Check the record and make your changes again.",
                    changes=[],
                )
            changed = apply_versioned_update(
                actor=actor,
                person=person,
                instance=history,
                entity=HISTORY,
                expected_version=expected_version,
                data=data,
            )
            if changed:
                history.updated_by = actor
                history.save(update_fields=["updated_by"])
            action = AuditAction.UPDATE
        audit_record(
            actor=actor,
            action=action,
            crn=crn,
            object_type=HISTORY,
            object_id=history.pk,
            detail={"changed": changed, "version": history.version},
        )
    return history
