"""One row per "add" form a user has submitted, by the key the form carried (issue 9 item 7), so a
double-click or a resent POST lands on the first result instead of making a second record."""

from django.conf import settings
from django.db import models


class FormSubmission(models.Model):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    redirect_to = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "key"], name="form_submission_once_per_actor")
        ]

    def __str__(self) -> str:
        return f"Form submission {self.key}"
