from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Pre-sentence reports: the court's request, its deadline and author, the report itself (drafted,
    signed, locked), its PDF for court, and an oral report's short record (court-reports.md).

    It sits below ``court`` in the layers: a request names its court and, when it came from a list,
    its hearing, by model reference only; court work (resulting) calls down into this app."""

    name = "probation.reports"
    label = "reports"
    verbose_name = "Pre-sentence reports"

    def ready(self) -> None:
        # Its section of the case sub-navigation (probation.core.case_sections): the court's report
        # requests on the case, read by court work staff.
        from probation.accounts.policy import Permission
        from probation.core.case_sections import CaseSection, register_case_section

        register_case_section(
            CaseSection(
                "reports",
                "Court reports",
                "reports:request-case-list",
                Permission.COURT_DUTY_VIEW,
                order=55,
                group="sentences",
            )
        )
