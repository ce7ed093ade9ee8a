from django.apps import AppConfig


class ParoleConfig(AppConfig):
    """Reports to the Parole Board (PAROM1) and to prison governors (custody-release.md), with
    hearings and decisions."""

    name = "probation.parole"
    label = "parole"
    verbose_name = "Parole and prison reports"
