from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """Accredited programmes (interventions.md): catalogue, pathway, referral, waiting lists,
    groups, registers and completion."""

    name = "probation.programmes"
    label = "programmes"
    verbose_name = "Accredited programmes"

    def ready(self) -> None:
        # Its section of the case sub-navigation (probation.core.case_sections), under Sentences.
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "programmes",
                "Programmes",
                "programmes:case",
                Permission.PROGRAMME_VIEW,
                order=58,
                group="sentences",
            )
        )
