"""The parole review timetable and the dates that follow a decision (custody-release.md § Parole Board
report (PAROM1); victims.md § Representations).

Generic Parole Process (*verify: the Generic Parole Process policy framework*): the review starts about
26 weeks before the target date (the PED, the tariff expiry, or the anniversary of the last review);
the COM's and the POM's reports (PAROM1) are due in week 8 of the review. The Board usually decides
within 14 days of the hearing, and the prisoner or the Secretary of State may apply for
reconsideration within 21 days of the decision (Parole Board Rules 2019 r.28, calendar days).
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.working_days import add_working_days
from probation.rules.errors import RuleError

REVIEW_STARTS_WEEKS_BEFORE_TARGET = 26  # verify: Generic Parole Process framework
REPORT_DUE_REVIEW_WEEK = 8  # verify: the COM's PAROM1 is due in week 8 of the review
DECISION_EXPECTED_DAYS = 14
RECONSIDERATION_DAYS = 21
DUE_SOON_DAYS = 14  # My work lists a report due within two weeks, or overdue


@dataclass(frozen=True)
class ReviewTimetable:
    target_on: dt.date
    review_starts_on: dt.date
    report_due_on: dt.date

    @property
    def steps(self) -> tuple[str, ...]:
        return (
            f"Target date {_day(self.target_on)}.",
            f"Review starts {REVIEW_STARTS_WEEKS_BEFORE_TARGET} weeks before: {_day(self.review_starts_on)}.",
            f"PAROM1 due in week {REPORT_DUE_REVIEW_WEEK} of the review: {_day(self.report_due_on)}.",
        )


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def review_timetable(*, target_on: dt.date, requested_on: dt.date) -> ReviewTimetable:
    """The review's dates from its target date. The report is due at week 8 of the review; a review
    requested late (after its nominal start) still gives the author the 8 weeks from the request,
    but never later than the target date itself."""
    if target_on <= requested_on:
        raise RuleError("The target date must be after the date of the request.", field="target_on")
    starts = target_on - dt.timedelta(weeks=REVIEW_STARTS_WEEKS_BEFORE_TARGET)
    due = max(starts, requested_on) + dt.timedelta(weeks=REPORT_DUE_REVIEW_WEEK)
    return ReviewTimetable(target_on=target_on, review_starts_on=starts, report_due_on=min(due, target_on))


def decision_expected_by(hearing_on: dt.date) -> dt.date:
    return hearing_on + dt.timedelta(days=DECISION_EXPECTED_DAYS)


def reconsideration_ends(decided_on: dt.date) -> dt.date:
    """The last day an application for reconsideration may be made: 21 calendar days from the
    decision (the decision day does not count)."""
    return decided_on + dt.timedelta(days=RECONSIDERATION_DAYS)


def reconsideration_open(decided_on: dt.date, today: dt.date) -> bool:
    return decided_on <= today <= reconsideration_ends(decided_on)


def report_due_soon(due_on: dt.date, today: dt.date) -> bool:
    return due_on <= today + dt.timedelta(days=DUE_SOON_DAYS)


class GovernorReportKind(StrEnum):
    """Reports to a prison governor (custody-release.md § ROTL, § HDC, open conditions)."""

    ROTL = "rotl"
    OPEN_CONDITIONS = "open_conditions"
    HDC = "hdc"


GOVERNOR_REPORT_LABELS = {
    GovernorReportKind.ROTL: "Release on temporary licence (ROTL)",
    GovernorReportKind.OPEN_CONDITIONS: "Move to open conditions",
    GovernorReportKind.HDC: "Home detention curfew (HDC)",
}
# Working days from the prison's request to the COM's answer. No national deadline is recorded in the
# domain reference; these are local defaults (verify locally): HDC address checks have the tightest
# turnaround because HDC is time-limited before the HDCED.
GOVERNOR_REPORT_WORKING_DAYS = {
    GovernorReportKind.ROTL: 10,
    GovernorReportKind.OPEN_CONDITIONS: 15,
    GovernorReportKind.HDC: 10,
}


def governor_report_due(kind: GovernorReportKind, requested_on: dt.date) -> dt.date:
    return add_working_days(requested_on, GOVERNOR_REPORT_WORKING_DAYS[kind])


def governor_report_refusal(
    kind: GovernorReportKind, *, hdced: dt.date | None, released: bool
) -> RuleError | None:
    """Why this report cannot be requested, or None. HDC only where the custody key dates (the dated
    HDC rules: 3 June 2025 extension, adult repeal from an HDCED of 2 September 2026) give an HDCED."""
    if released:
        return RuleError("The person has been released: no report to the governor is needed.", field="kind")
    if kind is GovernorReportKind.HDC and hdced is None:
        return RuleError(
            "Home detention curfew is not available for this sentence: the key dates give no HDC "
            "eligibility date (excluded, or adult HDC ended for this date).",
            field="kind",
        )
    return None
