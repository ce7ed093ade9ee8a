"""An application for a place, its assessment and the placement request it leads to
(approved-premises.md § Application → assessment → placement request → booking)."""

from django.conf import settings
from django.db import models

from probation.approved_premises.models.choices import (
    ApplicationStatus,
    ApType,
    LegalBasis,
    NoticeReason,
    NoticeType,
    PlacementStatus,
    RejectionReason,
    ReleaseType,
    StatedRosh,
)
from probation.core.models import VersionedModel
from probation.people.models import Person

# The questions the practitioner answers in the long form (approved-premises.md § 1. Application):
# saved as drafts while typed (ADR 0032's autosave).
NEEDS_FIELDS = (
    "access_and_healthcare",
    "location_factors",
    "arson",
    "room_sharing",
    "vulnerability",
    "catering",
    "previous_placements",
    "contingency_plan",
    "trigger_plan",
    "move_on_plan",
)


class Application(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ap_applications")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    expires_at = models.DateTimeField()  # an unsubmitted application expires 6 months after it was started
    # What the record knew when the application was started (a snapshot, shown with its source).
    tier = models.CharField(max_length=3, blank=True)
    rosh_level = models.CharField(max_length=9, blank=True)
    rosh_summary = models.TextField("RoSH summary", blank=True)
    risk_management_plan = models.TextField(blank=True)
    offences = models.TextField(blank=True)
    licence_details = models.TextField("Licence or bail details", blank=True)
    # What the practitioner answers.
    ap_type = models.CharField("Type of AP", max_length=16, choices=ApType.choices, default=ApType.STANDARD)
    legal_basis = models.CharField(max_length=24, choices=LegalBasis.choices, blank=True)
    release_type = models.CharField(max_length=20, choices=ReleaseType.choices, blank=True)
    purposes = models.JSONField(default=list, blank=True)
    stated_rosh = models.CharField(max_length=16, choices=StatedRosh.choices, blank=True)
    exceptional_manager = models.CharField(
        "Manager who agreed the exceptional case", max_length=100, blank=True
    )
    exceptional_date = models.DateField("Date agreed", null=True, blank=True)
    exceptional_summary = models.TextField("Summary of the exceptional case", blank=True)
    arrival_on = models.DateField("Expected arrival date", null=True, blank=True)
    stay_days = models.PositiveIntegerField("Length of stay (days)", null=True, blank=True)
    stay_reason = models.TextField("Reason for a different length of stay", blank=True)
    notice_type = models.CharField(max_length=14, choices=NoticeType.choices, blank=True)
    notice_reason = models.CharField(max_length=28, choices=NoticeReason.choices, blank=True)
    required_characteristics = models.JSONField(default=list, blank=True)
    preferred_district = models.CharField("Preferred postcode district", max_length=4, blank=True)
    access_and_healthcare = models.TextField(blank=True)
    location_factors = models.TextField(blank=True)
    arson = models.TextField(blank=True)
    room_sharing = models.TextField(blank=True)
    vulnerability = models.TextField(blank=True)
    catering = models.TextField(blank=True)
    previous_placements = models.TextField(blank=True)
    contingency_plan = models.TextField(blank=True)
    trigger_plan = models.TextField(blank=True)
    move_on_plan = models.TextField(blank=True)
    declaration = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "expires_at"], name="ap_application_status")]

    def __str__(self) -> str:
        return f"AP application {self.pk}"


class Assessment(VersionedModel):
    """Created when the application is submitted; its deadline comes from the rules."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="assessment")
    due_at = models.DateTimeField()
    # Routing (probation.approved_premises.policy): the qualifications an assessor needs to see it.
    needs_emergency = models.BooleanField(default=False)  # emergency or short notice
    needs_specialism = models.CharField(max_length=16, blank=True)  # a specialist AP type's qualification
    needs_lao = models.BooleanField(default=False)  # a limited-access case
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(max_length=10, blank=True)  # "accepted" | "rejected" | ""
    criteria = models.JSONField(default=list, blank=True)
    stay_days = models.PositiveIntegerField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=24, choices=RejectionReason.choices, blank=True)
    decision_notes = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        indexes = [models.Index(fields=["decision", "due_at"], name="ap_assessment_open")]

    def __str__(self) -> str:
        return f"Assessment of application {self.application_id}"


class InformationRequest(models.Model):
    """The assessor asked for more information (the clock continues)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="information_requests")
    question = models.TextField()
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"Information request {self.pk}"


class PlacementRequest(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="placement_requests")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ap_placement_requests")
    arrival_on = models.DateField()
    departure_on = models.DateField()
    criteria = models.JSONField(default=list, blank=True)
    preferred_district = models.CharField(max_length=4, blank=True)
    status = models.CharField(
        max_length=16, choices=PlacementStatus.choices, default=PlacementStatus.AWAITING_MATCH
    )
    created_at = models.DateTimeField()
    due_at = models.DateTimeField()

    class Meta:
        ordering = ["due_at"]

    def __str__(self) -> str:
        return f"Placement request {self.pk}"
