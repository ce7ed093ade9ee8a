from django.apps import AppConfig


class WorklistsConfig(AppConfig):
    """The lists that drive the day, for an officer and for a team manager, and the nightly sweep."""

    name = "probation.worklists"
    label = "worklists"
    verbose_name = "Work lists"
