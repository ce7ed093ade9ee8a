"""The nightly aggregates behind the local information and equality pages (issue 17 items 3 and 4).

Only counts are stored: no person, CRN or name ever reaches these tables, and the pages read nothing
else. Each row is one count for one area (the country, a region, a PDU or a team, by its code) —
areas are stored at every level so a page reads a handful of rows by index, never a roll-up.
"""

from django.db import models
from django.db.models import Q


class AreaLevel(models.TextChoices):
    COUNTRY = "country", "England and Wales"
    REGION = "region", "Region"
    PDU = "pdu", "PDU"
    TEAM = "team", "Team"


COUNTRY_CODE = "EW"


class Measure(models.TextChoices):
    """What a figure counts; its categories are listed in probation.insights.measures."""

    CASELOAD_SENTENCE = "caseload_sentence", "Caseload by sentence type"
    CASELOAD_TIER = "caseload_tier", "Caseload by tier"
    OFFENCE_GROUP = "offence_group", "Offending by offence group"
    NEEDS = "needs", "Needs"
    COMPLIANCE = "compliance", "Compliance"
    ENFORCEMENT = "enforcement", "Enforcement"
    BREACH = "breach", "Breach"
    RECALL = "recall", "Recalls"
    ENDED = "ended", "Orders and licences ended"


class AreaFigure(models.Model):
    level = models.CharField(max_length=8, choices=AreaLevel.choices)
    area_code = models.CharField(max_length=8)
    measure = models.CharField(max_length=20, choices=Measure.choices)
    month = models.DateField(help_text="The first day of the month counted")
    category = models.CharField(max_length=60)
    value = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "area_code", "measure", "month", "category"], name="areafigure_unique"
            ),
            models.CheckConstraint(condition=Q(level__in=AreaLevel.values), name="areafigure_level_known"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.level} {self.area_code} {self.measure} {self.month:%Y-%m} {self.category}: {self.value}"
        )


class EqualityFigure(models.Model):
    """For one area, period, outcome and group: how many people were at risk of the outcome
    (``people``) and how many had it (``with_outcome``). Countries, regions and PDUs only."""

    level = models.CharField(max_length=8, choices=AreaLevel.choices)
    area_code = models.CharField(max_length=8)
    period_start = models.DateField()
    period_end = models.DateField()
    outcome = models.CharField(max_length=20)
    dimension = models.CharField(max_length=12)
    group = models.CharField(max_length=12)
    people = models.PositiveIntegerField()
    with_outcome = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "area_code", "period_end", "outcome", "dimension", "group"],
                name="equalityfigure_unique",
            ),
            models.CheckConstraint(
                condition=Q(with_outcome__lte=models.F("people")), name="equalityfigure_outcome_within_people"
            ),
        ]

    def __str__(self) -> str:
        counts = f"{self.with_outcome}/{self.people}"
        return f"{self.area_code} {self.outcome} {self.dimension}={self.group}: {counts}"


class AggregationRun(models.Model):
    """One nightly run: when the figures were made and how long it took (shown as "figures as of")."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    as_of = models.DateField()
    area_rows = models.PositiveIntegerField()
    equality_rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-finished_at", "-id"]

    def __str__(self) -> str:
        return f"Aggregation of {self.as_of:%Y-%m-%d}"
