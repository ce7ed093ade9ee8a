from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    """Commissioned rehabilitative services (interventions.md): referrals to providers, their
    assessments, action plans, sessions and end-of-service reports."""

    name = "probation.referrals"
    label = "referrals"
    verbose_name = "Commissioned rehabilitative services"

    def ready(self) -> None:
        # Its section of the case sub-navigation (probation.core.case_sections), under Sentences.
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "referrals",
                "Commissioned services",
                "referrals:case-list",
                Permission.REFERRAL_VIEW,
                order=59,
                group="sentences",
            )
        )
