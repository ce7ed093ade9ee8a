from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "probation.audit"
    label = "audit"
