from django.apps import AppConfig


class WorkloadConfig(AppConfig):
    """Workload points and capacity per practitioner (workload.md): weightings as dated reference
    data, reductions, the team view, and each candidate's capacity on the allocate page."""

    name = "probation.workload"
    label = "workload"
    verbose_name = "Workload"

    def ready(self) -> None:
        # The allocate page (probation.people, below this app) shows each candidate's capacity now
        # and after taking the case through its panel slot (probation.core.panels).
        from probation.core.panels import register_panel
        from probation.workload.panels import allocation_candidates_panel

        register_panel("allocate-candidates", allocation_candidates_panel)

        # Pre-sentence reports (probation.reports, below this app) add their points while written.
        from probation.reports.selectors.completed import reports_being_written
        from probation.workload.report_sources import register_report_counts

        register_report_counts(reports_being_written)
