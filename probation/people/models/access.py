"""Limited-access (LAO) lists and partner sharing. Read only through probation.people.policy."""

from django.conf import settings
from django.db import models

from probation.people.models.person import Person


class Exclusion(models.Model):
    """A named user who must not see the case."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "user"], name="exclusion_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} excluded from {self.person_id}"


class Restriction(models.Model):
    """A named user who may see a restricted case; nobody else may."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="restrictions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "user"], name="restriction_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} may see {self.person_id}"


class PartnerShare(models.Model):
    """A case shared with a partner-agency user (e.g. under MAPPA), for a stated reason and period."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="partner_shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=200)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    expires_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "user"], name="partnershare_unique")]

    def __str__(self) -> str:
        return f"{self.person_id} shared with {self.user_id}"
