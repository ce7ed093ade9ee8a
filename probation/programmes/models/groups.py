"""Programme groups, their dated sessions (with catch-ups) and who attends each: the register
(interventions.md § Delivery rules)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.accounts.models import PDU, Staff
from probation.contacts.models import Contact
from probation.core.models import TimeStampedModel, VersionedModel
from probation.programmes.models.referrals import PROGRAMME_CHOICES, Referral


class Group(VersionedModel):
    programme = models.CharField(max_length=10, choices=PROGRAMME_CHOICES)
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="programme_groups")
    reference = models.CharField("Group reference", max_length=40)
    starts_on = models.DateField("Start date")
    venue = models.CharField(max_length=200)
    facilitators = models.ManyToManyField(Staff, related_name="programme_groups")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [models.UniqueConstraint(fields=["pdu", "reference"], name="programme_group_reference")]

    def __str__(self) -> str:
        return f"{self.get_programme_display()} group {self.reference}"


class SessionKind(models.TextChoices):
    GROUP = "group", "Group session"
    CATCH_UP = "catch_up", "Catch-up session"


class GroupSession(VersionedModel):
    """One dated session: the register. ``version`` moves on each save, so a register saved twice, or
    by two facilitators at once, is refused the second time and the saver told."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveSmallIntegerField("Session number")
    kind = models.CharField(max_length=10, choices=SessionKind.choices, default=SessionKind.GROUP)
    date = models.DateField()
    starts_at = models.TimeField("Start time")
    ends_at = models.TimeField("End time")
    venue = models.CharField(max_length=200)
    facilitators = models.ManyToManyField(Staff, related_name="programme_sessions")
    saved_at = models.DateTimeField(null=True, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["date", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="programme_session_ends_later"
            ),
            models.UniqueConstraint(
                fields=["group", "number"], condition=Q(kind="group"), name="programme_session_number_once"
            ),
        ]
        indexes = [models.Index(fields=["group", "date"], name="programme_session_date_idx")]

    def __str__(self) -> str:
        label = "catch-up for session" if self.kind == SessionKind.CATCH_UP else "session"
        return f"{self.group}, {label} {self.number}"


class Participant(TimeStampedModel):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="participants")
    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="participant")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Participant {self.referral_id} in group {self.group_id}"


class Attendance(TimeStampedModel):
    """A participant expected at a session: the appointment on their record (a programme session,
    linked to the requirement) whose outcome the register records."""

    session = models.ForeignKey(GroupSession, on_delete=models.PROTECT, related_name="attendances")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="attendances")
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="programme_attendance")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="programme_attendance_once"),
        ]

    def __str__(self) -> str:
        return f"Attendance of {self.participant_id} at {self.session_id}"
