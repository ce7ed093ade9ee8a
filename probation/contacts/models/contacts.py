"""Contacts: every interaction on a person's record, and appointments (contacts that need an
outcome) — enforcement.md "Contacts and appointments" and "Outcomes".

Contact type behaviour (attendance, national standard, allowed outcomes, RAR/unpaid work) is data in
probation.rules.contacts.outcomes; ``is_appointment`` copies the type's attendance flag so the
"needs an outcome" list can use a partial index. Times are stored in UTC.
"""

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Q

from probation.accounts.models import Staff
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.contacts.outcomes import (
    CONTACT_TYPES,
    OUTCOMES,
    ContactTypeCode,
    counts_as_failure_to_comply,
    is_enforceable,
)
from probation.sentences.models import LicenceCondition, Requirement, Sentence

CONTACT_TYPE_CHOICES = [(code.value, t.description) for code, t in CONTACT_TYPES.items()]
OUTCOME_CHOICES = [(code.value, o.description) for code, o in OUTCOMES.items()]

# The SQL twin of probation.rules.contacts.outcomes.counts_as_failure_to_comply, built from the same data
# (a test checks it agrees for every contact type and outcome, linked or not).
UNACCEPTABLE_OUTCOMES = tuple(code.value for code, row in OUTCOMES.items() if not row.acceptable)
ATTENDANCE_TYPES = tuple(code.value for code, t in CONTACT_TYPES.items() if t.attendance)
ALWAYS_ENFORCEABLE_TYPES = tuple(
    code.value for code in ContactTypeCode if is_enforceable(code, carries_out_requirement=False)
)
CARRIES_OUT_REQUIREMENT = Q(requirement__isnull=False) | Q(licence_condition__isnull=False)
FAILURE_TO_COMPLY = Q(outcome__in=UNACCEPTABLE_OUTCOMES) & (
    Q(type__in=ALWAYS_ENFORCEABLE_TYPES) | (Q(type__in=ATTENDANCE_TYPES) & CARRIES_OUT_REQUIREMENT)
)


class ContactQuerySet(models.QuerySet):
    def failures_to_comply(self) -> "ContactQuerySet":
        """Enforceable contacts with an unacceptable outcome (enforcement.md "Failures to comply" and
        *enforceable*): every count, list and threshold of failures goes through this."""
        return self.filter(FAILURE_TO_COMPLY)

    def with_carries_out_requirement(self) -> "ContactQuerySet":
        """Annotate ``carries_out_requirement`` (linked to a requirement or licence condition)."""
        return self.annotate(
            carries_out_requirement=ExpressionWrapper(CARRIES_OUT_REQUIREMENT, output_field=BooleanField())
        )

    def appointments(self) -> "ContactQuerySet":
        return self.filter(is_appointment=True, cancelled_at__isnull=True)

    def outstanding(self, *, now) -> "ContactQuerySet":
        """Past appointments with no outcome: the "needs an outcome" list."""
        return self.appointments().filter(outcome="", starts_at__lt=now)


class Contact(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    type = models.CharField(max_length=40, choices=CONTACT_TYPE_CHOICES)
    is_appointment = models.BooleanField(default=False)
    starts_at = models.DateTimeField("Date and time")
    ends_at = models.DateTimeField("End time", null=True, blank=True)
    officer = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="contacts")
    location = models.CharField(max_length=120, blank=True)
    sentence = models.ForeignKey(
        Sentence, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    licence_condition = models.ForeignKey(
        LicenceCondition, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    notes = models.TextField(blank=True)
    # Sensitive notes show only to roles with CONTACT_VIEW_SENSITIVE; the rest of the contact is not hidden.
    sensitive = models.BooleanField(default=False)
    outcome = models.CharField(max_length=4, choices=OUTCOME_CHOICES, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What this contact credited to its requirement: one RAR day / programme session; for unpaid work,
    # MINUTES, whether the officer records "hours worked" (outcomes.py) or a supervisor's session sheet
    # credits it (sessions.py; ADR 0036, 0048). Progress itself is Requirement.done(_part_minutes).
    credited = models.PositiveSmallIntegerField(default=0)
    # A failed-to-attend awaits evidence of an acceptable reason until this date (7 days, enforcement.md).
    evidence_due_on = models.DateField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=200, blank=True)
    rescheduled_to = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="rescheduled_from"
    )
    # An unpaid-work session at a Community Payback project (issue 13): it is on the person's schedule
    # and the project's, run by the project's supervisor, so it is not in the officer's diary and never
    # clashes with the officer's appointments (it still clashes with the person's).
    on_project = models.BooleanField(default=False, db_default=False)
    reminder = models.CharField(
        max_length=5, choices=[("", "No reminder"), ("sms", "Text message"), ("email", "Email")], blank=True
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="contact_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(is_appointment=True), name="contact_outcome_only_on_appointments"
            ),
            models.CheckConstraint(
                condition=Q(outcome="", outcome_recorded_at__isnull=True)
                | (~Q(outcome="") & Q(outcome_recorded_at__isnull=False)),
                name="contact_outcome_whole",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_at__isnull=True) | Q(outcome=""),
                name="contact_cancelled_has_no_outcome",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "-starts_at", "-id"], name="contact_person_time_idx"),
            models.Index(fields=["officer", "starts_at"], name="contact_officer_time_idx"),
            models.Index(fields=["sentence", "starts_at"], name="contact_sentence_time_idx"),
            models.Index(
                fields=["officer", "starts_at"],
                condition=Q(is_appointment=True, outcome="", cancelled_at__isnull=True),
                name="contact_outstanding_idx",
            ),
            # A caseload's appointments needing an outcome (the officer's and team manager's lists).
            models.Index(
                fields=["person", "starts_at"],
                condition=Q(is_appointment=True, outcome="", cancelled_at__isnull=True),
                name="contact_outstanding_person_idx",
            ),
            # The nightly sweep finds failed-to-attend contacts whose evidence deadline has passed.
            models.Index(
                fields=["evidence_due_on"],
                condition=Q(outcome="AFTA", cancelled_at__isnull=True),
                name="contact_awaiting_evidence_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def links_requirement(self) -> bool:
        """Linked to a requirement or licence condition: the appointment carries it out (enforceable)."""
        return self.requirement_id is not None or self.licence_condition_id is not None

    @property
    def is_failure_to_comply(self) -> bool:
        return bool(self.outcome) and counts_as_failure_to_comply(
            self.type, self.outcome, carries_out_requirement=self.links_requirement
        )
