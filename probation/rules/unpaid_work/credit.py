"""Crediting time worked at an unpaid-work session (unpaid-work.md § Sessions: sign-in, outcomes,
credit; § Adjustments).

- minutes credited = (end − start) − penalty, only for attended outcomes; end after start; penalty no
  more than the time present; never more than the minutes still required;
- travel time is a capped adjustment (≤ 180 minutes each), only after an attended appointment on a
  GROUP or INDIVIDUAL project (not ETE or induction), and never beyond the minutes still required.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.errors import RuleError

TRAVEL_CAP_MINUTES = 180


class SessionOutcome(StrEnum):
    """The outcomes a supervisor records on the sheet, and the office's acceptable absences."""

    ATTC = "ATTC"  # attended – complied
    AFTC = "AFTC"  # attended – failed to comply (late, unfit, left early, no PPE)
    ATSH = "ATSH"  # attended – sent home (behaviour)
    ATSS = "ATSS"  # attended – sent home (service issues)
    UAAB = "UAAB"  # unacceptable absence (the service calls it UACP since 2026)
    AASD = "AASD"  # acceptable absence – stood down


SUPERVISOR_OUTCOMES: dict[SessionOutcome, str] = {
    SessionOutcome.ATTC: "Attended – complied",
    SessionOutcome.AFTC: "Attended – failed to comply",
    SessionOutcome.ATSH: "Sent home – behaviour",
    SessionOutcome.ATSS: "Sent home – service issues",
    SessionOutcome.UAAB: "Unacceptable absence",
    SessionOutcome.AASD: "Stood down (acceptable absence)",
}
ATTENDED = frozenset({SessionOutcome.ATTC, SessionOutcome.AFTC, SessionOutcome.ATSH, SessionOutcome.ATSS})
ENFORCEABLE = frozenset({SessionOutcome.AFTC, SessionOutcome.ATSH, SessionOutcome.UAAB})
# The Community Payback service renamed UAAB to UACP in 2026: both mean the same outcome here.
ALIASES = {"UACP": SessionOutcome.UAAB}


class ProjectKind(StrEnum):
    GROUP = "group"
    INDIVIDUAL = "individual"
    INDUCTION = "induction"
    ETE = "ete"


class CreditError(RuleError):
    pass


def session_outcome(code: str) -> SessionOutcome:
    code = ALIASES.get(code.strip().upper(), code.strip().upper())
    try:
        return SessionOutcome(code)
    except ValueError:
        raise CreditError(
            f"‘{code}’ is not an outcome a session sheet can record.", field="outcome"
        ) from None


@dataclass(frozen=True)
class SessionCredit:
    worked: int  # (end − start) − penalty, in minutes
    credited: int  # what the requirement receives: worked, capped at what remains
    capped: bool  # less than worked was credited because the order is nearly done
    travel: int  # travel adjustment credited, in minutes


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def session_credit(
    *,
    outcome: SessionOutcome,
    signed_in: dt.time | None,
    signed_out: dt.time | None,
    penalty: int,
    travel: int,
    kind: ProjectKind,
    remaining: int,
) -> SessionCredit:
    """The minutes one row of a session sheet credits (attended outcomes only) and its travel time.

    Refuses: an attended outcome without both times; a sign-out not after the sign-in; a negative
    penalty or one longer than the time present; times or penalty on an absence; travel over 180
    minutes, on an absence, or on an ETE or induction project.
    """
    attended = outcome in ATTENDED
    if penalty < 0:
        raise CreditError("Penalty minutes cannot be negative.", field="penalty")
    if travel < 0:
        raise CreditError("Travel minutes cannot be negative.", field="travel")
    if not attended:
        if signed_in or signed_out or penalty or travel:
            raise CreditError(
                "An absence has no sign-in, sign-out, penalty or travel time: clear them.", field="signed_in"
            )
        return SessionCredit(0, 0, False, 0)
    if signed_in is None or signed_out is None:
        raise CreditError("Enter the sign-in and sign-out times of someone who attended.", field="signed_out")
    present = minutes_between(signed_in, signed_out)
    if present <= 0:
        raise CreditError(
            f"Sign-out ({signed_out:%H:%M}) must be after sign-in ({signed_in:%H:%M}).", field="signed_out"
        )
    if penalty > present:
        raise CreditError(
            f"Penalty minutes ({penalty}) cannot be more than the time present ({present}).", field="penalty"
        )
    if travel > TRAVEL_CAP_MINUTES:
        raise CreditError(f"Travel time is at most {TRAVEL_CAP_MINUTES} minutes.", field="travel")
    if travel and kind not in (ProjectKind.GROUP, ProjectKind.INDIVIDUAL):
        raise CreditError("Travel time applies only to group and individual placements.", field="travel")
    worked = present - penalty
    left = max(remaining, 0)
    credited = min(worked, left)
    travel_credited = min(travel, left - credited)
    return SessionCredit(worked, credited, credited < worked, travel_credited)
