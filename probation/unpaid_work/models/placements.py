"""The unpaid-work assessment of a requirement, allocations to a project's sessions, and each
person's place on a session with what the supervisor recorded (unpaid-work.md § Assessment and
allocation, § Sessions)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.contacts.models import Contact
from probation.core.models import TimeStampedModel, VersionedModel
from probation.rules.unpaid_work.restrictions import Placement, SupervisorSex
from probation.rules.unpaid_work.schedule import Frequency
from probation.sentences.models import Requirement
from probation.unpaid_work.models.projects import WEEKDAYS, ProjectDay, Session

PLACEMENT_CHOICES = [
    (Placement.INDIVIDUAL.value, "Individual"),
    (Placement.MIXED.value, "Mixed group"),
    (Placement.FEMALE_ONLY.value, "Female-only group"),
]
SUPERVISOR_SEX_CHOICES = [
    (SupervisorSex.ANY.value, "None"),
    (SupervisorSex.NOT_FEMALE.value, "Not with a female supervisor"),
    (SupervisorSex.NOT_MALE.value, "Not with a male supervisor"),
]


class Assessment(VersionedModel):
    requirement = models.OneToOneField(Requirement, on_delete=models.CASCADE, related_name="upw_assessment")
    placement = models.CharField(
        "Placement type",
        max_length=12,
        choices=PLACEMENT_CHOICES,
        default=Placement.MIXED,
    )
    excluded_areas = models.TextField(
        "Exclusion zones and victims' areas", blank=True, help_text="One area a line"
    )
    supervisor_sex = models.CharField(
        "Supervisor restriction",
        max_length=10,
        choices=SUPERVISOR_SEX_CHOICES,
        blank=True,
    )
    available_days = models.JSONField("Available days", default=list)  # weekday numbers
    commitments = models.TextField("Caring and work commitments", blank=True)
    health = models.TextField("Health and disabilities", blank=True)
    ppe_clothing = models.CharField("Clothing size", max_length=10, blank=True)
    ppe_footwear = models.PositiveSmallIntegerField("Footwear size (UK)", null=True, blank=True)
    ete_need = models.BooleanField("Education, training or employment need", default=False)
    induction_done = models.BooleanField("Induction details given", default=False)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ppe_footwear__isnull=True) | Q(ppe_footwear__gte=3, ppe_footwear__lte=14),
                name="upw_assessment_footwear_uk_3_14",
            )
        ]

    def __str__(self) -> str:
        return f"Unpaid work assessment of requirement {self.requirement_id}"

    @property
    def excluded_area_list(self) -> list[str]:
        return [line.strip() for line in self.excluded_areas.splitlines() if line.strip()]


class Allocation(TimeStampedModel):
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="upw_allocations")
    day = models.ForeignKey(ProjectDay, on_delete=models.PROTECT, related_name="allocations")
    frequency = models.CharField(max_length=12, choices=[(f.value, f.value.capitalize()) for f in Frequency])
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date", null=True, blank=True)
    pick_up = models.CharField("Pick-up point and time", max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["starts_on", "id"]

    def __str__(self) -> str:
        return f"Allocation of requirement {self.requirement_id} to {self.day}"


class Place(TimeStampedModel):
    """A person's place on a session: the appointment (a contact on their record, linked to the
    requirement so an unacceptable outcome is enforceable) and what the supervisor recorded."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="places")
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="places")
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="upw_place")
    signed_in = models.TimeField(null=True, blank=True)
    signed_out = models.TimeField(null=True, blank=True)
    penalty_minutes = models.PositiveSmallIntegerField(default=0)
    travel_minutes = models.PositiveSmallIntegerField(default=0)
    credited_minutes = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "allocation"], name="upw_place_once_per_session"),
            models.CheckConstraint(condition=Q(travel_minutes__lte=180), name="upw_place_travel_capped"),
        ]

    def __str__(self) -> str:
        return f"Place on session {self.session_id}"


__all__ = ["PLACEMENT_CHOICES", "SUPERVISOR_SEX_CHOICES", "WEEKDAYS", "Allocation", "Assessment", "Place"]
