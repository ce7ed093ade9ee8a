from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "probation.core"
    label = "core"
