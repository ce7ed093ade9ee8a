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

        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection("tier", "Tier", "tiers:case", Permission.TIER_VIEW, order=130, group="assessments")
        )
        # The tier in the case overview's summary (probation.core.panels).
        from probation.core.panels import register_panel
        from probation.tiers.panels import tier_overview_row

        register_panel("case-overview-summary", tier_overview_row, order=10)
