from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Local information for areas (workload.md, equality.md): nightly aggregates of
    caseload, offending, needs, compliance and outcomes, and equality monitoring."""

    name = "probation.insights"
    label = "insights"
    verbose_name = "Local information"
