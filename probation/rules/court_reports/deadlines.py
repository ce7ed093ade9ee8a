"""When a pre-sentence report is required, and whether it was delivered in time.

Sources (court-reports.md § Report types, § Law the system must respect):
- oral (CJO): the same day, in court;
- short format / fast delivery (CJF): the same day or an adjournment of at most 5 working days;
- standard delivery (CJS): 15 working days, but a defendant remanded in custody caps it at 3 weeks;
- addendum (PSA): the date the court sets.
- Magistrates' Courts Act 1980 s.10(3): a magistrates' court adjourns after conviction for inquiries
  for at most 4 weeks at a time, at most 3 weeks when the defendant is remanded in custody. An
  adjourned-to date beyond that is not lawful, so it is refused, not recorded.
Working days exclude weekends and England and Wales bank holidays, counted from the day after the
hearing (probation.rules.calendar.working_days). Timeliness is judged against the adjourned hearing
date: the report is required by the adjourned-to date when the court set one earlier than the time the
type allows, and it is on time when it was completed on or before that date.
"""

import datetime as dt
from enum import StrEnum

from probation.rules.calendar.working_days import add_working_days, is_working_day
from probation.rules.errors import RuleError

SHORT_FORMAT_WORKING_DAYS = 5
STANDARD_WORKING_DAYS = 15
CUSTODY_ADJOURNMENT = dt.timedelta(weeks=3)
BAIL_ADJOURNMENT = dt.timedelta(weeks=4)


class ReportKind(StrEnum):
    """The report types by the values reports.ReportType stores."""

    ORAL = "oral"
    SHORT_FORMAT = "short_format"
    STANDARD = "standard"
    ADDENDUM = "addendum"


class Timeliness(StrEnum):
    ON_TIME = "on_time"  # completed on or before the date required
    LATE = "late"  # completed after it, or not completed and the date has passed
    DUE_TODAY = "due_today"  # not completed, required today
    DUE = "due"  # not completed, required later


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _working_day_on_or_before(day: dt.date) -> dt.date:
    # A court does not sit on a weekend or bank holiday, so the 3-week cap falls back to the last
    # working day before it.
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def latest_adjournment(*, hearing_date: dt.date, in_custody: bool) -> dt.date:
    """The last date a magistrates' court may adjourn to for reports (MCA 1980 s.10(3))."""
    return hearing_date + (CUSTODY_ADJOURNMENT if in_custody else BAIL_ADJOURNMENT)


def check_adjourned_to(
    *, hearing_date: dt.date, adjourned_to: dt.date, in_custody: bool, magistrates: bool
) -> None:
    """Refuse an adjourned-to date before the hearing or beyond the lawful adjournment."""
    if adjourned_to < hearing_date:
        raise RuleError(
            "The adjourned hearing date must be on or after the date of the hearing", field="adjourned_to"
        )
    if not magistrates:
        return
    latest = latest_adjournment(hearing_date=hearing_date, in_custody=in_custody)
    if adjourned_to > latest:
        weeks, remand = ("3 weeks", "remanded in custody") if in_custody else ("4 weeks", "on bail")
        raise RuleError(
            f"A magistrates’ court can adjourn for reports for at most {weeks} when the defendant is "
            f"{remand}: enter a date on or before {_long_date(latest)}",
            field="adjourned_to",
        )


def time_allowed(*, kind: ReportKind, hearing_date: dt.date, in_custody: bool) -> dt.date | None:
    """The latest date the report type allows (None for an addendum: the court sets it)."""
    if kind is ReportKind.ORAL:
        return hearing_date
    if kind is ReportKind.SHORT_FORMAT:
        return add_working_days(hearing_date, SHORT_FORMAT_WORKING_DAYS)
    if kind is ReportKind.STANDARD:
        allowed = add_working_days(hearing_date, STANDARD_WORKING_DAYS)
        if in_custody:
            allowed = min(allowed, _working_day_on_or_before(hearing_date + CUSTODY_ADJOURNMENT))
        return allowed
    return None


def required_by(
    *,
    kind: ReportKind | str,
    hearing_date: dt.date,
    adjourned_to: dt.date | None,
    in_custody: bool,
    magistrates: bool = True,
) -> dt.date:
    """The date the report is required: the time the type allows, or the adjourned hearing if sooner;
    for an addendum, the date the court set (the adjourned-to date). Refuses an unlawful adjournment."""
    kind = ReportKind(kind)
    if adjourned_to is not None:
        check_adjourned_to(
            hearing_date=hearing_date,
            adjourned_to=adjourned_to,
            in_custody=in_custody,
            magistrates=magistrates,
        )
    allowed = time_allowed(kind=kind, hearing_date=hearing_date, in_custody=in_custody)
    if allowed is None:
        if adjourned_to is None:
            raise RuleError("Enter the date the court set for the addendum report", field="adjourned_to")
        return adjourned_to
    if adjourned_to is None or kind is ReportKind.ORAL:
        return allowed
    return min(allowed, adjourned_to)


def timeliness(*, required: dt.date, completed_on: dt.date | None, today: dt.date) -> Timeliness:
    """Whether a report was (or is still able to be) delivered by the date required."""
    if completed_on is not None:
        return Timeliness.ON_TIME if completed_on <= required else Timeliness.LATE
    if today > required:
        return Timeliness.LATE
    return Timeliness.DUE_TODAY if today == required else Timeliness.DUE
