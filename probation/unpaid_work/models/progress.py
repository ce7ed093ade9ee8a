"""The order's progress beyond sessions (issue 13 items 5 and 6): the court's extensions of the
12-month completion deadline (history kept, the latest in force) and ETE time credited within the
share of the order (probation.rules.unpaid_work.incentive)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.contacts.models import Contact
from probation.core.models import TimeStampedModel
from probation.sentences.models import Requirement


class DeadlineExtension(TimeStampedModel):
    """A court's extension of the period to complete the work (SA 2020 Sch 10 para 21; Sch 16 para 27)."""

    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="upw_extensions")
    granted_on = models.DateField("Date the court granted it")
    new_deadline = models.DateField("New deadline")
    court = models.CharField("Court", max_length=120, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["new_deadline", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "new_deadline"], name="upw_extension_once_per_deadline"
            ),
            models.CheckConstraint(
                condition=Q(new_deadline__gt=F("granted_on")), name="upw_extension_after_grant"
            ),
        ]

    def __str__(self) -> str:
        return f"Extension of requirement {self.requirement_id} to {self.new_deadline}"


class EteCredit(TimeStampedModel):
    """Education, training or employment time credited to the order. Its contact (an attended unpaid-
    work session on the person's record) carries the credit through the contacts credit service."""

    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="upw_ete_credits")
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="upw_ete")
    date = models.DateField("Date")
    minutes = models.PositiveSmallIntegerField()
    activity = models.CharField("Course or activity", max_length=120)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["date", "id"]
        constraints = [models.CheckConstraint(condition=Q(minutes__gt=0), name="upw_ete_credit_positive")]

    def __str__(self) -> str:
        return f"ETE credit of {self.minutes} minutes on requirement {self.requirement_id}"
