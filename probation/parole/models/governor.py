"""Shorter reports to a prison governor (custody-release.md § ROTL, § HDC; open conditions): a
structured record of the COM's risk view and recommendation, with its own deadline."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.custody.models import CustodyRecord
from probation.people.models import Person
from probation.rules.parole.timetable import GOVERNOR_REPORT_LABELS

KIND_CHOICES = [(k.value, v) for k, v in GOVERNOR_REPORT_LABELS.items()]


class GovernorRecommendation(models.TextChoices):
    SUPPORT = "support", "Supported"
    SUPPORT_WITH_CONDITIONS = "conditions", "Supported with conditions"
    NOT_SUPPORTED = "not_supported", "Not supported"


class GovernorReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent to the governor"


class GovernorReport(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="governor_reports")
    custody = models.ForeignKey(CustodyRecord, on_delete=models.PROTECT, related_name="governor_reports")
    kind = models.CharField("Report for", max_length=16, choices=KIND_CHOICES)
    requested_on = models.DateField("Requested by the prison on")
    due_on = models.DateField("Due")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    risk_view = models.TextField("Risk view", blank=True, max_length=8000)
    conditions = models.TextField("Conditions proposed", blank=True, max_length=4000)
    vlo_consulted_on = models.DateField("Date the VLO was consulted", null=True, blank=True)
    recommendation = models.CharField(max_length=14, choices=GovernorRecommendation.choices, blank=True)
    reasons = models.TextField("Reasons", blank=True, max_length=8000)
    status = models.CharField(
        max_length=5, choices=GovernorReportStatus.choices, default=GovernorReportStatus.DRAFT
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(sent_at__isnull=False, vlo_consulted_on__isnull=False)
                & ~Q(recommendation="")
                & ~Q(reasons=""),
                name="governorreport_sent_is_complete",
            ),
        ]
        indexes = [
            models.Index(fields=["author", "due_on"], condition=Q(status="draft"), name="governor_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} report {self.pk}"
