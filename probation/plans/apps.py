from django.apps import AppConfig


class PlansConfig(AppConfig):
    """Sentence plans (interventions.md): goals, steps, agreement and reviews."""

    name = "probation.plans"
    label = "plans"
    verbose_name = "Sentence plans"

    def ready(self) -> None:
        # Its section of the case sub-navigation (probation.core.case_sections), under Sentences.
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "plan", "Sentence plan", "plans:plan", Permission.PLAN_VIEW, order=57, group="sentences"
            )
        )
