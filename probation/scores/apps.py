from django.apps import AppConfig


class ScoresConfig(AppConfig):
    """Predictor scores calculated from the case record, with the criminal history they need."""

    name = "probation.scores"
    label = "scores"
    verbose_name = "Predictor scores"

    def ready(self) -> None:
        # Its section(s) of the case sub-navigation (probation.core.case_sections).
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "scores",
                "Predictor scores",
                "scores:case",
                Permission.ROSH_VIEW,
                order=120,
                group="assessments",
            )
        )
