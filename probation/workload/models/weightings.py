"""The workload weightings as reference data with effective dates (workload.md: "editable by
administrators; store them as reference data with effective dates, not constants in code").

A change is a new row from a date, never an edit of an old one, so a workload on an earlier date is
worked out with the weightings of that date (ADR 0031)."""

from django.db import models
from django.db.models import Q

from probation.rules.workload.points import SUPERVISED_TIERS, CaseType, ReportType

CASE_TYPE_CHOICES = [(t.value, t.value.capitalize()) for t in CaseType]
REPORT_TYPE_CHOICES = [(t.value, t.value.replace("_", " ")) for t in ReportType]


class CaseWeighting(models.Model):
    tier = models.CharField(max_length=2, choices=[(t, t) for t in SUPERVISED_TIERS])
    case_type = models.CharField(max_length=10, choices=CASE_TYPE_CHOICES)
    points = models.PositiveIntegerField()
    effective_from = models.DateField()
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["tier", "case_type", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["tier", "case_type", "effective_from"], name="caseweighting_one_per_date"
            ),
            models.CheckConstraint(condition=Q(tier__in=SUPERVISED_TIERS), name="caseweighting_tier_known"),
            models.CheckConstraint(
                condition=Q(case_type__in=[t.value for t in CaseType]), name="caseweighting_case_type_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tier} {self.case_type}: {self.points} from {self.effective_from:%Y-%m-%d}"


class ReportWeighting(models.Model):
    report_type = models.CharField(max_length=20, choices=REPORT_TYPE_CHOICES)
    points = models.PositiveIntegerField()
    effective_from = models.DateField()
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["report_type", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "effective_from"], name="reportweighting_one_per_date"
            ),
            models.CheckConstraint(
                condition=Q(report_type__in=[t.value for t in ReportType]),
                name="reportweighting_type_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_type}: {self.points} from {self.effective_from:%Y-%m-%d}"
