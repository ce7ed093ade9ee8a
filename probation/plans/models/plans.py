"""The sentence plan (interventions.md § Sentence plan; model of hmpps-sentence-plan).

One plan per person. The plan being worked on is one JSON document of goals, each with its steps
(``probation.rules.plans.content`` gives their shape and checks), saved as the practitioner types
with optimistic locking (``version``; ADR 0005, 0032). Each time the person answers (agreed, not
agreed, could not answer) the goals as they stood are kept as a numbered ``PlanVersion`` with the
answer: the history, viewable, and compared version to version. A plan's own ``agreed_on`` and
``rosh_at_agreement`` are the latest version's, so My work can tell in one query which plans need a
review (``plans.selectors.due``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.plans.content import AGREEMENT_LABELS, TEXT_LIMIT, Agreement

AGREEMENT_CHOICES = [(a.value, label) for a, label in AGREEMENT_LABELS.items()]


class Plan(VersionedModel):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="sentence_plan")
    # [{"key", "title", "area", "related_areas", "status", "target_date", "notes",
    #   "steps": [{"description", "actor", "actor_other", "status"}]}] — checked by the services.
    goals = models.JSONField(default=list, blank=True)
    next_goal = models.PositiveIntegerField(default=1)  # goal keys g1, g2… are never reused
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    last_saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The latest answer's date and the RoSH level then (a different level since is a review trigger).
    agreed_on = models.DateField(null=True, blank=True)
    rosh_at_agreement = models.CharField(max_length=9, blank=True)
    versions_count = models.PositiveIntegerField(default=0)
    changed_since_agreed = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["agreed_on"], name="plan_agreed_on_idx")]

    def __str__(self) -> str:
        return f"Sentence plan of {self.person_id}"


class PlanVersion(models.Model):
    """One answered version of the plan, never changed: the goals as put to the person, and their
    answer in their own words."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    goals = models.JSONField()
    agreement = models.CharField(max_length=20, choices=AGREEMENT_CHOICES)
    reason = models.TextField(blank=True, max_length=TEXT_LIMIT)
    notes = models.TextField(blank=True, max_length=TEXT_LIMIT)
    answered_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number"),
            models.CheckConstraint(
                condition=Q(agreement__in=[a.value for a in Agreement]), name="planversion_agreement_known"
            ),
            models.CheckConstraint(
                condition=Q(agreement__in=["agreed", "updated_agreed"]) | ~Q(reason=""),
                name="planversion_reason_unless_agreed",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan {self.plan_id} version {self.number}"
