"""Breach of a community or suspended sentence order (enforcement.md "Breach").

Initiated ⇒ breach pack for court ⇒ court outcome or withdrawal. Concluding sets ``ended_on`` and
the sentence's ``last_breach_ended_on``, which resets the failures-to-comply window.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.contacts.models import Contact
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.enforcement.transitions import BreachStatus
from probation.sentences.models import Sentence

BREACH_STATUS_CHOICES = [(s.value, s.value.replace("_", " ").capitalize()) for s in BreachStatus]
BREACH_OPEN = (BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT)


class BreachQuerySet(models.QuerySet):
    def in_progress(self) -> "BreachQuerySet":
        return self.filter(status__in=BREACH_OPEN)


class Breach(VersionedModel):
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, related_name="breaches")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="breaches")
    status = models.CharField(max_length=40, choices=BREACH_STATUS_CHOICES, default=BreachStatus.INITIATED)
    initiated_on = models.DateField()
    initiated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    failures = models.ManyToManyField(Contact, related_name="breaches")
    recommendation = models.TextField("Officer's recommendation to the court", blank=True)
    court = models.CharField(max_length=120, blank=True)
    hearing_date = models.DateField(null=True, blank=True)
    pack_sent_on = models.DateField(null=True, blank=True)
    outcome_notes = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)

    objects = BreachQuerySet.as_manager()

    class Meta:
        ordering = ["-initiated_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("initiated_on")),
                name="breach_ends_after_start",
            ),
            # At most one breach in progress per sentence.
            models.UniqueConstraint(
                fields=["sentence"],
                condition=Q(status__in=[s.value for s in BREACH_OPEN]),
                name="breach_one_open_per_sentence",
            ),
        ]

    def __str__(self) -> str:
        return f"Breach of sentence {self.sentence_id} initiated {self.initiated_on:%Y-%m-%d}"


class BreachStep(models.Model):
    breach = models.ForeignKey(Breach, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=40, blank=True)
    to_status = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} -> {self.to_status}"
