from django.apps import AppConfig


class PlansConfig(AppConfig):
    """Sentence plans (interventions.md): goals, steps, agreement and reviews."""

    name = "probation.plans"
    label = "plans"
    verbose_name = "Sentence plans"
