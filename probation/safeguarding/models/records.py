"""Checks with children's services and safeguarding referrals (issue 4 item 9).

A check asks a local authority whether it knows the children around a person; a referral raises a
concern about a child. Both may name the child safeguarding flag (RCPR, RCCO, RCHD) they relate to.
Nothing is deleted: records are versioned (ADR 0005) and completed by recording the response or
outcome. The database keeps the dates in order and a response or outcome whole (ADR 0013).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.risk.models import Registration
from probation.safeguarding.models.choices import (
    CheckMethod,
    CheckOutcome,
    ReferralOutcome,
    ReferredTo,
    Urgency,
)


class ChildrenServicesCheck(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="childrens_services_checks")
    local_authority = models.CharField("Local authority", max_length=100)
    requested_on = models.DateField("Date requested")
    method = models.CharField("Method", max_length=10, choices=CheckMethod.choices)
    reason = models.TextField("Reason for the check")
    response_on = models.DateField("Response date", null=True, blank=True)
    outcome = models.CharField(
        "Outcome", max_length=20, choices=CheckOutcome.choices, default=CheckOutcome.AWAITING
    )
    details = models.TextField("Response details", blank=True)
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(method__in=CheckMethod.values), name="safeguardingcheck_method_known"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=CheckOutcome.values), name="safeguardingcheck_outcome_known"
            ),
            # Awaiting a response exactly while there is no response date.
            models.CheckConstraint(
                condition=Q(outcome=CheckOutcome.AWAITING, response_on__isnull=True)
                | (
                    ~Q(outcome=CheckOutcome.AWAITING)
                    # NULL >= date is unknown, which a CHECK lets through: say "not null" too.
                    & Q(response_on__isnull=False, response_on__gte=F("requested_on"))
                ),
                name="safeguardingcheck_response_after_request",
            ),
        ]
        indexes = [models.Index(fields=["person", "-requested_on"], name="safeguardingcheck_person_idx")]

    def __str__(self) -> str:
        return f"Children's services check of {self.requested_on:%Y-%m-%d} for {self.person_id}"

    @property
    def is_awaiting(self) -> bool:
        return self.outcome == CheckOutcome.AWAITING


class SafeguardingReferral(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="safeguarding_referrals")
    referred_on = models.DateField("Date referred")
    referred_to = models.CharField("Referred to", max_length=20, choices=ReferredTo.choices)
    referred_to_other = models.CharField("Other agency", max_length=100, blank=True)
    concern = models.TextField("Concern")
    urgency = models.CharField("Urgency", max_length=10, choices=Urgency.choices)
    outcome = models.CharField("Outcome", max_length=12, choices=ReferralOutcome.choices, blank=True)
    outcome_on = models.DateField("Outcome date", null=True, blank=True)
    outcome_details = models.TextField("Outcome details", blank=True)
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-referred_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(referred_to__in=ReferredTo.values), name="safeguardingreferral_to_known"
            ),
            models.CheckConstraint(
                condition=Q(referred_to=ReferredTo.OTHER, referred_to_other__gt="")
                | (~Q(referred_to=ReferredTo.OTHER) & Q(referred_to_other="")),
                name="safeguardingreferral_other_named",
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=Urgency.values), name="safeguardingreferral_urgency_known"
            ),
            # No outcome and no date, or a known outcome dated on or after the referral.
            models.CheckConstraint(
                condition=Q(outcome="", outcome_on__isnull=True)
                | Q(
                    outcome__in=ReferralOutcome.values,
                    outcome_on__isnull=False,
                    outcome_on__gte=F("referred_on"),
                ),
                name="safeguardingreferral_outcome_after_referral",
            ),
        ]
        indexes = [models.Index(fields=["person", "-referred_on"], name="safeguardingref_person_idx")]

    def __str__(self) -> str:
        return f"Safeguarding referral of {self.referred_on:%Y-%m-%d} for {self.person_id}"

    @property
    def is_awaiting(self) -> bool:
        return not self.outcome
