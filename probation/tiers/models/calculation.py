"""A stored tier calculation (tiering.md § When to recalculate; ADR 0012).

A row is written only when the result differs from the person's previous one (tier, protect level,
change level or unsupervised flag: ``rules.tiering.should_record``), so the history is the list of
tier changes. Each row keeps exactly what it was calculated on (``inputs``) and why it came out as
it did (``breakdown``), so "why is this case B2?" can be answered later even after the inputs move.
Rows are never updated or deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.people.models import Person

PROTECT_LEVELS = ("A", "B", "C", "D")
CHANGE_LEVELS = (0, 1, 2, 3)


class TierCalculation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tier_calculations")
    calculated_at = models.DateTimeField()
    tier = models.CharField(max_length=3)  # e.g. "B2", "B2S"
    protect_level = models.CharField(max_length=1)
    change_level = models.PositiveSmallIntegerField()
    unsupervised = models.BooleanField()
    protect_points = models.IntegerField()
    # None when the change level was set without points (no mandate ⇒ 0, no assessment ⇒ 2).
    change_points = models.IntegerField(null=True, blank=True)
    protect_reason = models.TextField()
    change_reason = models.TextField()
    inputs = models.JSONField()  # rules.tiering.inputs_to_dict
    breakdown = models.JSONField()  # [{axis, rule, points, reason}, ...]
    reason = models.CharField("Reason for recalculation", max_length=100)
    calculated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )  # None: the national bulk recalculation

    class Meta:
        ordering = ["-calculated_at", "-id"]
        indexes = [
            models.Index(fields=["person", "-calculated_at", "-id"], name="tiercalc_person_latest_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(protect_level__in=PROTECT_LEVELS), name="tiercalc_protect_level"
            ),
            models.CheckConstraint(condition=Q(change_level__in=CHANGE_LEVELS), name="tiercalc_change_level"),
            models.CheckConstraint(condition=Q(tier__regex=r"^[A-D][0-3]S?$"), name="tiercalc_tier_format"),
        ]

    def __str__(self) -> str:
        return f"{self.tier} for {self.person_id} at {self.calculated_at:%Y-%m-%d %H:%M}"
