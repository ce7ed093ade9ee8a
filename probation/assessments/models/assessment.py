"""Needs assessments (issue 4 item 6; ADR 0011).

Answers are one JSON document per assessment, ``{section: {question: answer}}``, checked against
``probation.assessments.questions`` by the services. A draft is the only state that changes; a
completed assessment is locked for good, and a new one starts as a copy, so history is kept.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.people.models import Person


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETED = "completed", "Completed"


class AssessmentQuerySet(models.QuerySet):
    def drafts(self) -> "AssessmentQuerySet":
        return self.filter(status=AssessmentStatus.DRAFT)

    def completed(self) -> "AssessmentQuerySet":
        return self.filter(status=AssessmentStatus.COMPLETED)


class Assessment(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    status = models.CharField(max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    answers = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    copied_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AssessmentStatus.values), name="assessment_status_known"
            ),
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="draft"), name="assessment_one_draft_per_person"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="draft", completed_at__isnull=True, completed_by__isnull=True)
                    | Q(status="completed", completed_at__isnull=False, completed_by__isnull=False)
                ),
                name="assessment_completed_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment {self.pk} of {self.person_id} ({self.status})"

    @property
    def is_draft(self) -> bool:
        return self.status == AssessmentStatus.DRAFT


class AssessmentChange(models.Model):
    """What each saved version of a draft changed: the history of a draft, and what a user whose
    save lost a race is shown (ADR 0005)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField()
    section = models.CharField(max_length=40)
    changes = models.JSONField()  # {question: [old, new]}
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "version"], name="assessmentchange_unique_version")
        ]

    def __str__(self) -> str:
        return f"Assessment {self.assessment_id} v{self.version} {self.section}"
