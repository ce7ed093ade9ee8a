from django.conf import settings
from django.db import models

from probation.accounts.models import Staff, Team
from probation.people.models.person import Person


class AllocationReason(models.TextChoices):
    INITIAL = "initial", "Initial allocation"
    TRANSFER_TEAM = "transfer_team", "Transfer to another team"
    TRANSFER_REGION = "transfer_region", "Transfer to another region"
    RISK_CHANGE = "risk_change", "Change in risk level"
    WORKLOAD = "workload", "Workload balancing"
    OFFICER_LEFT = "officer_left", "Officer left or absent"
    CONFLICT = "conflict", "Conflict of interest"
    RELOCATION = "relocation", "Person moved address"
    OTHER = "other", "Other"


class Allocation(models.Model):
    """One period during which a team (and, once one is chosen, an officer) was responsible for a
    person. Never deleted. No officer: the case waits in the team for its manager to allocate it
    (a transfer in with no officer chosen)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="allocations"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=20, choices=AllocationReason.choices)
    notes = models.TextField(blank=True)
    # Why the manager chose this officer (issue 17 item 2: the allocation decision's reason), asked on
    # the allocate page beside each candidate's capacity; blank on transfers and older allocations.
    decision_reason = models.TextField("Why this officer", blank=True, default="", db_default="")
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_at__isnull=True),
                name="allocation_one_open_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} to {self.officer_id or self.team_id} from {self.started_at:%Y-%m-%d}"


class SupportingOfficer(models.Model):
    """A member of staff who supports the responsible officer on a case for a time, e.g. a PSO on a
    high RoSH case that a PO must hold (reference-data.md § Allocation). Ended, never deleted."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="supporting_officers")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="supporting")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "staff"],
                condition=models.Q(ended_at__isnull=True),
                name="supportingofficer_one_open_per_staff",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True) | models.Q(ended_at__gte=models.F("started_at")),
                name="supportingofficer_ended_after_started",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_id} supporting {self.person_id} from {self.started_at:%Y-%m-%d}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
