from typing import Any

from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """Optimistic locking: every update must name the version it read (see people.services)."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


def concrete_field(model: type[models.Model] | models.Model, name: str) -> "models.Field[Any, Any]":
    """``model._meta.get_field(name)`` for a field stored on the model's own table (never the reverse
    side of a relation, which has no column, label or choices)."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{name} is not a concrete field of {model._meta.label}")
    return field
