from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    """Compliance, enforcement actions, warning letters, breach and recall."""

    name = "probation.enforcement"
    label = "enforcement"
    verbose_name = "Compliance and enforcement"

    def ready(self) -> None:
        # The compliance and breach/recall panels on the sentence page (probation.core.panels).
        from probation.enforcement import panels_compliance, panels_workflows  # noqa: F401
