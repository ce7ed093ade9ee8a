"""The DRR testing schedule and alcohol abstinence monitoring days.

Sources: drug-testing.md § Legal bases (DRR: samples as directed by the responsible officer; drug
testing requirement: *frequency rules: verify*) and § Alcohol (AAMR, Sentencing Act 2020 Sch 9 Pt 12:
abstain for up to 120 days, monitored continuously by a transdermal tag). The testing frequency is not
set by statute: it is kept as a dated rule marked *verify* so a deployment can correct it.
"""

import datetime as dt
from dataclasses import dataclass

from probation.rules.calendar.working_days import is_working_day
from probation.rules.errors import RuleError
from probation.rules.law.dated import NO_CHANGES, Commencement, LawSettings, RuleVersion, version_in_force_on


@dataclass(frozen=True)
class Phase:
    """``per_week`` tests a week for ``weeks`` weeks (None: until the requirement ends)."""

    weeks: int | None
    per_week: int


DRR_FREQUENCY: tuple[RuleVersion[tuple[Phase, ...]], ...] = (
    RuleVersion(
        Commencement(
            "drr_testing_frequency_2020",
            dt.date(2020, 12, 1),
            "Sentencing Act 2020 Sch 9 Pt 10; local DRR testing practice",
            verify="the testing frequency is local practice, not statute",
        ),
        (Phase(weeks=4, per_week=2), Phase(weeks=None, per_week=1)),
        "twice a week for the first 4 weeks, then weekly",
    ),
)


def _next_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def drr_schedule(*, start: dt.date, end: dt.date, settings: LawSettings = NO_CHANGES) -> list[dt.date]:
    """Test dates from the DRR's start to its end under the frequency in force on its start date: in
    each week from the start, the first working day, and for a second test the first working day from
    the fourth day of that week. Weekends and England and Wales bank holidays are skipped."""
    if end < start:
        raise RuleError("The requirement ends before it starts", field="end")
    phases = version_in_force_on(DRR_FREQUENCY, start, what="DRR testing frequencies", settings=settings).rule
    dates: list[dt.date] = []
    week_start, phase_index, weeks_in_phase = start, 0, 0
    while week_start <= end:
        phase = phases[phase_index]
        offsets = (0, 3) if phase.per_week >= 2 else (0,)
        week_end = week_start + dt.timedelta(days=6)
        for offset in offsets:
            day = _next_working_day(week_start + dt.timedelta(days=offset))
            if day <= min(end, week_end) and day not in dates:
                dates.append(day)
        weeks_in_phase += 1
        if phase.weeks is not None and weeks_in_phase >= phase.weeks and phase_index + 1 < len(phases):
            phase_index, weeks_in_phase = phase_index + 1, 0
        week_start += dt.timedelta(days=7)
    return dates


AAMR_MAX_DAYS = 120


@dataclass(frozen=True)
class MonitoringDays:
    ordered: int
    start: dt.date
    end: dt.date  # the last day monitored
    elapsed: int  # days monitored up to and including today
    remaining: int

    @property
    def complete(self) -> bool:
        return self.remaining == 0


def aamr_monitoring(*, start: dt.date, ordered_days: int, today: dt.date) -> MonitoringDays:
    """Alcohol monitoring days of an abstinence (AAMR) requirement: 1 to 120 days from its start."""
    if not 1 <= ordered_days <= AAMR_MAX_DAYS:
        raise RuleError(
            f"An alcohol abstinence and monitoring requirement is 1 to {AAMR_MAX_DAYS} days; "
            f"{ordered_days} was given",
            field="ordered",
        )
    end = start + dt.timedelta(days=ordered_days - 1)
    elapsed = max(0, min(ordered_days, (today - start).days + 1))
    return MonitoringDays(ordered_days, start, end, elapsed, ordered_days - elapsed)
