"""The pre-sentence report itself (court-reports.md § Content, § Never in a report).

One report per request. Its sections are plain fields, each at most 20,000 characters (the proposal
at most 4,000); the structured proposal (sentence, length and requirements with quantities) is kept
beside the proposal's words so it can be checked against the law on the hearing date and compared with
the sentence the court passed. Drafts are saved as the author types (optimistic locking through
``version``); signing and locking are recorded with who and when. An oral report uses the same record
with only the sections an oral report needs.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.reports.models.choices import CustodyPosition, ReportLanguage, ReportStatus, ReportType
from probation.reports.models.requests import ReportRequest

LONG_FIELD_LIMIT = 20_000
PROPOSAL_LIMIT = 4_000


def _long(verbose_name: str) -> "models.TextField[str, str]":
    return models.TextField(verbose_name, blank=True, max_length=LONG_FIELD_LIMIT)


class Report(VersionedModel):
    request = models.OneToOneField(ReportRequest, on_delete=models.PROTECT, related_name="report")
    report_type = models.CharField(max_length=14, choices=ReportType.choices)
    language = models.CharField(max_length=2, choices=ReportLanguage.choices, default=ReportLanguage.ENGLISH)

    # 2. Sources: ReportSource values (at least one before signing) and the words for "other".
    sources = models.JSONField(default=list, blank=True)
    sources_other = models.CharField("Other sources", max_length=500, blank=True)
    # 3. Offence analysis, then the pattern of offending and response to supervision.
    offence_analysis = _long("Offence analysis")
    no_previous = models.BooleanField("No previous offences or supervision", default=False)
    pattern_of_offending = _long("Pattern of offending and response to supervision")
    # 4. Circumstances and needs.
    circumstances = _long("Circumstances and needs")
    # 5. Risk.
    risk_assessment = _long("Risk of serious harm and reoffending")
    # 6. Proposal.
    proposal = models.TextField("Proposed sentence", blank=True, max_length=PROPOSAL_LIMIT)
    # {"sentence_type": "community_order", "length_months": 12, "custodial_months": null,
    #  "requirements": [{"type": "unpaid_work", "amount": 120}]} — checked by the proposal rules.
    proposed_sentence = models.JSONField(default=dict, blank=True)
    rationale = _long("Rationale")
    alternatives_rejected = _long("Alternatives considered and rejected")
    # Preconditions recorded for the requirements proposed (probation.rules.court_reports.proposal
    # Precondition values): the unpaid-work suitability assessment, probation's recommendation of a
    # DRR, the person's willingness to comply with a DRR, alcohol or mental health treatment.
    preconditions = models.JSONField("Assessments and consent recorded", default=list, blank=True)
    custody_position = models.CharField(max_length=16, choices=CustodyPosition.choices, blank=True)
    impact_of_custody = _long("Impact of custody")
    # An oral report's record of what the court said to the proposal (court-reports.md § Report types).
    court_response = models.TextField("The court's response", blank=True, max_length=2000)

    # 7. Sign and lock.
    dangerousness = models.BooleanField("Dangerousness report", default=False)
    reviewing_spo = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Reviewing senior probation officer",
    )
    countersignature_required = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    countersigned_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(report_type__in=ReportType.values), name="report_type_known"),
            models.CheckConstraint(
                condition=Q(language__in=ReportLanguage.values), name="report_language_known"
            ),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="report_status_known"),
            models.CheckConstraint(
                condition=Q(custody_position="") | Q(custody_position__in=CustodyPosition.values),
                name="report_custody_position_known",
            ),
            models.CheckConstraint(
                condition=Q(dangerousness=False)
                | Q(status=ReportStatus.DRAFT)
                | Q(reviewing_spo__isnull=False),
                name="report_dangerousness_names_reviewer",
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(signed_by__isnull=False, signed_at__isnull=False),
                name="report_signed_has_signatory",
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.LOCKED) | Q(locked_at__isnull=False),
                name="report_locked_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.LOCKED
