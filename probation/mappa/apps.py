from django.apps import AppConfig


class MappaConfig(AppConfig):
    """Multi-agency public protection arrangements: meetings, actions and reviews for MAPPA cases."""

    name = "probation.mappa"
    label = "mappa"
    verbose_name = "MAPPA"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection("mappa", "MAPPA", "mappa:case", Permission.MAPPA_VIEW, order=90, group="risk")
        )
        # The MAPPA category and level in the case overview's summary (probation.core.panels).
        from probation.core.panels import register_panel
        from probation.mappa.panels import mappa_overview_row

        register_panel("case-overview-summary", mappa_overview_row, order=40)
