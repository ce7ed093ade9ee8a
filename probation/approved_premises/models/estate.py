"""The national estate (approved-premises.md § AP types, § Beds and capacity): premises, their beds,
beds out of service, and who works where (AP staff's premises, assessors' qualifications)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.accounts.models import Region, Staff
from probation.approved_premises.models.choices import (
    ApType,
    OutOfServiceReason,
    PremisesSex,
    Qualification,
)


class Premises(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=100)
    ap_type = models.CharField("Type", max_length=16, choices=ApType.choices)
    sex = models.CharField(max_length=1, choices=PremisesSex.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="approved_premises")
    address = models.CharField(max_length=200)
    postcode = models.CharField(max_length=8)
    postcode_district = models.CharField(max_length=4, db_index=True)
    characteristics = models.JSONField(default=list, blank=True)  # PremisesCharacteristic values
    curfew_start = models.TimeField(default="23:00")
    curfew_end = models.TimeField(default="07:00")

    class Meta:
        verbose_name_plural = "premises"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Bed(models.Model):
    premises = models.ForeignKey(Premises, on_delete=models.CASCADE, related_name="beds")
    code = models.CharField(max_length=12)
    room = models.CharField(max_length=40)
    characteristics = models.JSONField(default=list, blank=True)  # RoomCharacteristic values
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["premises", "code"]
        constraints = [models.UniqueConstraint(fields=["premises", "code"], name="ap_bed_code_unique")]

    def __str__(self) -> str:
        return f"{self.room} ({self.code})"


class OutOfServiceBed(models.Model):
    """A bed out of service for the nights ``starts_on`` to ``ends_on`` (both inclusive). A bed on hold
    releases itself once its start date passes (probation.rules.approved_premises.capacity)."""

    bed = models.ForeignKey(Bed, on_delete=models.CASCADE, related_name="out_of_service")
    premises = models.ForeignKey(Premises, on_delete=models.CASCADE, related_name="out_of_service_beds")
    reason = models.CharField(max_length=24, choices=OutOfServiceReason.choices)
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date")
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["premises", "starts_on", "ends_on"], name="ap_oos_nights")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="ap_oos_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.bed_id} out of service {self.starts_on}–{self.ends_on}"


class PremisesStaffMember(models.Model):
    """The premises an AP staff member works at: they see its residents and the applications and
    bookings to it, nothing else (probation.approved_premises.policy)."""

    staff = models.OneToOneField(Staff, on_delete=models.CASCADE, related_name="ap_posting")
    premises = models.ForeignKey(Premises, on_delete=models.CASCADE, related_name="staff_members")

    def __str__(self) -> str:
        return f"{self.staff_id} at {self.premises_id}"


class AssessorQualification(models.Model):
    """An assessor's qualification to take emergency, short-notice or specialist work."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ap_qualifications"
    )
    qualification = models.CharField(max_length=16, choices=Qualification.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "qualification"], name="ap_qualification_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.qualification}"
