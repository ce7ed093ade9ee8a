"""A referral to a commissioned provider and what the provider records against it.

The referral carries only what the practitioner chose to share (interventions.md § Referral): the
categories with complexity and desired outcomes, the maximum enforceable days, the completion deadline,
further information, needs, and the risk information written for the provider. The provider's pages
read these fields and the person's name, CRN and date of birth, never the case record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.contacts.models import Contact
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.referrals.models.providers import Provider
from probation.rules.referrals.progress import (
    ABSENCE_LABELS,
    ATTENDED_LABELS,
    END_REASON_LABELS,
    STATUS_LABELS,
)
from probation.sentences.models import Requirement, Sentence


class Referral(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="crs_referrals")
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, related_name="crs_referrals")
    # The RAR requirement whose days the provider's attended sessions use (none: not enforceable days).
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, null=True, blank=True, related_name="crs_referrals"
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="referrals")
    contract_type = models.CharField(max_length=4)
    catalogue_key = models.CharField(max_length=60)  # the catalogue version in force when it was made
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The creating form's one-time token: a double submit finds the referral it already made.
    form_token = models.CharField(max_length=40, unique=True)
    sent_at = models.DateTimeField()
    sent_on = models.DateField()  # in London: the 10 working days count from it
    maximum_days = models.PositiveSmallIntegerField("Maximum enforceable days")
    complete_by = models.DateField("Completion deadline")
    further_information = models.TextField(blank=True)
    needs = models.TextField("Additional and accessibility needs", blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    commitments = models.TextField("Caring or work commitments", blank=True)
    risk_information = models.TextField("Risk information for the provider")
    status = models.CharField(max_length=20, choices=list(STATUS_LABELS.items()), default="sent")
    assessed_on = models.DateField(null=True, blank=True)
    assessment_notes = models.TextField(blank=True)
    days_used = models.PositiveSmallIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=3, choices=list(END_REASON_LABELS.items()), blank=True)
    end_notes = models.TextField(blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_answers = models.JSONField(default=dict, blank=True)  # desired outcome key -> achievement
    report_progress = models.TextField(blank=True)
    report_further_work = models.TextField(blank=True)
    report_submitted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(maximum_days__gte=1), name="referral_maximum_days_positive"),
            models.CheckConstraint(
                condition=Q(days_used__lte=models.F("maximum_days")), name="referral_days_capped"
            ),
        ]
        indexes = [
            models.Index(fields=["provider", "status", "-sent_at"], name="referral_provider_idx"),
            models.Index(fields=["practitioner", "status"], name="referral_practitioner_idx"),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} to {self.provider_id}"


class ReferralCategory(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(max_length=40)  # catalogue Category.key
    complexity = models.CharField(max_length=10)
    outcomes = models.JSONField(default=list)  # desired outcome keys

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "category"], name="referral_category_unique")
        ]

    def __str__(self) -> str:
        return self.category


class ActionPlan(models.Model):
    """One version of the provider's action plan; every version is kept, each approved or not."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="action_plans")
    number = models.PositiveSmallIntegerField()
    activities = models.TextField()
    sessions_planned = models.PositiveSmallIntegerField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    submitted_on = models.DateField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "number"], name="action_plan_number_unique"),
            models.CheckConstraint(
                condition=Q(sessions_planned__gte=1), name="action_plan_sessions_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Action plan {self.number} of referral {self.referral_id}"


class ReferralSession(models.Model):
    """A delivered (or missed) session with the provider's feedback. Its contact-log entry carries the
    outcome the practitioner sees and enforces; ``uses_day``: it used one of the maximum days."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    happened_on = models.DateField()
    delivery = models.CharField(max_length=40)  # a contact type: office, telephone or video
    attended = models.CharField(max_length=4, choices=list(ATTENDED_LABELS.items()))
    absence = models.CharField(max_length=12, choices=list(ABSENCE_LABELS.items()), blank=True)
    summary = models.TextField(blank=True)
    behaviour = models.TextField(blank=True)
    concerns = models.TextField(blank=True)
    notify_practitioner = models.BooleanField(default=False)
    seen_at = models.DateTimeField(null=True, blank=True)  # the practitioner read the notified feedback
    uses_day = models.BooleanField(default=False)
    contact = models.OneToOneField(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="crs_session"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-happened_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "number"], name="referral_session_number_unique")
        ]
        indexes = [
            models.Index(
                fields=["referral"],
                condition=Q(notify_practitioner=True, seen_at__isnull=True),
                name="session_to_tell_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Session {self.number} of referral {self.referral_id}"
