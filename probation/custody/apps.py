from django.apps import AppConfig


class CustodyConfig(AppConfig):
    """People in custody (custody-release.md): key dates, handover from prison to
    community, pre-release planning, licences, recall paperwork and parole reports."""

    name = "probation.custody"
    label = "custody"
    verbose_name = "Custody and release"
