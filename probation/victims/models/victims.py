"""Victims and their representatives, their contact log, and what they ask for (victims.md).

Victim contact and location details live only in these tables, read only by victim liaison staff of
the case's region through probation.victims.selectors (every read audited). Optimistic locking
(ADR 0005) on what two people may edit; the change history is this app's own (never the offender's
PersonChange, which offender pages read).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import TimeStampedModel, VersionedModel
from probation.victims.models.scheme import SchemeCase


class VictimRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    PARENT_OR_GUARDIAN = "parent", "Parent or guardian (victim under 18)"
    FAMILY_SPOKESPERSON = "family", "Family spokesperson (victim died)"
    OTHER_REPRESENTATIVE = "other", "Other representative"


class ContactMethod(models.TextChoices):
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    SMS = "sms", "Text message"


class Participation(models.TextChoices):
    NOT_YET_DECIDED = "undecided", "Not yet decided"
    OPTED_IN = "opted_in", "Opted in"
    OPTED_OUT = "opted_out", "Opted out"
    DEFERRED = "deferred", "Deferred"


class InformationLevel(models.TextChoices):
    RELEASE_MONTH = "release_month", "Month of release only"
    ANNUAL = "annual", "An annual letter"
    KEY_STAGES = "key_stages", "Every key stage"


class Victim(VersionedModel):
    scheme_case = models.ForeignKey(SchemeCase, on_delete=models.CASCADE, related_name="victims")
    role = models.CharField(max_length=10, choices=VictimRole.choices, default=VictimRole.VICTIM)
    # A representative speaks for a victim of the same case (a child, or a victim who died).
    represents = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="representatives"
    )
    relationship = models.CharField(max_length=60, blank=True)
    forename = models.CharField(max_length=60)
    surname = models.CharField(max_length=60)
    date_of_birth = models.DateField("Date of birth", null=True, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    preferred_method = models.CharField(
        "Preferred contact method", max_length=10, choices=ContactMethod.choices, default=ContactMethod.LETTER
    )
    participation = models.CharField(
        max_length=10, choices=Participation.choices, default=Participation.NOT_YET_DECIDED
    )
    participation_on = models.DateField("Decided on", null=True, blank=True)
    information_level = models.CharField(
        "Information wanted",
        max_length=15,
        choices=InformationLevel.choices,
        default=InformationLevel.KEY_STAGES,
    )
    interpreter_language = models.CharField("Interpreter language", max_length=50, blank=True)
    accessibility_needs = models.TextField("Accessibility needs", blank=True)
    # Lower-cased forename|surname: a second victim with the same name on the case is a duplicate.
    name_key = models.CharField(max_length=121, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["surname", "forename", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role=VictimRole.VICTIM)
                | Q(represents__isnull=False)
                | Q(role=VictimRole.OTHER_REPRESENTATIVE),
                name="victims_representative_names_victim",
            ),
        ]
        indexes = [models.Index(fields=["scheme_case", "name_key"], name="victims_victim_name_idx")]

    def __str__(self) -> str:
        return f"Victim {self.pk}"

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"


class VictimContact(TimeStampedModel):
    """The separate log of contacts with a victim (never the offender's contact log)."""

    victim = models.ForeignKey(Victim, on_delete=models.CASCADE, related_name="contacts")
    contact_date = models.DateField("Date of contact")
    method = models.CharField(max_length=10, choices=ContactMethod.choices)
    summary = models.TextField()
    first_contact = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-contact_date", "-id"]

    def __str__(self) -> str:
        return f"Victim contact {self.pk}"


class RepresentationKind(models.TextChoices):
    NO_CONTACT = "no_contact", "No contact with the victim or their family"
    EXCLUSION_ZONE = "exclusion_zone", "Exclusion zone"
    CHILDREN = "children", "No unsupervised contact with children"
    OTHER = "other", "Other condition"


class RepresentationStatus(models.TextChoices):
    WITH_COM = "with_com", "With the COM"
    INCLUDED = "included", "Included"
    DECLINED = "declined", "Declined"


class Representation(VersionedModel):
    """What the victim asks for, sent to the COM as a request without any location (victims.md §
    Representations). The COM includes or declines it with a reason; the VLO tells the victim."""

    scheme_case = models.ForeignKey(SchemeCase, on_delete=models.CASCADE, related_name="representations")
    victim = models.ForeignKey(Victim, on_delete=models.PROTECT, related_name="representations")
    kind = models.CharField(max_length=20, choices=RepresentationKind.choices)
    request = models.TextField("What is asked for")
    status = models.CharField(max_length=10, choices=RepresentationStatus.choices, default="with_com")
    sent_on = models.DateField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decision_reason = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"Representation {self.pk}"


class VictimLetter(models.Model):
    """A letter sent to a victim from a template (issue 15 item 3). What it says beyond the template is
    ``details`` (a parole decision summary, say), checked for the prison and the release address."""

    victim = models.ForeignKey(Victim, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(max_length=20)
    release_month = models.DateField(null=True, blank=True)  # the first of the month
    details = models.TextField(blank=True)
    sent_on = models.DateField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"Victim letter {self.pk}"


class StatementDelivery(models.TextChoices):
    PANEL_READS = "panel_reads", "The panel reads it"
    VICTIM_READS = "victim_reads", "The victim reads it at the hearing"
    SOMEONE_ELSE_READS = "someone_else", "Someone else reads it"
    RECORDING = "recording", "A recording or video link"


class VictimStatement(models.Model):
    """The victim personal statement for a parole hearing (victims.md § Representations): how it is
    given and what the victim wishes for the hearing. Attending is allowed on request, not a right."""

    victim = models.ForeignKey(Victim, on_delete=models.CASCADE, related_name="statements")
    hearing = models.CharField("Hearing", max_length=100)
    delivery = models.CharField(max_length=20, choices=StatementDelivery.choices)
    asks_to_attend = models.BooleanField(default=False)
    wishes = models.TextField(blank=True)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"Victim personal statement {self.pk}"


class MessageStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class VictimMessage(models.Model):
    """The victims app's own outbox (ADR 0049): a letter sent by email or text message through the
    notification backend (ADR 0016). The offender record's ``NotificationMessage`` table must never
    hold victim data, so victim messages are stored here, behind the wall, one per letter."""

    letter = models.OneToOneField(VictimLetter, on_delete=models.CASCADE, related_name="message")
    victim = models.ForeignKey(Victim, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(max_length=5, choices=[("email", "Email"), ("sms", "Text message")])
    to = models.CharField(max_length=254)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    backend = models.CharField(max_length=30, blank=True)
    provider_reference = models.CharField(max_length=64, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(channel__in=["email", "sms"]), name="victims_message_channel"),
        ]
        indexes = [models.Index(fields=["status", "attempts"], name="victims_message_status_idx")]

    def __str__(self) -> str:
        return f"Victim message {self.pk}"
