from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Safeguarding children: checks with children's services and referrals, linked to the child
    protection and child concerns registrations."""

    name = "probation.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding children"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "safeguarding",
                "Safeguarding",
                "safeguarding:case",
                Permission.SAFEGUARDING_VIEW,
                order=110,
                group="risk",
            )
        )
