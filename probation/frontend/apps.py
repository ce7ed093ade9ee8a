from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "probation.frontend"
    label = "frontend"
