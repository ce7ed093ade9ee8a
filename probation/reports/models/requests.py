"""The court's request for a pre-sentence report (court-reports.md § Request record).

The request keeps what the court asked for (type, the hearing it came from, the date it adjourned to,
remand status, assessments asked for, offences as listed) and the dates of its life: requested,
required (computed in working days from the rules), allocated, completed, sent, received by the
court. The type delivered is recorded apart from the type requested: they may differ.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.reports.models.choices import RemandStatus, ReportType, RequestStatus


class ReportRequest(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="report_requests")
    # By reference only: court sits above this app in the layers (ADR 0027 and this app's docstring).
    court = models.ForeignKey("court.Court", on_delete=models.PROTECT, related_name="report_requests")
    hearing = models.ForeignKey(
        "court.Hearing", on_delete=models.SET_NULL, null=True, blank=True, related_name="report_requests"
    )
    # [{"code": "10501", "wording": "..."}] as the court gave them.
    offences = models.JSONField(default=list, blank=True)

    type_requested = models.CharField("Type requested", max_length=14, choices=ReportType.choices)
    type_delivered = models.CharField("Type delivered", max_length=14, choices=ReportType.choices, blank=True)
    remand_status = models.CharField(max_length=20, choices=RemandStatus.choices)
    # AssessmentAskedFor values.
    assessments_requested = models.JSONField("Assessments asked for", default=list, blank=True)
    # SentencingPurpose values the proposal serves.
    purposes = models.JSONField(default=list, blank=True)

    hearing_date = models.DateField("Date of the hearing that asked for the report")
    adjourned_to = models.DateField("Adjourned to", null=True, blank=True)
    requested_on = models.DateField()
    required_by = models.DateField("Date required")
    allocated_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    sent_on = models.DateField(null=True, blank=True)
    received_by_court_on = models.DateField(null=True, blank=True)

    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.REQUESTED)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_requests",
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True, max_length=2000)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField("Reason for withdrawal", blank=True, max_length=500)

    class Meta:
        ordering = ["required_by", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type_requested__in=ReportType.values), name="reportrequest_type_known"
            ),
            models.CheckConstraint(
                condition=Q(type_delivered="") | Q(type_delivered__in=ReportType.values),
                name="reportrequest_delivered_known",
            ),
            models.CheckConstraint(
                condition=Q(remand_status__in=RemandStatus.values), name="reportrequest_remand_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="reportrequest_status_known"
            ),
            models.CheckConstraint(
                condition=Q(required_by__gte=models.F("requested_on")),
                name="reportrequest_required_after_request",
            ),
            models.CheckConstraint(
                condition=Q(status=RequestStatus.REQUESTED)
                | Q(author__isnull=False)
                | Q(status=RequestStatus.WITHDRAWN),
                name="reportrequest_allocated_has_author",
            ),
        ]
        indexes = [
            models.Index(fields=["author", "status", "required_by"], name="reportrequest_author_idx"),
            models.Index(fields=["court", "required_by"], name="reportrequest_court_idx"),
            models.Index(fields=["status", "required_by"], name="reportrequest_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Report request {self.pk}"
