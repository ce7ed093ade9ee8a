"""A prisoner's custody record: the release inputs of a custodial sentence, the proposed key dates
(probation.rules.custody.key_dates) with their breakdown, the prison's dates where they differ, the
POM→COM handover (probation.rules.custody.handover) and the pre-release plan (custody-release.md).

One row per custodial sentence. The proposed dates and the handover are stored (the nightly command
recomputes them) so lists of releases and handovers are one indexed query at national scale.
``release_date`` is the date lists use: the prison's CRD (or PED) where recorded, else the proposed one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.custody.handover import HandoverType
from probation.rules.custody.key_dates import RELEASE_SENTENCE_TYPE_LABELS, ReleaseSentenceType
from probation.sentences.models import Sentence


class DatesStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed: not yet confirmed"
    CONFIRMED = "confirmed", "Confirmed"
    PRISON_DATES = "prison_dates", "The prison's dates recorded"


class ReleaseNight(models.TextChoices):
    """Where the person sleeps on the day of release (custody-release.md: a bed for release day)."""

    UNKNOWN = "", "Not known yet"
    RELEASE_ADDRESS = "release_address", "At the release address"
    APPROVED_PREMISES = "approved_premises", "Approved premises"
    CAS2 = "cas2", "CAS2 (bail and HDC accommodation)"
    CAS3 = "cas3", "CAS3 (temporary accommodation)"
    FAMILY_OR_FRIENDS = "family_or_friends", "With family or friends (temporary)"
    NO_FIXED_ABODE = "no_fixed_abode", "No fixed abode"


class PathwayStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUPPORT_REQUIRED = "support_required", "Support required"
    SUPPORT_NOT_REQUIRED = "support_not_required", "Support not required"
    SUPPORT_DECLINED = "support_declined", "Support declined"
    DONE = "done", "Done"


class Pathway(models.TextChoices):
    ACCOMMODATION = "accommodation", "Accommodation"
    ATTITUDES = "attitudes", "Attitudes, thinking and behaviour"
    CHILDREN_FAMILIES = "children_families", "Children, families and communities"
    DRUGS_ALCOHOL = "drugs_alcohol", "Drugs and alcohol"
    EDUCATION_WORK = "education_work", "Education, skills and work"
    FINANCE_ID = "finance_id", "Finance and ID"
    HEALTH = "health", "Health"


RELEASE_TYPE_CHOICES = [(t.value, RELEASE_SENTENCE_TYPE_LABELS[t]) for t in ReleaseSentenceType]
HANDOVER_TYPE_CHOICES = [(t.value, t.value.capitalize()) for t in HandoverType]


class CustodyRecord(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="custody_records")
    sentence = models.OneToOneField(Sentence, on_delete=models.CASCADE, related_name="custody")
    release_type = models.CharField("Sentence type", max_length=10, choices=RELEASE_TYPE_CHOICES)
    term_months = models.PositiveSmallIntegerField("Custodial term or tariff (months)", default=0)
    term_days = models.PositiveSmallIntegerField("and days", default=0)
    extension_months = models.PositiveSmallIntegerField("Extension period (months)", default=0)
    age_at_sentence = models.PositiveSmallIntegerField("Age at sentence")
    offence_flags = models.JSONField(default=list, blank=True)  # probation.rules.custody.law.OffenceFlag
    hdc_exclusions = models.JSONField(default=list, blank=True)  # key_dates.HdcExclusion
    remand_days = models.PositiveIntegerField("Days on remand", default=0)
    tagged_bail_days = models.PositiveIntegerField("Tagged bail credit (days)", default=0)
    added_days = models.PositiveIntegerField("Added days", default=0)
    referred_s244zb = models.BooleanField("Referred to the Parole Board (s.244ZB)", default=False)
    prison = models.CharField(max_length=120, blank=True)
    # The handover inputs (custody-release.md § Responsibility in custody).
    early_allocation = models.BooleanField(default=False)
    enhanced_resourcing = models.BooleanField(null=True, blank=True)  # None: not known (enhanced)
    immigration = models.BooleanField(default=False)
    open_conditions_from = models.DateField(null=True, blank=True)
    pom_name = models.CharField("Prison offender manager", max_length=120, blank=True)

    # The proposed dates, their breakdown and the rule versions used (ADR 0030: keys, never text).
    crd = models.DateField("Conditional release date (CRD)", null=True, blank=True)
    ped = models.DateField("Parole eligibility date (PED)", null=True, blank=True)
    led = models.DateField("Licence expiry date (LED)", null=True, blank=True)
    sed = models.DateField("Sentence expiry date (SED)", null=True, blank=True)
    hdced = models.DateField("Home detention curfew eligibility date (HDCED)", null=True, blank=True)
    ted = models.DateField("Tariff expiry date (TED)", null=True, blank=True)
    tused = models.DateField("Top-up supervision end date", null=True, blank=True)
    steps = models.JSONField(default=list, blank=True)
    rule_keys = models.JSONField(default=list, blank=True)
    calculated_on = models.DateField(null=True, blank=True)
    calculation_error = models.TextField(blank=True)  # why the inputs could not give dates

    dates_status = models.CharField(max_length=20, choices=DatesStatus.choices, default=DatesStatus.PROPOSED)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    prison_crd = models.DateField("Prison's CRD", null=True, blank=True)
    prison_ped = models.DateField("Prison's PED", null=True, blank=True)
    prison_led = models.DateField("Prison's LED", null=True, blank=True)
    prison_sed = models.DateField("Prison's SED", null=True, blank=True)
    prison_hdced = models.DateField("Prison's HDCED", null=True, blank=True)
    difference_reason = models.TextField("Why the prison's dates differ", blank=True)

    release_date = models.DateField(null=True, blank=True)  # the prison's date, else the proposed
    released_on = models.DateField(null=True, blank=True)
    handover_date = models.DateField(null=True, blank=True)
    handover_start = models.DateField(null=True, blank=True)
    handover_rule = models.CharField(max_length=200, blank=True)
    handover_type = models.CharField(max_length=10, choices=HANDOVER_TYPE_CHOICES, default="none")

    # Pre-release planning.
    release_address = models.TextField("Release address", blank=True)
    release_night = models.CharField(
        "Where they sleep on the day of release", max_length=20, choices=ReleaseNight.choices, blank=True
    )
    ap_referral_needed = models.BooleanField("Approved premises referral needed", default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(release_type__in=[t.value for t in ReleaseSentenceType]),
                name="custodyrecord_release_type_known",
            ),
            models.CheckConstraint(
                condition=Q(dates_status="prison_dates") | Q(difference_reason=""),
                name="custodyrecord_reason_only_with_prison_dates",
            ),
        ]
        indexes = [
            models.Index(
                fields=["release_date"], condition=Q(released_on__isnull=True), name="custody_release_idx"
            ),
            models.Index(
                fields=["handover_date"], condition=Q(released_on__isnull=True), name="custody_handover_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Custody of person {self.person_id} ({self.release_type})"


class ResettlementPathway(VersionedModel):
    custody = models.ForeignKey(CustodyRecord, on_delete=models.CASCADE, related_name="pathways")
    pathway = models.CharField(max_length=20, choices=Pathway.choices)
    status = models.CharField(max_length=25, choices=PathwayStatus.choices, default=PathwayStatus.NOT_STARTED)
    notes = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pathway"]
        constraints = [
            models.UniqueConstraint(fields=["custody", "pathway"], name="pathway_one_per_custody"),
        ]

    def __str__(self) -> str:
        return f"{self.get_pathway_display()}: {self.get_status_display()}"
