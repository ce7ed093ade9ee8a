"""Periodic case reviews (issue 17 item 5): the officer reviews the case when the rules say it is due
(probation.rules.worklists.case_reviews), and the team's manager adds an oversight note.

One open review per person at a time (the partial unique constraint): the nightly sweep raises the
scheduled one, a significant key event raises one or brings the open one forward. A review moves
DUE -> AWAITING_OVERSIGHT (the officer recorded it) -> COMPLETED (the manager's note); a DUE review
of a case whose supervision ended is WITHDRAWN by the sweep. Text is the
officers' own record of the case; the audit rows name ids only.
"""

from django.db import models
from django.db.models import Q

from probation.accounts.models import Staff, Team, User
from probation.core.models import VersionedModel
from probation.people.models import Person


class ReviewStatus(models.TextChoices):
    DUE = "due", "Due"
    AWAITING_OVERSIGHT = "awaiting_oversight", "Awaiting the manager's oversight"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "No longer needed: supervision ended before it was done"


class ReviewReasonChoice(models.TextChoices):
    FIRST = "first", "First review since supervision began"
    INTERVAL = "interval", "Regular review"
    EVENT = "event", "Review after a significant event"


class OversightOutcome(models.TextChoices):
    AGREED = "agreed", "Agreed: the case is being managed well"
    ACTIONS = "actions", "Actions needed"


class CaseReview(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="case_reviews")
    # The case's officer and team when raised; kept current while the review is open.
    officer = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DUE)
    reason = models.CharField(max_length=10, choices=ReviewReasonChoice.choices)
    event = models.CharField(max_length=40, blank=True)  # the key event's kind, for EVENT
    due_on = models.DateField("Due")
    raised_at = models.DateTimeField()
    # The officer's review.
    progress = models.TextField("Progress against the sentence plan", blank=True)
    compliance = models.TextField("Compliance and engagement", blank=True)
    risk = models.TextField("Risk: what has changed", blank=True)
    plan_review_needed = models.BooleanField("The sentence plan needs reviewing", default=False)
    next_steps = models.TextField("What happens next", blank=True)
    reviewed_on = models.DateField("Date of the review", null=True, blank=True)
    reviewed_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The manager's oversight.
    oversight_outcome = models.CharField(max_length=10, choices=OversightOutcome.choices, blank=True)
    oversight_note = models.TextField("Oversight note", blank=True)
    oversight_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    oversight_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-due_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=["due", "awaiting_oversight"]),
                name="casereview_one_open_per_person",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["due", "awaiting_oversight", "completed", "withdrawn"]),
                name="casereview_status_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["due", "withdrawn"])
                | Q(reviewed_on__isnull=False, reviewed_by__isnull=False),
                name="casereview_recorded_has_reviewer",
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(oversight_by__isnull=False, oversight_at__isnull=False),
                name="casereview_completed_has_oversight",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "status", "due_on"], name="casereview_team_status_idx"),
            models.Index(fields=["person", "status"], name="casereview_person_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Case review due {self.due_on:%Y-%m-%d} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in (ReviewStatus.DUE, ReviewStatus.AWAITING_OVERSIGHT)
