from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Structured needs assessments (the 8 need sections, financial management, emotional
    wellbeing and the women's factors) that tiering and the predictors read."""

    name = "probation.assessments"
    label = "assessments"
    verbose_name = "Needs assessments"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "assessments",
                "Needs assessments",
                "assessments:list",
                Permission.ASSESSMENT_VIEW,
                order=100,
                group="assessments",
            )
        )
