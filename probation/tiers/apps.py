from django.apps import AppConfig


class TiersConfig(AppConfig):
    """The stored tier of each case: calculated by probation.rules.tiering from registrations,
    assessments, scores and sentences, with its inputs, breakdown and history."""

    name = "probation.tiers"
    label = "tiers"
    verbose_name = "Tiers"

    def ready(self) -> None:
        # The explicit registry the lower apps' services call into (ADR 0012): not a signal.
        from probation.core.case_changes import register_recalculation
        from probation.tiers.services.recalculation import tier_recalculate

        register_recalculation(tier_recalculate)
