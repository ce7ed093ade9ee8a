"""The sign-off trail of a report (court-reports.md § Content 7): one row per step — signed by the
author, countersigned by the named senior PO, returned to the author with a reason, locked — with who
and when. The report keeps its current status; these rows are its history for the case timeline."""

from django.conf import settings
from django.db import models

from probation.reports.models.reports import Report


class ReportStep(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=12)  # rules.court_reports.signoff.SignoffAction, or "oral"
    from_status = models.CharField(max_length=8)
    to_status = models.CharField(max_length=8)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    # Why the senior PO returned the report to its author (shown to the author, never in the PDF).
    reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} -> {self.to_status}"
