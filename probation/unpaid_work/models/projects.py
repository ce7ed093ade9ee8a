"""Community Payback projects and placements, the weekly sessions they run, and each dated session
(unpaid-work.md § Projects and placements). Projects are managed per PDU by unpaid-work staff."""

from django.db import models
from django.db.models import F, Q

from probation.accounts.models import PDU, Staff
from probation.core.models import TimeStampedModel, VersionedModel
from probation.rules.unpaid_work.credit import ProjectKind

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


class ProjectType(models.TextChoices):
    """nDelius project types, each in its group (unpaid-work.md table)."""

    PL = "PL", "Rapid deployment – Project Clean Streets (group)"
    NP1 = "NP1", "Regional project (group)"
    NP2 = "NP2", "National project (group)"
    ES = "ES", "Externally supervised (individual)"
    ICP = "ICP", "Individual community placement (individual)"
    PIP2 = "PIP2", "Person-identified placement (individual)"
    PSP = "PSP", "Partner-supervised placement (individual)"
    PI = "PI", "Induction"
    ET1 = "ET1", "E-learning (ETE)"
    ET3 = "ET3", "CFO (ETE)"
    ET5 = "ET5", "HMPPS portal (ETE)"


PROJECT_KINDS = {
    **dict.fromkeys(("PL", "NP1", "NP2"), ProjectKind.GROUP),
    **dict.fromkeys(("ES", "ICP", "PIP2", "PSP"), ProjectKind.INDIVIDUAL),
    "PI": ProjectKind.INDUCTION,
    **dict.fromkeys(("ET1", "ET3", "ET5"), ProjectKind.ETE),
}


class SupervisorSexChoice(models.TextChoices):
    FEMALE = "F", "Female"
    MALE = "M", "Male"


class Supervisor(models.Model):
    """A member of staff who supervises sessions, with what supervisor-sex restrictions are matched
    against (Staff records no sex)."""

    staff = models.OneToOneField(Staff, on_delete=models.CASCADE, related_name="upw_supervisor")
    sex = models.CharField(max_length=1, choices=SupervisorSexChoice.choices, blank=True)

    def __str__(self) -> str:
        return str(self.staff)


class Project(VersionedModel):
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="upw_projects")
    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)
    project_type = models.CharField(max_length=4, choices=ProjectType.choices)
    beneficiary = models.CharField(max_length=120, blank=True)
    address = models.CharField("Location", max_length=300)
    area = models.CharField(
        "Area", max_length=60, help_text="Town or postcode district, matched to exclusion zones"
    )
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date", null=True, blank=True)
    with_children = models.BooleanField("Works with or near children", default=False)
    with_adults_at_risk = models.BooleanField("Works with adults at risk", default=False)
    female_only = models.BooleanField("Female-only group", default=False)
    notes = models.TextField("Other restrictions", blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="upw_project_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def kind(self) -> ProjectKind:
        return PROJECT_KINDS[self.project_type]


class ProjectDay(TimeStampedModel):
    """A weekly session the project runs: weekday, times, capacity and supervisor."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="days")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    starts_at = models.TimeField("Start time")
    ends_at = models.TimeField("End time")
    capacity = models.PositiveSmallIntegerField()
    supervisor = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="upw_days")

    class Meta:
        ordering = ["weekday", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="upw_day_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="upw_day_capacity_positive"),
            models.UniqueConstraint(fields=["project", "weekday", "starts_at"], name="upw_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def minutes(self) -> int:
        return (self.ends_at.hour * 60 + self.ends_at.minute) - (
            self.starts_at.hour * 60 + self.starts_at.minute
        )


class Session(VersionedModel):
    """One dated session of a project day: the supervisor's sheet. ``version`` moves on each save, so a
    second save of the same sheet (lost signal, a second supervisor) is refused and told."""

    day = models.ForeignKey(ProjectDay, on_delete=models.PROTECT, related_name="sessions")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    supervisor = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="upw_sessions")
    saved_at = models.DateTimeField(null=True, blank=True)
    saved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["date", "id"]
        constraints = [models.UniqueConstraint(fields=["day", "date"], name="upw_session_unique")]
        indexes = [
            models.Index(fields=["supervisor", "date"], name="upw_session_supervisor_idx"),
            # The project page's schedule, the operations view (a PDU's projects by week) and project
            # edits' "booked ahead" all read a project's sessions by date.
            models.Index(fields=["project", "date"], name="upw_session_project_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.project.name} on {self.date:%-d %B %Y}"
