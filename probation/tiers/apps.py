from django.apps import AppConfig


class TiersConfig(AppConfig):
    """The stored tier of each case: calculated by probation.risk.tiering from registrations,
    assessments, scores and sentences, with its inputs, breakdown and history."""

    name = "probation.tiers"
    label = "tiers"
    verbose_name = "Tiers"
