from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Pre-sentence reports: the court's request, its deadline and author, the report itself (drafted,
    signed, locked), its PDF for court, and an oral report's short record (court-reports.md).

    It sits below ``court`` in the layers: a request names its court and, when it came from a list,
    its hearing, by model reference only; court work (resulting) calls down into this app."""

    name = "probation.reports"
    label = "reports"
    verbose_name = "Pre-sentence reports"
