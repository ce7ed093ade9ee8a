from django.apps import AppConfig


class UnpaidWorkConfig(AppConfig):
    """Community Payback (unpaid-work.md): projects, placements, assessments, allocation
    and the supervisor's session sheet."""

    name = "probation.unpaid_work"
    label = "unpaid_work"
    verbose_name = "Unpaid work"

    def ready(self) -> None:
        # The unpaid-work progress (deadline and extensions, ETE, earned reduction) on the sentence page.
        from probation.core.panels import register_panel
        from probation.unpaid_work.panels.progress import progress_panel

        register_panel("sentence", progress_panel, order=5)
