from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    """Compliance, enforcement actions, warning letters, breach and recall."""

    name = "probation.enforcement"
    label = "enforcement"
    verbose_name = "Compliance and enforcement"
