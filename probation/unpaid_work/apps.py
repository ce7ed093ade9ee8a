from django.apps import AppConfig


class UnpaidWorkConfig(AppConfig):
    """Community Payback (unpaid-work.md): projects, placements, assessments, allocation
    and the supervisor's session sheet."""

    name = "probation.unpaid_work"
    label = "unpaid_work"
    verbose_name = "Unpaid work"
