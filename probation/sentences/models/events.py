"""Events (convictions), their offences and the sentence passed (issue 3 item 1).

An event is one conviction at one court; it has exactly one main offence and any number of
additional offences (Home Office offence codes, offence-weightings.csv) and at most one sentence.
Records are versioned (ADR 0005): edits name the version they read.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.people.models import Person
from probation.sentences.models.choices import SENTENCE_KIND_CHOICES, SentenceType, TerminationReason


class Event(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events")
    # Per-person running number shown to staff ("Event 3"), issued by the service under a person lock.
    number = models.PositiveIntegerField()
    conviction_date = models.DateField("Date of conviction")
    court = models.CharField("Convicting court", max_length=120)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-conviction_date", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["person", "number"], name="event_number_unique_per_person"),
        ]

    def __str__(self) -> str:
        return f"Event {self.number} of person {self.person_id}"


class EventOffence(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="offences")
    ho_code = models.CharField("Home Office offence code", max_length=5)
    # The official description when recorded (probation.rules.offences); up to about 1,000 characters.
    description = models.TextField()
    offence_date = models.DateField("Date of offence")
    main = models.BooleanField(default=False)
    counts = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["-main", "offence_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=Q(main=True), name="eventoffence_one_main_per_event"
            ),
            models.CheckConstraint(condition=Q(counts__gte=1), name="eventoffence_counts_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.ho_code} {self.description}"


class SentenceQuerySet(models.QuerySet):
    def current(self) -> "SentenceQuerySet":
        return self.filter(terminated_on__isnull=True)


class Sentence(VersionedModel):
    """The sentence of an event. Lengths are in months as the court states them:
    ``length_months`` is the order length (community order), the supervision period (SSO) or the
    licence/PSS period; ``custodial_months`` is the custodial term (SSO, custodial sentence)."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="sentence")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sentences")
    type = models.CharField(max_length=30, choices=SentenceType.choices)
    kind = models.CharField(
        "Sentence kind", max_length=40, choices=SENTENCE_KIND_CHOICES, default="standard_determinate"
    )
    sentence_date = models.DateField("Date of sentence")
    length_months = models.PositiveSmallIntegerField("Length (months)", null=True, blank=True)
    custodial_months = models.PositiveSmallIntegerField("Custodial term (months)", null=True, blank=True)
    start_date = models.DateField("Start date")
    expected_end_date = models.DateField("Expected end date", null=True, blank=True)
    terminated_on = models.DateField("Termination date", null=True, blank=True)
    termination_reason = models.CharField(max_length=30, choices=TerminationReason.choices, blank=True)
    # End date of the last concluded breach: the failures-to-comply window restarts from it
    # (enforcement.md). Written by the breach service in the same transaction as the outcome.
    last_breach_ended_on = models.DateField(null=True, blank=True)

    objects = SentenceQuerySet.as_manager()

    class Meta:
        ordering = ["-sentence_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(type__in=SentenceType.values), name="sentence_type_known"),
            models.CheckConstraint(
                condition=Q(start_date__gte=F("sentence_date")), name="sentence_starts_on_or_after_sentence"
            ),
            models.CheckConstraint(
                condition=Q(expected_end_date__isnull=True) | Q(expected_end_date__gte=F("start_date")),
                name="sentence_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(terminated_on__isnull=True, termination_reason="")
                | (
                    Q(terminated_on__isnull=False, terminated_on__gte=F("sentence_date"))
                    & ~Q(termination_reason="")
                ),
                name="sentence_termination_whole",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "-sentence_date"], name="sentence_person_idx"),
            models.Index(
                fields=["expected_end_date"],
                condition=Q(terminated_on__isnull=True),
                name="sentence_current_end_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} of {self.sentence_date:%Y-%m-%d}"

    @property
    def is_current(self) -> bool:
        return self.terminated_on is None

    @property
    def is_order(self) -> bool:
        return self.type in (SentenceType.COMMUNITY_ORDER, SentenceType.SUSPENDED_SENTENCE_ORDER)
