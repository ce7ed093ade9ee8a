from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "probation.risk"
    label = "risk"
    verbose_name = "Risk and need"
