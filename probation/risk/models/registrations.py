"""Registrations (risk and need flags) and their reviews: reference-data.md § Registrations.

A registration is never deleted: it ends by deregistration (date, reason, who), so the case keeps
its history. The database holds the rules that must never be broken whatever writes the rows:
one active registration of a type per person, one active RoSH registration per person, MAPPA with
its category and level, and dates in order. Services check the same rules first to give clear
messages (probation.risk.services.registrations).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.accounts.models import Staff
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.risk.registers import (
    CATEGORY_AND_LEVEL_CODES,
    MAPPA_CATEGORIES,
    MAPPA_CATEGORY_CHOICES,
    MAPPA_LEVEL_CHOICES,
    MAPPA_LEVELS,
    NO_REVIEW_CODES,
    REGISTER_TYPES,
    ROSH_CODES,
    RegisterType,
    register_type,
)


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        return self.filter(deregistered_on__isnull=True)

    def ended(self) -> "RegistrationQuerySet":
        return self.filter(deregistered_on__isnull=False)


class Registration(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    # A code from probation.risk.registers; the check constraint keeps out unknown codes.
    register_type = models.CharField("Type", max_length=5)
    registered_on = models.DateField("Registration date")
    registering_officer = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    category = models.CharField("MAPPA category", max_length=2, blank=True, choices=MAPPA_CATEGORY_CHOICES)
    level = models.CharField("MAPPA level", max_length=2, blank=True, choices=MAPPA_LEVEL_CHOICES)
    notes = models.TextField(blank=True)
    next_review_on = models.DateField("Next review date", null=True, blank=True)
    deregistered_on = models.DateField("Deregistration date", null=True, blank=True)
    deregistration_reason = models.TextField("Reason for deregistration", blank=True)
    deregistering_officer = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    deregistered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(register_type__in=[r.code for r in REGISTER_TYPES]),
                name="registration_type_known",
            ),
            models.UniqueConstraint(
                fields=["person", "register_type"],
                condition=Q(deregistered_on__isnull=True),
                name="registration_one_active_per_type",
            ),
            # reference-data.md § RoSH: the overall RoSH "is mirrored by exactly one active RoSH
            # registration" — never two.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(deregistered_on__isnull=True, register_type__in=ROSH_CODES),
                name="registration_one_active_rosh",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        register_type__in=CATEGORY_AND_LEVEL_CODES,
                        category__in=list(MAPPA_CATEGORIES),
                        level__in=list(MAPPA_LEVELS),
                    )
                    | (~Q(register_type__in=CATEGORY_AND_LEVEL_CODES) & Q(category="", level=""))
                ),
                name="registration_category_and_level",
            ),
            models.CheckConstraint(
                condition=Q(deregistered_on__isnull=True) | Q(deregistered_on__gte=F("registered_on")),
                name="registration_deregistered_after_registered",
            ),
            models.CheckConstraint(
                condition=(
                    Q(deregistered_on__isnull=True, deregistration_reason="")
                    | (Q(deregistered_on__isnull=False) & ~Q(deregistration_reason=""))
                ),
                name="registration_deregistration_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(next_review_on__isnull=True)
                | (Q(next_review_on__gt=F("registered_on")) & ~Q(register_type__in=NO_REVIEW_CODES)),
                name="registration_next_review_after_registered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.register_type} on {self.person_id} from {self.registered_on:%Y-%m-%d}"

    @property
    def register(self) -> RegisterType:
        found = register_type(self.register_type)
        if found is None:  # the check constraint makes this unreachable for saved rows
            raise ValueError(f"Unknown register type {self.register_type}")
        return found

    @property
    def is_active(self) -> bool:
        return self.deregistered_on is None


class RegistrationReview(models.Model):
    """One review of a registration. Reviews are appended, never changed."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField("Review date")
    reviewing_officer = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    notes = models.TextField(blank=True)
    next_review_on = models.DateField("Next review date", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_on__isnull=True) | Q(next_review_on__gt=F("reviewed_on")),
                name="registrationreview_next_after_review",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.registration_id} on {self.reviewed_on:%Y-%m-%d}"
