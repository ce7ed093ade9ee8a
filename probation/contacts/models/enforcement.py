"""Enforcement actions recorded against an unacceptable outcome (enforcement.md "Enforcement
actions"). The outcome service opens one (awaiting action, respond by 10 working days after the
failure) in the same transaction as the outcome; the enforcement app moves it through the workflow
declared in probation.rules.enforcement.transitions, writing a status row for every step.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.contacts.models.contacts import Contact
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.enforcement.actions import EnforcementAction as Action
from probation.rules.enforcement.transitions import EnforcementStatus
from probation.sentences.models import Sentence

STATUS_CHOICES = [(s.value, s.value.replace("_", " ").capitalize()) for s in EnforcementStatus]
ACTION_CHOICES = [(a.value, a.value.replace("_", " ").capitalize()) for a in Action]
OPEN_STATUSES = (
    EnforcementStatus.AWAITING_ACTION,
    EnforcementStatus.REFERRED_TO_OFFENDER_MANAGER,
    EnforcementStatus.PENDING_RESPONSE,
)
WARNING_STATUSES = (EnforcementStatus.FIRST_WARNING_SENT, EnforcementStatus.SECOND_WARNING_SENT)


class EnforcementActionQuerySet(models.QuerySet):
    def open(self) -> "EnforcementActionQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def warnings(self) -> "EnforcementActionQuerySet":
        """Warnings given and not withdrawn; ``decided_on`` is the date given."""
        return self.filter(status__in=WARNING_STATUSES)


class EnforcementCase(VersionedModel):
    """One unacceptable failure and what was done about it."""

    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="enforcement")
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, related_name="enforcement_cases")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enforcement_cases")
    failure_date = models.DateField()
    status = models.CharField(
        max_length=40, choices=STATUS_CHOICES, default=EnforcementStatus.AWAITING_ACTION
    )
    last_action = models.CharField(max_length=40, choices=ACTION_CHOICES, blank=True)
    respond_by = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)

    objects = EnforcementActionQuerySet.as_manager()

    class Meta:
        ordering = ["respond_by", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in EnforcementStatus]), name="enfcase_status_known"
            ),
        ]
        indexes = [
            models.Index(fields=["sentence", "status"], name="enfcase_sentence_status_idx"),
            models.Index(
                fields=["respond_by"],
                condition=Q(status__in=[s.value for s in OPEN_STATUSES]),
                name="enfcase_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Enforcement of contact {self.contact_id}: {self.status}"


class EnforcementStep(models.Model):
    """Status row: who moved the case, when, from what to what, with which action and note."""

    case = models.ForeignKey(EnforcementCase, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=40, choices=ACTION_CHOICES, blank=True)
    from_status = models.CharField(max_length=40, blank=True)
    to_status = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"
