"""Licences and post-sentence supervision after custody, with their conditions (issue 3 item 3)."""

from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.sentences.models.choices import CONDITION_CATEGORY_CHOICES, CONDITION_KIND_CHOICES
from probation.sentences.models.events import Sentence


class Licence(VersionedModel):
    sentence = models.OneToOneField(Sentence, on_delete=models.CASCADE, related_name="licence")
    supervision = models.CharField(
        max_length=30,
        choices=[("licence", "Licence"), ("post_sentence_supervision", "Post-sentence supervision")],
    )
    release_date = models.DateField("Release date")
    conditional_release_date = models.DateField("Conditional release date (CRD)", null=True, blank=True)
    licence_expiry_date = models.DateField("Licence expiry date (LED)", null=True, blank=True)
    sentence_expiry_date = models.DateField("Sentence expiry date (SED)", null=True, blank=True)
    pss_end_date = models.DateField("Post-sentence supervision end date", null=True, blank=True)
    top_up_end_date = models.DateField("Top-up supervision end date", null=True, blank=True)
    releasing_prison = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(licence_expiry_date__isnull=True) | Q(licence_expiry_date__gte=F("release_date")),
                name="licence_expiry_after_release",
            ),
        ]

    def __str__(self) -> str:
        return f"Licence from {self.release_date:%Y-%m-%d}"


class LicenceCondition(VersionedModel):
    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="conditions")
    kind = models.CharField(max_length=12, choices=CONDITION_KIND_CHOICES)
    category = models.CharField(max_length=40, choices=CONDITION_CATEGORY_CHOICES, blank=True)
    text = models.TextField()
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    ordinal = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="licencecondition_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind="additional") | Q(category=""),
                name="licencecondition_category_only_additional",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]
