"""Delivery rules of accredited programmes (interventions.md § Delivery rules): referral statuses and
their transitions, group size and facilitators, the register's outcomes, completion."""

import datetime as dt
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from probation.rules.calendar.working_days import is_bank_holiday
from probation.rules.contacts.outcomes import OutcomeCode, outcome
from probation.rules.errors import RuleError, RuleErrors

MAX_PARTICIPANTS = 12
USUAL_FACILITATORS = 2


class Status(StrEnum):
    AWAITING_ASSESSMENT = "awaiting_assessment"
    AWAITING_ALLOCATION = "awaiting_allocation"  # suitable: on the waiting list
    NOT_SUITABLE = "not_suitable"
    SCHEDULED = "scheduled"  # in a group
    ON_PROGRAMME = "on_programme"
    COMPLETE = "complete"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = MappingProxyType(
    {
        Status.AWAITING_ASSESSMENT: "Awaiting assessment",
        Status.AWAITING_ALLOCATION: "Suitable: awaiting allocation",
        Status.NOT_SUITABLE: "Not suitable",
        Status.SCHEDULED: "Scheduled",
        Status.ON_PROGRAMME: "On programme",
        Status.COMPLETE: "Programme complete",
        Status.WITHDRAWN: "Withdrawn",
    }
)
_S = Status
TRANSITIONS: Mapping[Status, frozenset[Status]] = MappingProxyType(
    {
        _S.AWAITING_ASSESSMENT: frozenset({_S.AWAITING_ALLOCATION, _S.NOT_SUITABLE, _S.WITHDRAWN}),
        _S.AWAITING_ALLOCATION: frozenset({_S.SCHEDULED, _S.WITHDRAWN}),
        _S.SCHEDULED: frozenset({_S.ON_PROGRAMME, _S.WITHDRAWN}),
        _S.ON_PROGRAMME: frozenset({_S.COMPLETE, _S.WITHDRAWN}),
        _S.NOT_SUITABLE: frozenset(),
        _S.COMPLETE: frozenset(),
        _S.WITHDRAWN: frozenset(),
    }
)


def check_transition(current: Status | str, new: Status) -> Status:
    current = Status(current)
    if new not in TRANSITIONS[current]:
        raise RuleError(
            f"A referral that is '{STATUS_LABELS[current].lower()}' cannot become "
            f"'{STATUS_LABELS[new].lower()}'",
            field="status",
        )
    return new


# The outcomes a facilitator records on a register (interventions.md: session outcomes to nDelius).
REGISTER_OUTCOMES = MappingProxyType(
    {
        OutcomeCode.ATTC: "ATTC – Attended, complied",
        OutcomeCode.AFTC: "AFTC – Attended, did not engage (failed to comply)",
        OutcomeCode.UAAB: "UAAB – Unacceptable absence",
    }
)


def register_outcome(code: str) -> OutcomeCode:
    try:
        found = OutcomeCode(code)
    except ValueError:
        found = None
    if found not in REGISTER_OUTCOMES:
        raise RuleError("Select ATTC, AFTC or UAAB", field="outcome")
    return found  # type: ignore[return-value]


def check_register_date(session_date: dt.date, today: dt.date) -> None:
    """Attendance is recorded on or after the day: a future session refuses outcomes."""
    if session_date > today:
        raise RuleError(
            f"This session is on {session_date:%-d %B %Y}: record attendance on or after the day",
            field="date",
        )


def check_suitability(*, suitable: bool, reasons: str) -> None:
    """Suitability also needs consent, motivation, responsivity and enough time left; "not suitable"
    must say why."""
    if not suitable and not reasons.strip():
        raise RuleError("Give the reasons the person is not suitable", field="reasons")


def check_facilitators(count: int) -> str:
    """At least one facilitator; "normally two" is a warning, not a refusal."""
    if count < 1:
        raise RuleError("Choose at least one trained facilitator", field="facilitators")
    if count < USUAL_FACILITATORS:
        return "Sessions are normally run by two facilitators"
    return ""


def check_places(taken: int, adding: int = 1) -> None:
    if taken + adding > MAX_PARTICIPANTS:
        raise RuleError(
            f"The group is full: at most {MAX_PARTICIPANTS} participants ({taken} already)", field="referral"
        )


def sessions_attended(outcomes: Iterable[str]) -> int:
    """Sessions attended, catch-ups included: every outcome where the person attended."""
    return sum(1 for code in outcomes if code and outcome(code).attended is True)


def check_completion(*, attended: int, required: int, review_on: dt.date | None, today: dt.date) -> None:
    """Completion = all required sessions attended (catch-ups count) + the post-programme review."""
    errors = []
    if attended < required:
        errors.append(
            RuleError(
                f"{attended} of {required} sessions attended: book catch-up sessions for the rest",
                field="review_on",
            )
        )
    if review_on is None:
        errors.append(RuleError("Enter the date of the post-programme review", field="review_on"))
    elif review_on > today:
        errors.append(RuleError("The post-programme review date cannot be in the future", field="review_on"))
    if errors:
        raise RuleErrors(errors)


def weekly_schedule(starts_on: dt.date, count: int) -> list[dt.date]:
    """``count`` weekly session dates from ``starts_on``, a bank holiday skipped to the next week."""
    if not 1 <= count <= 100:
        raise RuleError("A group has between 1 and 100 sessions", field="sessions")
    dates: list[dt.date] = []
    day = starts_on
    while len(dates) < count:
        if not is_bank_holiday(day):
            dates.append(day)
        day += dt.timedelta(days=7)
    return dates
