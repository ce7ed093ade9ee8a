from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    """Compliance, enforcement actions, warning letters, breach and recall."""

    name = "probation.enforcement"
    label = "enforcement"
    verbose_name = "Compliance and enforcement"

    def ready(self) -> None:
        # The compliance and breach/recall panels on the sentence page (probation.core.panels), in the
        # order the page shows them.
        from probation.core.panels import register_panel
        from probation.enforcement.panels.breach_and_recall import workflows_panel
        from probation.enforcement.panels.compliance import compliance_panel_build
        from probation.enforcement.panels.overview import sentences_overview_panel

        register_panel("sentence", compliance_panel_build)
        register_panel("sentence", workflows_panel)
        # The current sentences with their progress and compliance, first on the case overview.
        register_panel("case-overview", sentences_overview_panel, order=10)
