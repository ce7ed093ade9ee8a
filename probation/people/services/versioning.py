"""Optimistic locking shared by every versioned record of a person (no lost updates, ADR 0005)."""

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.db import models
from django.utils.text import capfirst

from probation.accounts.models import User
from probation.core.errors import ConflictError, FieldChange
from probation.core.models import VersionedModel, concrete_field
from probation.people.models import Person, PersonChange

Versioned = TypeVar("Versioned", bound=VersionedModel)


def display_value(value: Any) -> str:
    if value in (None, ""):
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return str(value)


def _field_display(instance: models.Model, name: str) -> str:
    field = concrete_field(instance, name)
    value = getattr(instance, name)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, display_value(value))) if value else "(blank)"
    return display_value(value)


def conflict_for(*, instance: models.Model, entity: str, expected_version: int) -> ConflictError:
    """Describe what others saved since ``expected_version`` so the user can redo their edit."""
    rows = PersonChange.objects.filter(
        entity=entity, entity_id=instance.pk, version__gt=expected_version
    ).select_related("changed_by", "changed_by__staff")
    latest: dict[str, FieldChange] = {}
    for row in rows.order_by("version"):
        for name in row.changes:
            label = capfirst(str(concrete_field(instance, name).verbose_name))
            latest[name] = FieldChange(
                label=label, theirs=_field_display(instance, name), by=str(row.changed_by), at=row.changed_at
            )
    return ConflictError(
        "Someone else changed these details while you were editing. Your changes have not been saved. "
        "Check their changes below and make your changes again.",
        changes=list(latest.values()),
    )


def apply_versioned_update(
    *,
    actor: User,
    person: Person,
    instance: Versioned,
    entity: str,
    expected_version: int,
    data: dict[str, Any],
    validate: Callable[[Versioned], None] | None = None,
) -> list[str]:
    """Apply ``data`` to a row locked by the caller; refuse if it moved on since the user read it.

    Returns the names of the fields that changed (empty when nothing did: no new version).
    """
    if instance.version != expected_version:
        raise conflict_for(instance=instance, entity=entity, expected_version=expected_version)
    diff = {
        name: [_json(getattr(instance, name)), _json(value)]
        for name, value in data.items()
        if getattr(instance, name) != value
    }
    if not diff:
        return []
    for name, value in data.items():
        setattr(instance, name, value)
    if validate is not None:
        validate(instance)
    instance.version += 1
    instance.save()
    PersonChange.objects.create(
        person=person,
        entity=entity,
        entity_id=instance.pk,
        version=instance.version,
        changed_by=actor,
        changes=diff,
    )
    return list(diff)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value
