"""MAPPA meetings and their actions (issue 4 item 5; reference-data.md § Registrations: MAPPA).

The category and level of a case are the person's active MAPP registration (probation.risk); a
meeting records the level it was held at. Meetings are recorded once held (ADR 0010: planned
meetings are the previous meeting's "next meeting or review" date). Nothing is deleted: meetings
and actions are versioned (ADR 0005) and an action ends by being completed.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.mappa.agencies import AGENCIES, AGENCY_CHOICES
from probation.people.models import Person
from probation.risk.registers import MAPPA_LEVEL_CHOICES, MAPPA_LEVELS


class MappaMeeting(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mappa_meetings")
    held_on = models.DateField("Meeting date")
    level = models.CharField("MAPPA level", max_length=2, choices=MAPPA_LEVEL_CHOICES)
    chair = models.CharField("Chair", max_length=100)
    # Names from probation.mappa.agencies, in the order of that list.
    agencies = models.JSONField("Attending agencies", default=list)
    other_agency = models.CharField("Other agency", max_length=100, blank=True)
    minutes = models.TextField("Minutes or summary", blank=True)
    decisions = models.TextField("Decisions", blank=True)
    next_review_on = models.DateField("Next meeting or review date")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=list(MAPPA_LEVELS)), name="mappameeting_level_known"
            ),
            models.CheckConstraint(
                condition=Q(next_review_on__gt=F("held_on")), name="mappameeting_review_after_meeting"
            ),
        ]
        indexes = [models.Index(fields=["person", "-held_on"], name="mappameeting_person_idx")]

    def __str__(self) -> str:
        return f"MAPPA meeting {self.level} on {self.held_on:%Y-%m-%d} for {self.person_id}"


class MappaActionQuerySet(models.QuerySet):
    def open(self) -> "MappaActionQuerySet":
        return self.filter(completed_on__isnull=True)


class MappaAction(VersionedModel):
    meeting = models.ForeignKey(MappaMeeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField("Action")
    owner_agency = models.CharField("Owner agency", max_length=30, choices=AGENCY_CHOICES)
    owner_name = models.CharField("Owner name", max_length=100)
    due_on = models.DateField("Due date")
    completed_on = models.DateField("Completion date", null=True, blank=True)
    completion_notes = models.TextField("Completion notes", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = MappaActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_agency__in=list(AGENCIES)), name="mappaaction_owner_agency_known"
            ),
        ]
        indexes = [models.Index(fields=["completed_on", "due_on"], name="mappaaction_open_due_idx")]

    def __str__(self) -> str:
        return f"MAPPA action {self.pk} for {self.owner_agency}, due {self.due_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.completed_on is None
