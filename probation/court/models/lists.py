"""A court's list for one sitting (court, date, session) and the hearings on it.

A hearing keeps the defendant exactly as the court listed them; the person on the record is linked
only when a court officer confirms a match (or confirms there is no record, which creates the person
through people's person_create). Candidates are the possible matches found at import, with why
each matched. Importing the same list again adds nothing: a hearing is unique by its list and
listing number, a list by court, date and session.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from probation.core.models import TimeStampedModel, VersionedModel
from probation.court.models.courts import Court
from probation.people.models import Person


class Session(models.TextChoices):
    MORNING = "morning", "Morning"
    AFTERNOON = "afternoon", "Afternoon"
    ALL_DAY = "all_day", "All day"


class Plea(models.TextChoices):
    NONE = "", "No plea entered"
    GUILTY = "guilty", "Guilty"
    NOT_GUILTY = "not_guilty", "Not guilty"


class MatchState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Unconfirmed"
    CONFIRMED = "confirmed", "Confirmed"


class PreparationStatus(models.TextChoices):
    """court-reports.md § Court liaison: preparation status per hearing."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    NOT_REQUIRED = "not_required", "Not required"


class Outcome(models.TextChoices):
    """court-reports.md § Court liaison: the outcomes a court officer results a hearing with."""

    PROBATION_SENTENCE = "probation_sentence", "Probation sentence"
    NON_PROBATION_SENTENCE = "non_probation", "Non-probation sentence"
    REPORT_REQUESTED = "report_requested", "Report requested"
    ADJOURNED = "adjourned", "Adjourned"
    COMMITTED_TO_CROWN = "committed_crown", "Committed to Crown"
    CROWN_PLUS_PSR = "crown_psr", "Crown plus PSR"
    NO_OUTCOME = "no_outcome", "No outcome"
    OTHER = "other", "Other"
    WARRANT = "warrant", "Warrant"
    TRIAL = "trial", "Trial"
    DISMISSED = "dismissed", "Dismissed"
    FINE = "fine", "Fine"


class ResultStatus(models.TextChoices):
    """Resulting workflow: New → In progress → Resulted."""

    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    RESULTED = "resulted", "Resulted"


class CourtList(TimeStampedModel):
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="lists")
    sitting_date = models.DateField()
    session = models.CharField(max_length=10, choices=Session.choices)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["sitting_date", "court__name", "session"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "sitting_date", "session"], name="courtlist_unique_sitting"
            ),
            models.CheckConstraint(condition=Q(session__in=Session.values), name="courtlist_session_known"),
        ]

    def __str__(self) -> str:
        return f"{self.court_id} {self.sitting_date:%Y-%m-%d} {self.session}"


class Hearing(VersionedModel):
    court_list = models.ForeignKey(CourtList, on_delete=models.CASCADE, related_name="hearings")
    listing_number = models.PositiveIntegerField()
    room = models.CharField(max_length=20, blank=True)
    hearing_time = models.TimeField(null=True, blank=True)
    # The defendant as the court listed them.
    forenames = models.CharField(max_length=100)
    surname = models.CharField(max_length=50)
    date_of_birth = models.DateField(null=True, blank=True)
    pnc_number = models.CharField("PNC number", max_length=13, blank=True)
    cro_number = models.CharField("CRO number", max_length=12, blank=True)
    address = models.CharField(max_length=300, blank=True)
    # [{"code": "10501", "wording": "..."}] in the order listed.
    offences = models.JSONField(default=list)
    plea = models.CharField(max_length=10, choices=Plea.choices, blank=True)

    match_state = models.CharField(max_length=12, choices=MatchState.choices, default=MatchState.UNCONFIRMED)
    # Set only when the match is confirmed; a confirmed hearing without a person is "no record"
    # only until the person is created (confirming "no record" creates them in one step).
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="hearings"
    )
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    matched_at = models.DateTimeField(null=True, blank=True)

    preparation_status = models.CharField(
        max_length=12, choices=PreparationStatus.choices, default=PreparationStatus.NOT_STARTED
    )
    preparation_notes = models.TextField("Notes", blank=True, max_length=2000)
    preparation_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    preparation_updated_at = models.DateTimeField(null=True, blank=True)

    # Resulting (after the hearing): who works on it, the outcome, and for a probation sentence the
    # event it created.
    result_status = models.CharField(max_length=12, choices=ResultStatus.choices, default=ResultStatus.NEW)
    result_assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Assigned to",
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    result_notes = models.TextField("Result notes", blank=True, max_length=2000)
    result_event = models.ForeignKey(
        "sentences.Event", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The report request a probation sentence closed (so the sentence can be compared with the
    # report's proposal).
    closed_request = models.ForeignKey(
        "reports.ReportRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resulted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resulted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["listing_number"]
        constraints = [
            models.UniqueConstraint(fields=["court_list", "listing_number"], name="hearing_unique_listing"),
            models.CheckConstraint(condition=Q(plea__in=Plea.values), name="hearing_plea_known"),
            models.CheckConstraint(
                condition=Q(match_state__in=MatchState.values), name="hearing_match_state_known"
            ),
            models.CheckConstraint(
                condition=Q(preparation_status__in=PreparationStatus.values), name="hearing_preparation_known"
            ),
            models.CheckConstraint(
                condition=Q(match_state=MatchState.CONFIRMED) | Q(person__isnull=True),
                name="hearing_person_only_when_confirmed",
            ),
            models.CheckConstraint(
                condition=Q(result_status__in=ResultStatus.values), name="hearing_result_status_known"
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=Outcome.values), name="hearing_outcome_known"
            ),
            models.CheckConstraint(
                condition=~Q(result_status=ResultStatus.RESULTED)
                | (~Q(outcome="") & Q(resulted_at__isnull=False)),
                name="hearing_resulted_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.PROBATION_SENTENCE) | Q(result_event__isnull=False),
                name="hearing_probation_sentence_has_event",
            ),
        ]
        indexes = [models.Index(fields=["person"], name="hearing_person_idx")]

    def __str__(self) -> str:
        return f"Hearing {self.listing_number} on list {self.court_list_id}"

    @property
    def defendant_name(self) -> str:
        return f"{self.surname.upper()}, {self.forenames}"


class HearingCandidate(models.Model):
    """A possible match found at import, with why it matched. Rejected ones stay, marked, so the
    decision is kept and the candidate is not offered again."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    # "pnc" (exact PNC number) or "name_dob" (typo-tolerant name search with the date of birth).
    matched_on = models.CharField(max_length=10)
    score = models.PositiveSmallIntegerField()
    reasons = models.JSONField(default=list)
    rejected = models.BooleanField(default=False)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["hearing", "person"], name="hearingcandidate_unique"),
        ]

    def __str__(self) -> str:
        return f"Candidate {self.person_id} for hearing {self.hearing_id}"
