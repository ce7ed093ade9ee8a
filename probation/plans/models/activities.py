"""Structured interventions and toolkits delivered as rehabilitation activity (issue 12 item 4;
interventions.md § Structured interventions and toolkits).

Each session is an appointment in the contact log (contacts app), linked to the RAR requirement, so
its outcome is recorded, enforced and credited as a RAR day exactly like any other (enforcement.md:
RAR activities are enforceable; a RAR day is a distinct date with an attended activity). This row
says which intervention or toolkit the session delivered, so the requirement's page can show progress
through each one.
"""

from django.conf import settings
from django.db import models

from probation.contacts.models import Contact
from probation.sentences.models import Requirement


class RarActivity(models.Model):
    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="rar_activity")
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="rar_activities")
    intervention = models.CharField(max_length=40)  # probation.rules.plans.interventions key
    toolkit_name = models.CharField("Toolkit used", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["requirement", "intervention"], name="raractivity_req_idx")]

    def __str__(self) -> str:
        return f"{self.intervention} for requirement {self.requirement_id}"
