"""A parole review and the COM's report to the Parole Board (PAROM1; custody-release.md § Parole Board
report), then the hearing, the decision and the 21-day reconsideration window.

One review per hearing. The report's sections are plain fields (pre-filled from the record when the
request is recorded, then the author's words: ADR 0032, 0046); ``annex`` is the non-disclosable material,
sent separately with a non-disclosure request and never printed in the disclosable PDF (ADR 0046).
Drafts save with optimistic locking (``version``); signing freezes the report.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.custody.models import CustodyRecord
from probation.people.models import Person
from probation.rules.parole.report import (
    DECISION_LABELS,
    HEARING_TYPE_LABELS,
    POM_VIEW_LABELS,
    RECOMMENDATION_LABELS,
)

LONG = 20_000


def _long(verbose_name: str) -> "models.TextField[str, str]":
    return models.TextField(verbose_name, blank=True, max_length=LONG)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed"


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Don't know"


RECOMMENDATION_CHOICES = [(k.value, v) for k, v in RECOMMENDATION_LABELS.items()]
POM_VIEW_CHOICES = [(k.value, v) for k, v in POM_VIEW_LABELS.items()]
HEARING_TYPE_CHOICES = [(k.value, v) for k, v in HEARING_TYPE_LABELS.items()]
DECISION_CHOICES = [(k.value, v) for k, v in DECISION_LABELS.items()]


class ParoleReview(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="parole_reviews")
    custody = models.ForeignKey(CustodyRecord, on_delete=models.PROTECT, related_name="parole_reviews")
    target_on = models.DateField("Target date")
    requested_on = models.DateField("Requested on")
    review_starts_on = models.DateField()
    report_due_on = models.DateField("PAROM1 due")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    # The PAROM1's sections (custody-release.md § Parole Board report), in order.
    sentence_details = _long("Sentence and key dates")
    contact_with_prisoner = _long("Contact with the prisoner")
    rosh_history = _long("Risk of serious harm: at sentence and since")
    victim_impact = _long("Victims: impact of the offence")
    vlo_contacted_on = models.DateField("Date the VLO was contacted for this hearing", null=True, blank=True)
    victims_in_scheme = models.CharField(
        "Victims in the Victim Contact Scheme", max_length=7, choices=YesNoUnknown.choices, blank=True
    )
    vps = models.CharField(
        "Victim personal statement", max_length=7, choices=YesNoUnknown.choices, blank=True
    )
    interventions = _long("Interventions")
    sentence_plan = _long("Sentence plan")
    mappa = _long("MAPPA")
    current_risk = _long("Current risk and RoSH analysis")
    risk_management_plan = _long("Risk management plan")
    release_plan = _long("Resettlement and supervision plan")
    recommendation = models.CharField(max_length=16, choices=RECOMMENDATION_CHOICES, blank=True)
    recommendation_reasons = _long("Reasons for the recommendation")
    pom_view = models.CharField("The POM's view", max_length=10, choices=POM_VIEW_CHOICES, blank=True)
    pom_difference = _long("How and why the POM's view differs")
    next_steps = _long("Next steps if release is not supported")
    hearing_needs = _long("Oral hearing needs (interpreter, disability, literacy, security)")
    sources = _long("Sources")
    # Not for disclosure: sent separately to the Board with a non-disclosure request; never in the PDF.
    annex = _long("Non-disclosable annex")

    status = models.CharField(max_length=6, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)

    # The hearing and the decision.
    hearing_on = models.DateField("Hearing date", null=True, blank=True)
    hearing_type = models.CharField(max_length=5, choices=HEARING_TYPE_CHOICES, blank=True)
    decision = models.CharField(max_length=16, choices=DECISION_CHOICES, blank=True)
    decided_on = models.DateField("Decision date", null=True, blank=True)
    reconsideration_ends_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT)
                | Q(signed_by__isnull=False, signed_at__isnull=False, vlo_contacted_on__isnull=False),
                name="parolereview_signed_has_signatory_and_vlo_date",
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_on__isnull=False, hearing_on__isnull=False),
                name="parolereview_decision_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(target_on__gt=models.F("requested_on")), name="parolereview_target_after_request"
            ),
        ]
        indexes = [
            models.Index(
                fields=["author", "report_due_on"], condition=Q(status="draft"), name="parole_due_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Parole review {self.pk} of person {self.person_id}"

    @property
    def is_signed(self) -> bool:
        return self.status == ReportStatus.SIGNED
