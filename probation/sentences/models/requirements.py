"""Requirements of community and suspended sentence orders (issue 3 item 2).

``ordered`` is the amount the court set in the requirement's measure (hours, days, sessions, hours a
day); ``done`` is the live progress (hours credited, RAR days used, sessions attended), written only
by the contacts outcome service under a row lock so two officers can never double-credit.
"""

from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.sentences.models.choices import REQUIREMENT_TYPE_CHOICES, RequirementTerminationReason
from probation.sentences.models.events import Sentence


class Requirement(VersionedModel):
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="requirements")
    type = models.CharField(max_length=40, choices=REQUIREMENT_TYPE_CHOICES)
    ordered = models.PositiveIntegerField("Amount ordered", null=True, blank=True)
    done = models.PositiveIntegerField("Progress", default=0)
    # Unpaid work is credited in minutes (unpaid-work.md: (end − start) − penalty): ``done`` holds the
    # whole hours and this the minutes beyond them, so every page reading ``done`` stays in hours.
    done_part_minutes = models.PositiveSmallIntegerField(default=0, db_default=0)
    start_date = models.DateField("Start date")
    end_date = models.DateField("End date", null=True, blank=True)
    # Curfew hours and electronic monitoring, exclusion place and period, residence address,
    # prohibited activity, programme name, treatment provider: the court's wording.
    details = models.TextField(blank=True)
    electronic_monitoring = models.BooleanField(default=False)
    terminated_on = models.DateField(null=True, blank=True)
    termination_reason = models.CharField(
        max_length=20, choices=RequirementTerminationReason.choices, blank=True
    )

    class Meta:
        ordering = ["start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ordered__isnull=True) | Q(done__lte=F("ordered")),
                name="requirement_done_within_ordered",
            ),
            models.CheckConstraint(
                condition=Q(done_part_minutes__lt=60), name="requirement_part_minutes_under_an_hour"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="requirement_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} on sentence {self.sentence_id}"

    @property
    def done_minutes(self) -> int:
        return self.done * 60 + self.done_part_minutes

    @property
    def is_active(self) -> bool:
        return self.terminated_on is None
