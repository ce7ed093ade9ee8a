from django.apps import AppConfig


class ParoleConfig(AppConfig):
    """Reports to the Parole Board (PAROM1) and to prison governors (custody-release.md), with
    hearings and decisions."""

    name = "probation.parole"
    label = "parole"
    verbose_name = "Parole and prison reports"

    def ready(self) -> None:
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "parole",
                "Parole and governors' reports",
                "parole:case",
                Permission.PAROLE_VIEW,
                order=53,
                group="sentences",
            )
        )
