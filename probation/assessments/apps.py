from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Structured needs assessments (the 8 need sections, financial management, emotional
    wellbeing and the women's factors) that tiering and the predictors read."""

    name = "probation.assessments"
    label = "assessments"
    verbose_name = "Needs assessments"
