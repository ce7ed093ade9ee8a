"""Stored predictor scores: every calculation kept, with the inputs and features behind it.

A score is written only when the predictor calculated; a predictor whose inputs were missing or
invalid stores nothing (predictors.md: "never a guessed score"). The newest row per person and
predictor is the current score; older rows are its history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.people.models import Person


class PredictorSlug(models.TextChoices):
    OGRS3 = "ogrs3", "OGRS3"
    OGP = "ogp", "OGP"
    OVP = "ovp", "OVP"
    OSP_DC = "osp_dc", "OSP/DC"
    OSP_IIC = "osp_iic", "OSP/IIC"
    SNSV = "snsv", "SNSV"
    RSR = "rsr", "RSR"


class PredictorScore(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="predictor_scores")
    predictor = models.CharField(max_length=10, choices=PredictorSlug.choices)
    inputs = models.JSONField()  # the calculator's inputs, as its JSON payload
    features = models.JSONField()  # the feature values and terms behind the score
    result = models.JSONField()  # {"percent"…, "band": …}: the headline figures
    calculated_at = models.DateTimeField()
    calculated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-calculated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(predictor__in=PredictorSlug.values), name="predictorscore_predictor_known"
            ),
        ]
        indexes = [
            models.Index(
                fields=["person", "predictor", "-calculated_at", "-id"], name="predictorscore_latest_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_predictor_display()} of {self.person_id} at {self.calculated_at:%Y-%m-%d %H:%M}"
