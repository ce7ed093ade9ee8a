"""Reviews raised by the nightly sweep (issue 3 item 10; enforcement.md "Outcomes" and "Enforcement
actions"): one row per thing an officer must act on, resolved by the sweep once it no longer holds.

The sweep is set-based and safe to run twice: at most one unresolved item per kind and source row
(the partial unique constraint), so a second run raises nothing new. ``detail`` carries figures only
(hours, dates), never personal data or free text.
"""

from django.db import models
from django.db.models import Q

from probation.accounts.models import Staff, Team
from probation.people.models import Person


class WorkItemKind(models.TextChoices):
    EVIDENCE_DECISION = "evidence_decision", "Decide whether the absence is acceptable or unacceptable"
    ENFORCEMENT_OVERDUE = "enforcement_overdue", "Enforcement action overdue"
    UNPAID_WORK_AT_RISK = "unpaid_work_at_risk", "Unpaid work unlikely to be finished by the deadline"
    UNPAID_WORK_DEADLINE_PASSED = "unpaid_work_deadline_passed", "Unpaid work deadline passed"
    OUTCOME_OVERDUE = "outcome_overdue", "Record the appointment outcome"
    SENTENCE_PAST_END = "sentence_past_end", "Past its end date: terminate or extend"


class WorkItem(models.Model):
    kind = models.CharField(max_length=40, choices=WorkItemKind.choices)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="work_items")
    # The responsible officer and team when raised; the sweep keeps them current while unresolved.
    officer = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The date the item is about: the evidence deadline, the respond-by date, the unpaid work deadline,
    # the appointment date, the sentence's end date.
    due_on = models.DateField()
    source_type = models.CharField(max_length=30)
    source_id = models.BigIntegerField()
    detail = models.JSONField(default=dict, blank=True)
    raised_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"],
                condition=Q(resolved_at__isnull=True),
                name="workitem_one_open_per_source",
            ),
            models.CheckConstraint(condition=Q(kind__in=WorkItemKind.values), name="workitem_kind_known"),
        ]
        indexes = [
            models.Index(
                fields=["person", "due_on"],
                condition=Q(resolved_at__isnull=True),
                name="workitem_open_person_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.source_type} {self.source_id})"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
