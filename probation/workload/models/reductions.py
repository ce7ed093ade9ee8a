"""A practitioner's contracted hours and the reductions taken off them (workload.md § Capacity).
Reductions are ended, never deleted: the history shows what applied when."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.accounts.models import Staff

FULL_TIME_HOURS = Decimal(37)


class ReductionReason(models.TextChoices):
    LONG_TERM_SICKNESS = "sickness", "Long-term sickness"
    NEWLY_QUALIFIED = "newly_qualified", "Newly qualified probation officer"
    PQIP = "pqip", "Probation officer in training (PQiP)"
    TRADE_UNION = "trade_union", "Trade-union facility time"
    PHASED_RETURN = "phased_return", "Phased return to work"
    OTHER_DUTIES = "other_duties", "Other duties (for example court duty or a project)"
    OTHER = "other", "Other"


class ContractedHours(models.Model):
    """A practitioner's weekly contracted hours; with no row, full time (37 hours)."""

    staff = models.OneToOneField(Staff, on_delete=models.CASCADE, related_name="contracted_hours")
    hours = models.DecimalField(max_digits=4, decimal_places=2)

    class Meta:
        verbose_name_plural = "contracted hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=0) & Q(hours__lte=FULL_TIME_HOURS), name="contractedhours_in_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.staff_id}: {self.hours} hours"


class ReductionQuerySet(models.QuerySet["Reduction"]):
    def in_force_on(self, on: object) -> "ReductionQuerySet":
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)


class Reduction(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="workload_reductions")
    reason = models.CharField(max_length=20, choices=ReductionReason.choices)
    details = models.TextField(blank=True)
    hours = models.DecimalField("Hours a week", max_digits=4, decimal_places=2)
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ReductionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=FULL_TIME_HOURS), name="reduction_hours_in_range"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="reduction_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["staff", "starts_on"], name="reduction_staff_idx")]

    def __str__(self) -> str:
        return f"{self.staff_id}: {self.hours} h from {self.starts_on:%Y-%m-%d}"
