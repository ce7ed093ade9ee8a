"""A person added although they looked like someone already recorded (issue 10 item 5): who decided,
why, and which records they were shown, so duplicates can be found and merged later."""

from django.conf import settings
from django.db import models

from probation.people.models.person import Person


class DuplicateOverride(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="duplicate_override")
    reason = models.TextField()
    # The CRNs shown to the user as possible matches (restricted ones too: they were shown by CRN).
    matched_crns = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Duplicate override for {self.person_id}"
