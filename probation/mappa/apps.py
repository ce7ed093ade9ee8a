from django.apps import AppConfig


class MappaConfig(AppConfig):
    """Multi-agency public protection arrangements: meetings, actions and reviews for MAPPA cases."""

    name = "probation.mappa"
    label = "mappa"
    verbose_name = "MAPPA"
