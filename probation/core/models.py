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
