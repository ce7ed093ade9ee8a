"""A case in the victim contact scheme and the key-stage tasks on its victim liaison unit's list.

The scheme case points at the offender's record (person, conviction); nothing in the offender record
points back (``related_name="+"``), so no offender page, list, export or API can reach victim data
through a relation (victims.md § Keeping victim data apart; issue 15 item 6).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.accounts.models import Region, Staff
from probation.core.key_events import KeyEventKind
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.victims.eligibility import Basis, Scheme
from probation.sentences.models import Event


class SchemeType(models.TextChoices):
    STATUTORY = Scheme.STATUTORY.value, "Statutory"
    DISCRETIONARY = Scheme.DISCRETIONARY.value, "Discretionary"
    NON_STATUTORY = Scheme.NON_STATUTORY.value, "Victim Notification Scheme (non-statutory)"


class SchemeBasis(models.TextChoices):
    CUSTODY = Basis.CUSTODY.value, "Violent or sexual offence, 12 months or more in custody"
    HOSPITAL_ORDER = Basis.HOSPITAL_ORDER.value, "Hospital order for a violent or sexual offence"
    ADDED_BY_HAND = Basis.ADDED_BY_HAND.value, "Added by hand"


class ClosureReason(models.TextChoices):
    """Why a case leaves the scheme (victims.md: opting out stops contact; the scheme ends with the
    sentence; on the offender's death or deportation the victim is told, then the case closes)."""

    OPTED_OUT = "opted_out", "Every victim opted out for good"
    SENTENCE_ENDED = "sentence_ended", "The sentence or licence has ended"
    OFFENDER_DIED = "offender_died", "The offender died"
    DEPORTED = "deported", "The offender was deported"
    NO_VICTIM = "no_victim", "No victim could be traced or wants contact"
    ADDED_IN_ERROR = "added_in_error", "Added in error"
    OTHER = "other", "Another reason"


class SchemeCaseQuerySet(models.QuerySet["SchemeCase"]):
    def open(self) -> "SchemeCaseQuerySet":
        return self.filter(closed_on__isnull=True)


class SchemeCase(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    # The conviction that brought the case in; none for a case added by hand without one.
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    scheme = models.CharField(max_length=20, choices=SchemeType.choices)
    basis = models.CharField(max_length=20, choices=SchemeBasis.choices)
    reason = models.TextField("Reason", blank=True)  # why a case was added by hand
    sentence_date = models.DateField("Date of sentence")
    first_contact_due = models.DateField("First contact due")
    first_contact_on = models.DateField("First contact made", null=True, blank=True)
    # The victim liaison unit is regional; the case follows the offender's PDU when it moves area.
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    vlo = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="VLO"
    )
    entered_on = models.DateField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)

    objects = SchemeCaseQuerySet.as_manager()

    class Meta:
        ordering = ["first_contact_due", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=Q(event__isnull=False), name="victims_one_scheme_case_per_event"
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(event__isnull=True, closed_on__isnull=True),
                name="victims_one_open_hand_added_case_per_person",
            ),
            models.CheckConstraint(
                condition=Q(scheme__in=[s.value for s in Scheme]), name="victims_scheme_known"
            ),
            models.CheckConstraint(
                condition=~Q(basis=Basis.ADDED_BY_HAND.value) | ~Q(reason=""),
                name="victims_hand_added_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["region", "first_contact_due"],
                condition=Q(closed_on__isnull=True),
                name="victims_open_by_region_idx",
            ),
            models.Index(fields=["person"], name="victims_scheme_person_idx"),
        ]

    def __str__(self) -> str:
        return f"Victim contact scheme case {self.pk}"


class SchemeCaseChange(models.Model):
    """The history of a case's closing and reopening, with who and why (a status row per change)."""

    class Action(models.TextChoices):
        CLOSED = "closed", "Closed"
        REOPENED = "reopened", "Reopened"
        ALLOCATED = "allocated", "Allocated"

    scheme_case = models.ForeignKey(SchemeCase, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    details = models.TextField(blank=True)
    vlo = models.ForeignKey(Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    on = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} on {self.on:%Y-%m-%d}"


KEY_STAGE_LABELS = {
    KeyEventKind.SENTENCED: "Sentenced",
    KeyEventKind.TRANSFERRED: "COM changed or case moved area",
    KeyEventKind.PAROLE_REVIEW_STARTED: "Parole review started",
    KeyEventKind.PAROLE_DECISION: "Parole Board decision",
    KeyEventKind.RELEASE_DATE_SET: "Release date set or changed",
    KeyEventKind.LICENCE_CONDITIONS_SET: "Licence conditions set",
    KeyEventKind.LICENCE_VARIED: "Licence varied",
    KeyEventKind.HDC_ROTL_OPEN_CONDITIONS: "HDC, ROTL or open conditions",
    KeyEventKind.RECALLED: "Recalled",
    KeyEventKind.UNLAWFULLY_AT_LARGE: "Unlawfully at large",
    KeyEventKind.DIED: "Died",
    KeyEventKind.DEPORTED: "Deported",
    KeyEventKind.LICENCE_ENDED: "End of licence",
    KeyEventKind.ORDER_ENDED: "Sentence or order ended",
}


class KeyStageTask(models.Model):
    """A key stage the VLO must act on (tell the victim, seek their views). ``told_on`` is the day
    the event reached the VLO: the date the offender manager sees as "VLO told on"."""

    scheme_case = models.ForeignKey(SchemeCase, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=30, choices=[(k.value, v) for k, v in KEY_STAGE_LABELS.items()])
    event_date = models.DateField("Date of the event")
    told_on = models.DateField("VLO told on")
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["told_on", "id"]
        indexes = [
            models.Index(fields=["scheme_case", "done_on"], name="victims_task_case_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.event_date:%Y-%m-%d}"
