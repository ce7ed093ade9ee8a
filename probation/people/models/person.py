"""A person on probation, their aliases, and what search and concurrency need alongside."""

from django.conf import settings
from django.db import models

from probation.accounts.models import PDU, Staff, Team
from probation.core.models import VersionedModel


class Gender(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    OTHER = "O", "Other"
    NOT_KNOWN = "N", "Not known"


class Ethnicity(models.TextChoices):
    """2021 Census categories (England and Wales), used by HMPPS equality monitoring."""

    ASIAN_INDIAN = "A1", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "A2", "Asian or Asian British: Pakistani"
    ASIAN_BANGLADESHI = "A3", "Asian or Asian British: Bangladeshi"
    ASIAN_CHINESE = "A4", "Asian or Asian British: Chinese"
    ASIAN_OTHER = "A9", "Asian or Asian British: any other Asian background"
    BLACK_CARIBBEAN = "B1", "Black, Black British, Caribbean or African: Caribbean"
    BLACK_AFRICAN = "B2", "Black, Black British, Caribbean or African: African"
    BLACK_OTHER = "B9", "Black, Black British, Caribbean or African: any other background"
    MIXED_WHITE_BLACK_CARIBBEAN = "M1", "Mixed or multiple ethnic groups: White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "M2", "Mixed or multiple ethnic groups: White and Black African"
    MIXED_WHITE_ASIAN = "M3", "Mixed or multiple ethnic groups: White and Asian"
    MIXED_OTHER = "M9", "Mixed or multiple ethnic groups: any other background"
    WHITE_BRITISH = "W1", "White: English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "W2", "White: Irish"
    WHITE_GYPSY = "W3", "White: Gypsy or Irish Traveller"
    WHITE_ROMA = "W4", "White: Roma"
    WHITE_OTHER = "W9", "White: any other White background"
    ARAB = "O2", "Other ethnic group: Arab"
    OTHER = "O9", "Other ethnic group: any other ethnic group"
    PREFER_NOT = "NS", "Prefer not to say"


class Religion(models.TextChoices):
    NONE = "NONE", "No religion"
    CHRISTIAN = "CHR", "Christian"
    BUDDHIST = "BUD", "Buddhist"
    HINDU = "HIN", "Hindu"
    JEWISH = "JEW", "Jewish"
    MUSLIM = "MUS", "Muslim"
    SIKH = "SIK", "Sikh"
    OTHER = "OTH", "Any other religion"
    PREFER_NOT = "NS", "Prefer not to say"


class SexualOrientation(models.TextChoices):
    HETEROSEXUAL = "HET", "Straight or heterosexual"
    GAY_LESBIAN = "GAY", "Gay or lesbian"
    BISEXUAL = "BI", "Bisexual"
    OTHER = "OTH", "Other sexual orientation"
    PREFER_NOT = "NS", "Prefer not to say"


class RoshLevel(models.TextChoices):
    """Risk of serious harm levels (reference-data.md § RoSH), lowest first."""

    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    VERY_HIGH = "very_high", "Very high"


# reference-data.md § Allocation: "high and very high RoSH cases are held by POs (a PSO may support)".
ROSH_LEVELS_HELD_BY_PO = (RoshLevel.HIGH, RoshLevel.VERY_HIGH)


class Person(VersionedModel):
    crn = models.CharField("CRN", max_length=7, unique=True)
    first_name = models.CharField(max_length=50)
    middle_names = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=50)
    preferred_name = models.CharField(max_length=50, blank=True)
    previous_surname = models.CharField(max_length=50, blank=True)
    date_of_birth = models.DateField()
    gender = models.CharField(max_length=1, choices=Gender.choices)

    pnc_number = models.CharField("PNC number", max_length=13, blank=True)
    pnc_key = models.CharField(max_length=12, blank=True, db_index=True, editable=False)
    cro_number = models.CharField("CRO number", max_length=12, blank=True)
    prison_number = models.CharField("Prison number", max_length=7, blank=True)
    ni_number = models.CharField("National Insurance number", max_length=9, blank=True)

    telephone = models.CharField(max_length=20, blank=True)
    mobile = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    preferred_language = models.CharField(max_length=50, blank=True, default="English")
    interpreter_required = models.BooleanField(default=False)

    # Special category data (UK GDPR art. 9): optional, never required by a form.
    ethnicity = models.CharField(max_length=2, choices=Ethnicity.choices, blank=True)
    religion = models.CharField(max_length=4, choices=Religion.choices, blank=True)
    sexual_orientation = models.CharField(max_length=3, choices=SexualOrientation.choices, blank=True)
    gender_identity = models.CharField(max_length=50, blank=True)

    # Management: owning PDU always; team and responsible officer once allocated (kept in step
    # with the open Allocation row by people.services so caseload queries need no join to history).
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="people")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="people")
    officer = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="caseload"
    )

    # The overall RoSH of the latest RoSH assessment ("" = never assessed). Written only by
    # risk.services.rosh with a targeted UPDATE (no version bump), so caseloads and the allocation
    # guard read it without people importing risk (ADR 0009). The database default lets bulk loads
    # (COPY with a column list) leave it out.
    rosh_level = models.CharField(
        "RoSH", max_length=9, choices=RoshLevel.choices, blank=True, default="", db_default=""
    )
    # The current tier ("B2", "B2S"; "" = never calculated). Written only by probation.tiers with a
    # targeted UPDATE (no version bump) whenever a tiering input changes, so caseloads show it with no
    # extra query (ADR 0012). The database default lets bulk loads (COPY) leave it out.
    tier = models.CharField("Tier", max_length=3, blank=True, default="", db_default="")

    # Limited access (LAO): flags let lists skip the per-user subqueries for ordinary cases.
    has_exclusions = models.BooleanField(default=False)
    is_restricted = models.BooleanField(default=False)
    exclusion_message = models.TextField(blank=True)
    restriction_message = models.TextField(blank=True)

    surname_key = models.CharField(max_length=50, db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["date_of_birth"], name="person_dob_idx"),
            models.Index(fields=["officer", "surname_key"], name="person_officer_idx"),
            models.Index(fields=["team", "surname_key"], name="person_team_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(crn__regex=r"^[A-Z][0-9]{6}$"), name="person_crn_format"
            ),
        ]

    def __str__(self) -> str:
        return self.crn

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_names, self.surname) if p)

    @property
    def display_name(self) -> str:
        return f"{self.surname.upper()}, {self.first_name}"


class Alias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    first_name = models.CharField(max_length=50)
    middle_names = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=50)
    date_of_birth = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return f"{self.first_name} {self.surname}"


class CrnSequence(models.Model):
    """A single row handing out CRNs in order; locked while issuing so none is reused."""

    next_value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Next CRN number {self.next_value}"


class PersonChange(models.Model):
    """What each saved version changed: shown to a user whose edit lost a race, and on the record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="changes")
    entity = models.CharField(max_length=40)
    entity_id = models.BigIntegerField()
    version = models.PositiveIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "entity_id", "version"], name="personchange_unique_version"
            )
        ]
        indexes = [models.Index(fields=["entity", "entity_id", "version"], name="personchange_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.entity} {self.entity_id} v{self.version}"


class SearchKey(models.Model):
    """Name keys for typo-tolerant search on any database (ADR 0004)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+", db_index=False)
    key = models.CharField(max_length=40)

    class Meta:
        indexes = [
            models.Index(fields=["key", "person"], name="searchkey_key_idx"),
            models.Index(fields=["person"], name="searchkey_person_idx"),
        ]

    def __str__(self) -> str:
        return self.key
