"""Administrators edit the weightings (workload.md: "editable by administrators") by adding a row
with a new effective date; the admin site signs in through the service's own sign-in (ADR 0023)."""

from django.contrib import admin

from probation.workload.models import CaseWeighting, ReportWeighting


@admin.register(CaseWeighting)
class CaseWeightingAdmin(admin.ModelAdmin):
    list_display = ("tier", "case_type", "points", "effective_from", "source")
    list_filter = ("case_type", "effective_from")


@admin.register(ReportWeighting)
class ReportWeightingAdmin(admin.ModelAdmin):
    list_display = ("report_type", "points", "effective_from", "source")
