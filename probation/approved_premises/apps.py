from django.apps import AppConfig


class ApprovedPremisesConfig(AppConfig):
    """Approved premises (approved-premises.md): the national estate, applications,
    assessment, matching and booking, residents and the night's sign-in register."""

    name = "probation.approved_premises"
    label = "approved_premises"
    verbose_name = "Approved premises"
