from django.apps import AppConfig


class ScoresConfig(AppConfig):
    """Predictor scores calculated from the case record, with the criminal history they need."""

    name = "probation.scores"
    label = "scores"
    verbose_name = "Predictor scores"
