from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """Accredited programmes (interventions.md): catalogue, pathway, referral, waiting lists,
    groups, registers and completion."""

    name = "probation.programmes"
    label = "programmes"
    verbose_name = "Accredited programmes"
