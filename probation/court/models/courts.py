"""Courts as reference data: each magistrates' or Crown Court is served by one PDU's court team."""

from django.db import models
from django.db.models import Q

from probation.accounts.models import PDU


class CourtKind(models.TextChoices):
    MAGISTRATES = "magistrates", "Magistrates’ court"
    CROWN = "crown", "Crown Court"


class Court(models.Model):
    # The court code lists carry (Libra / Common Platform style, e.g. "B01LY00").
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField("Type", max_length=12, choices=CourtKind.choices)
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="courts", verbose_name="PDU")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CourtKind.values), name="court_kind_known"),
        ]

    def __str__(self) -> str:
        return self.name
