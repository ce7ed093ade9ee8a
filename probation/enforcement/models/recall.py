"""Recall of a person on licence (enforcement.md "Licences and recall"): the officer's
recommendation, the senior PO's decision, then return to custody and re-release."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.enforcement.recall import RecallType
from probation.rules.enforcement.transitions import RecallStatus
from probation.sentences.models import Licence, LicenceCondition, Sentence

RECALL_STATUS_CHOICES = [(s.value, s.value.replace("_", " ").capitalize()) for s in RecallStatus]
RECALL_TYPE_CHOICES = [(RecallType.STANDARD.value, "Standard"), (RecallType.FIXED_TERM.value, "Fixed-term")]
RECALL_OPEN = (RecallStatus.CONSIDERING, RecallStatus.AWAITING_DECISION, RecallStatus.RECALL_DECIDED)


class RecallQuerySet(models.QuerySet):
    def in_progress(self) -> "RecallQuerySet":
        return self.filter(status__in=RECALL_OPEN)


class Recall(VersionedModel):
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, related_name="recalls")
    licence = models.ForeignKey(Licence, on_delete=models.PROTECT, related_name="recalls")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="recalls")
    status = models.CharField(max_length=30, choices=RECALL_STATUS_CHOICES, default=RecallStatus.CONSIDERING)
    emergency = models.BooleanField(default=False)
    breached_conditions = models.ManyToManyField(LicenceCondition, related_name="recalls")
    circumstances = models.TextField("What happened", blank=True)
    alternatives_tried = models.JSONField(default=list, blank=True)
    alternatives_notes = models.TextField(blank=True)
    charged_with_new_offence = models.BooleanField(default=False)
    referred_to_parole_board = models.BooleanField(default=False)
    victims_in_contact_scheme = models.BooleanField(default=False)
    # RoSH and MAPPA as they stood when the officer recommended, so the decision record is complete.
    rosh_at_recommendation = models.CharField(max_length=20, blank=True)
    mappa_at_recommendation = models.CharField(max_length=40, blank=True)
    recommendation = models.CharField(
        max_length=10, choices=[("recall", "Recall"), ("no_recall", "Do not recall")], blank=True
    )
    recommended_type = models.CharField(max_length=12, choices=RECALL_TYPE_CHOICES, blank=True)
    recommendation_reason = models.TextField(blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    recommended_on = models.DateField(null=True, blank=True)
    decision = models.CharField(
        max_length=10, choices=[("recall", "Recall"), ("no_recall", "Do not recall")], blank=True
    )
    recall_type = models.CharField(max_length=12, choices=RECALL_TYPE_CHOICES, blank=True)
    rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)
    # The recall rule in force on the decision date (probation.rules.enforcement.recall.RECALL_RULES),
    # kept for good: a recall decided before 31 March 2026 keeps its 14/28 days (enforcement.md § Law by
    # date). ``fixed_term_days``: the fixed term that rule gave this case, for the re-release date.
    # A database default too, so bulk loaders that name their columns (the demo's COPY) need not know it.
    rule_version = models.CharField(max_length=40, blank=True, default="", db_default="")
    fixed_term_days = models.PositiveSmallIntegerField(null=True, blank=True)
    returned_to_custody_on = models.DateField(null=True, blank=True)
    re_release_due_on = models.DateField(null=True, blank=True)
    re_released_on = models.DateField(null=True, blank=True)

    objects = RecallQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["licence"],
                condition=Q(status__in=[s.value for s in RECALL_OPEN]),
                name="recall_one_open_per_licence",
            ),
            models.CheckConstraint(
                condition=~Q(decision="recall") | ~Q(recall_type=""), name="recall_decision_has_type"
            ),
        ]

    def __str__(self) -> str:
        return f"Recall of licence {self.licence_id} started {self.started_on:%Y-%m-%d}"


class RecallStep(models.Model):
    recall = models.ForeignKey(Recall, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"
