"""The licence the COM drafts before release and the recall report (custody-release.md § Pre-release
planning; enforcement.md § Licences and recall; issue 14 items 5 and 6).

``CustodyLicence`` is the draft and its state (one per custody record); its additional conditions are
rows here, each with its *necessary and proportionate* justification. On release it becomes active and
the sentences app's ``Licence`` (with every condition, standard and additional) is written, so recall and
contacts link to the conditions as before. ``RecallReport`` holds what the Part A asks beyond the recall
itself: victims in the scheme and the date the VLO was told (victims.md, both mandatory).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.contacts.models import Contact
from probation.core.models import VersionedModel
from probation.custody.models.custody import CustodyRecord
from probation.enforcement.models import Recall
from probation.rules.custody.licence import CATEGORY_LABELS
from probation.sentences.models import Licence


class LicenceStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    ACTIVE = "active", "Active"
    RECALLED = "recalled", "Recalled"
    INACTIVE = "inactive", "Inactive"


CATEGORY_CHOICES = [(c.value, label) for c, label in CATEGORY_LABELS.items()]


class CustodyLicence(VersionedModel):
    custody = models.OneToOneField(CustodyRecord, on_delete=models.CASCADE, related_name="licence_draft")
    status = models.CharField(max_length=12, choices=LicenceStatus.choices, default=LicenceStatus.IN_PROGRESS)
    standard_key = models.CharField(max_length=60, blank=True)  # the standard conditions' rule version
    licence = models.OneToOneField(
        Licence, on_delete=models.PROTECT, null=True, blank=True, related_name="custody_licence"
    )
    released_on = models.DateField(null=True, blank=True)
    first_appointment = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="in_progress") | Q(released_on__isnull=False),
                name="custodylicence_released_unless_in_progress",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="custodylicence_status_idx")]

    def __str__(self) -> str:
        return f"Licence for custody record {self.custody_id} ({self.status})"


class DraftCondition(VersionedModel):
    """An additional condition on the licence, with its justification (required before activation)."""

    licence = models.ForeignKey(CustodyLicence, on_delete=models.CASCADE, related_name="conditions")
    category = models.CharField(max_length=30, choices=CATEGORY_CHOICES)
    text = models.TextField()
    justification = models.TextField("Why it is necessary and proportionate", blank=True)
    victim_related = models.BooleanField("Asked for by the victim", default=False)
    ordinal = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class VictimsInScheme(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class RecallReport(VersionedModel):
    """The Part A's answers beyond the recall record."""

    recall = models.OneToOneField(Recall, on_delete=models.CASCADE, related_name="part_a")
    victims_in_scheme = models.CharField(max_length=15, choices=VictimsInScheme.choices)
    vlo_told_on = models.DateField("Date the VLO was told", null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(victims_in_scheme="yes") | Q(vlo_told_on__isnull=False),
                name="recallreport_vlo_date_when_victims",
            ),
        ]

    def __str__(self) -> str:
        return f"Part A for recall {self.recall_id}"
