from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    """Commissioned rehabilitative services (interventions.md): referrals to providers, their
    assessments, action plans, sessions and end-of-service reports."""

    name = "probation.referrals"
    label = "referrals"
    verbose_name = "Commissioned rehabilitative services"
