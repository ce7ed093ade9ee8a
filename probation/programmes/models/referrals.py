"""Facilitator training, the PNI answers the needs assessment does not ask, and referrals with their
status history (interventions.md § Accredited programmes, § PNI, § Delivery rules)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.accounts.models import PDU, Staff
from probation.core.models import TimeStampedModel, VersionedModel
from probation.people.models import Person
from probation.rules.programmes.catalogue import CATALOGUE
from probation.rules.programmes.delivery import STATUS_LABELS, Status
from probation.sentences.models import Requirement

PROGRAMME_CHOICES = [(p.code, p.name) for p in CATALOGUE]
STATUS_CHOICES = [(s.value, label) for s, label in STATUS_LABELS.items()]
ITEM_CHOICES = [(0, "0 – no problems"), (1, "1 – some problems"), (2, "2 – significant problems")]
SARA_CHOICES = [("", "No SARA"), ("low", "Low"), ("medium", "Medium"), ("high", "High")]


class FacilitatorTraining(TimeStampedModel):
    """A member of staff trained to facilitate one programme (any grade: PSOs may facilitate)."""

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="programme_training")
    programme = models.CharField(max_length=10, choices=PROGRAMME_CHOICES)
    trained_on = models.DateField("Date trained")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["staff__surname", "staff__forename", "programme"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "programme"], name="programme_training_once"),
        ]

    def __str__(self) -> str:
        return f"{self.staff} trained for {self.programme}"


def _item(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, choices=ITEM_CHOICES, null=True, blank=True)


class ProgrammeNeeds(VersionedModel):
    """The Programme Needs Identifier answers that the needs assessment does not ask (the others —
    close family, past relationships, easily influenced, impulsivity, temper, problem solving,
    pro-criminal attitudes — are read from the latest completed assessment)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="programme_needs")
    sexual_preoccupation = _item("Sexual preoccupation")
    offence_related_sexual_interests = _item("Offence-related sexual interests")
    emotional_congruence = _item("Emotional congruence with children")
    hostile_orientation = _item("Hostile orientation")
    aggressive_controlling = _item("Aggressive or controlling behaviour")
    coping = _item("Difficulties coping")
    sara_partner = models.CharField("SARA: risk to a partner", max_length=6, choices=SARA_CHOICES, blank=True)
    sara_others = models.CharField("SARA: risk to others", max_length=6, choices=SARA_CHOICES, blank=True)
    ldc_score = models.PositiveSmallIntegerField("LDC screening score", null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name_plural = "programme needs"
        constraints = [
            models.CheckConstraint(
                condition=Q(ldc_score__isnull=True) | Q(ldc_score__lte=20), name="programme_needs_ldc_range"
            )
        ]

    def __str__(self) -> str:
        return f"Programme needs of {self.person_id}"


class Referral(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="programme_referrals")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="programme_referrals")
    programme = models.CharField(max_length=10, choices=PROGRAMME_CHOICES)
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="programme_referrals")
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=Status.AWAITING_ASSESSMENT)
    pathway = models.CharField(max_length=20, blank=True)  # the PNI pathway when referred ("" missing)
    pathway_reasons = models.JSONField(default=list, blank=True)
    notes = models.TextField("Why this programme", max_length=4000, blank=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referred_on = models.DateField()
    # Assessment of suitability (consent, motivation, responsivity, time left).
    suitable = models.BooleanField(null=True, blank=True)
    suitability_reasons = models.TextField(max_length=4000, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessed_on = models.DateField(null=True, blank=True)
    suitable_from = models.DateField(null=True, blank=True)  # on the waiting list since
    # Completion: the post-programme review.
    review_on = models.DateField("Post-programme review", null=True, blank=True)
    review_notes = models.TextField(max_length=4000, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_on", "-id"]
        indexes = [models.Index(fields=["pdu", "programme", "status"], name="programme_ref_waiting_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "programme"],
                condition=~Q(status__in=["not_suitable", "withdrawn", "complete"]),
                name="programme_referral_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} to {self.programme}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[Status(self.status)]


class ReferralStep(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
