from django.apps import AppConfig


class CourtConfig(AppConfig):
    """Court work: courts, the lists imported for each sitting, matching defendants to the record and
    the court duty page (court-reports.md § Court liaison)."""

    name = "probation.court"
    label = "court"
    verbose_name = "Court work"
