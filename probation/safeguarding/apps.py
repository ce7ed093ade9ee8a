from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Safeguarding children: checks with children's services and referrals, linked to the child
    protection and child concerns registrations."""

    name = "probation.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding children"
