from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "probation.risk"
    label = "risk"
    verbose_name = "Risk and need"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "registrations",
                "Risk flags",
                "risk:registration-list",
                Permission.REGISTRATION_VIEW,
                order=70,
                group="risk",
            )
        )
        register_case_section(
            CaseSection(
                "rosh", "RoSH and RMP", "risk:rosh-summary", Permission.ROSH_VIEW, order=80, group="risk"
            )
        )
        # RoSH and risk flags in the case overview's summary (probation.core.panels).
        from probation.core.panels import register_panel
        from probation.risk.panels import flags_overview_row, rosh_overview_row

        register_panel("case-overview-summary", rosh_overview_row, order=20)
        register_panel("case-overview-summary", flags_overview_row, order=30)
