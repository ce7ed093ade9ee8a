"""Drug and alcohol tests (drug-testing.md § Recording results, § Chain of custody, § Prescribed
medication). Each test is a C240 "Drug test" contact on the person's record (contacts app), linked to
the requirement or licence condition it carries out, so its outcome counts exactly like any other
enforceable contact; this row holds what nDelius stores per test, the results per substance, and the
history of its state (a later laboratory result updates the test and its outcome; the history stays).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.contacts.models import Contact
from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.rules.drug_testing.bases import BASIS_LABELS, METHOD_LABELS
from probation.rules.drug_testing.results import DECISION_LABELS, READING_LABELS, STATE_LABELS
from probation.rules.drug_testing.substances import SUBSTANCE_LABELS
from probation.sentences.models import LicenceCondition, Requirement, Sentence

BASIS_CHOICES = [(k.value, v) for k, v in BASIS_LABELS.items()]
METHOD_CHOICES = [(k.value, v) for k, v in METHOD_LABELS.items()]
STATE_CHOICES = [(k.value, v) for k, v in STATE_LABELS.items()]
DECISION_CHOICES = [(k.value, v) for k, v in DECISION_LABELS.items()]
READING_CHOICES = [(k.value, v) for k, v in READING_LABELS.items()]
SUBSTANCE_CHOICES = [(k.value, v) for k, v in SUBSTANCE_LABELS.items()]


class DrugTest(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="drug_tests")
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="drug_test")
    basis = models.CharField(max_length=30, choices=BASIS_CHOICES)
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, null=True, blank=True, related_name="drug_tests"
    )
    licence_condition = models.ForeignKey(
        LicenceCondition, on_delete=models.PROTECT, null=True, blank=True, related_name="drug_tests"
    )
    # The approved-premises stay (approved_premises.SpaceBooking) for the AP basis: an id only, as that
    # app sits above this one (pyproject importlinter).
    ap_booking_id = models.PositiveIntegerField(null=True, blank=True)
    method = models.CharField(max_length=20, choices=METHOD_CHOICES)
    substances = models.JSONField(default=list)  # the panel tested, Substance values
    taken_at = models.DateTimeField("Date and time taken")
    place = models.CharField(max_length=120, blank=True)
    tester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Chain of custody.
    sample_id = models.CharField("Sample ID or barcode", max_length=40, blank=True)
    seal_number = models.CharField("Tamper-evident seal number", max_length=40, blank=True)
    observed = models.BooleanField("Sample observed", default=False)
    person_signed = models.BooleanField(default=False)
    tester_signed = models.BooleanField(default=False)
    cost_code = models.CharField(max_length=20, blank=True)
    dispatched_on = models.DateField(null=True, blank=True)
    lab_reference = models.CharField(max_length=40, blank=True)
    lab_received_on = models.DateField(null=True, blank=True)
    result_on = models.DateField(null=True, blank=True)
    chain_broken_reason = models.TextField(blank=True)  # any break makes the result unusable
    # Medication declared before the test; substances a verified prescription explains.
    no_medication = models.BooleanField(default=False)
    medication = models.TextField(blank=True)
    explained_substances = models.JSONField(default=list)
    verification_notes = models.TextField(blank=True)
    refused = models.BooleanField(default=False)
    tampered = models.BooleanField(default=False)
    admitted_substances = models.JSONField(default=list)
    state = models.CharField(max_length=20, choices=STATE_CHOICES)
    decision = models.CharField(max_length=30, choices=DECISION_CHOICES, blank=True)
    decision_notes = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # A double-submitted record form carries the same key: the second finds the first test.
    submission_key = models.UUIDField(unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [
            models.Index(fields=["person", "-taken_at"], name="drugtest_person_idx"),
            models.Index(
                fields=["person"],
                condition=Q(state__in=["admitted", "confirmed_positive"], decision=""),
                name="drugtest_decision_due_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_at__isnull=False), name="drugtest_decision_whole"
            ),
        ]

    def __str__(self) -> str:
        return f"Drug test {self.pk} ({self.state})"


class SubstanceResult(models.Model):
    test = models.ForeignKey(DrugTest, on_delete=models.CASCADE, related_name="results")
    substance = models.CharField(max_length=30, choices=SUBSTANCE_CHOICES)
    instant = models.CharField(max_length=15, choices=READING_CHOICES, blank=True)
    screening = models.CharField(max_length=15, choices=READING_CHOICES, blank=True)
    confirmation = models.CharField(max_length=15, choices=READING_CHOICES, blank=True)
    cutoff = models.CharField("Cut-off", max_length=30, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["test", "substance"], name="substanceresult_once")]

    def __str__(self) -> str:
        return f"{self.substance} for test {self.test_id}"


class DrugTestEvent(models.Model):
    """The test's history: recorded, a laboratory result, the officer's decision."""

    test = models.ForeignKey(DrugTest, on_delete=models.CASCADE, related_name="events")
    what = models.CharField(max_length=20)
    state = models.CharField(max_length=20, choices=STATE_CHOICES)
    outcome = models.CharField(max_length=4)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.what} on test {self.test_id}"
