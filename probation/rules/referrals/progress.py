"""A referral's progress: statuses, ending reason codes, session attendance and the RAR days sessions use.

Source: interventions.md § Commissioned Rehabilitative Services and § Requirements that carry
interventions; enforcement.md (enforceable contacts, RAR days).

- Ending: **cancelled** before the first substantive session (one after the action plan is approved),
  **prematurely ended** after it, **completed** with the end-of-service report. Withdrawal reasons are
  the nDelius codes INE … ANO.
- A session's feedback: attended yes / late / no. Yes or late records ATTC (AFTC when the provider
  flags the person's behaviour to the practitioner); no records AFTA (failed to attend, awaiting
  evidence) for the practitioner to decide.
- RAR days: the distinct dates of attended sessions, up to the referral's maximum enforceable days
  (the days given to the provider out of the RAR); a session beyond the maximum is recorded but uses
  no day, and unused days return to the RAR.
"""

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from probation.rules.errors import RuleError, RuleErrors


class Status(StrEnum):
    SENT = "sent"  # pre-ICA: awaiting the initial assessment
    ASSESSED = "assessed"  # post-ICA: awaiting the action plan
    PLAN_SUBMITTED = "plan_submitted"  # a version awaits the practitioner's approval
    IN_PROGRESS = "in_progress"  # an approved action plan: sessions
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ENDED_EARLY = "ended_early"


STATUS_LABELS = {
    Status.SENT: "Awaiting assessment",
    Status.ASSESSED: "Awaiting action plan",
    Status.PLAN_SUBMITTED: "Action plan to approve",
    Status.IN_PROGRESS: "In progress",
    Status.COMPLETED: "Completed",
    Status.CANCELLED: "Cancelled",
    Status.ENDED_EARLY: "Ended early",
}
OPEN = frozenset({Status.SENT, Status.ASSESSED, Status.PLAN_SUBMITTED, Status.IN_PROGRESS})

# What each step may follow (declared once; services call check_transition).
TRANSITIONS: dict[str, frozenset[Status]] = {
    "assess": frozenset({Status.SENT}),
    "submit_plan": frozenset({Status.ASSESSED, Status.PLAN_SUBMITTED, Status.IN_PROGRESS}),
    "approve_plan": frozenset({Status.PLAN_SUBMITTED}),
    "record_session": frozenset({Status.IN_PROGRESS}),
    "report": frozenset({Status.IN_PROGRESS}),
    "end": OPEN,
}
_REFUSALS = {
    "assess": "The initial assessment has already been recorded",
    "submit_plan": "Submit an action plan after the initial assessment, while the referral is open",
    "approve_plan": "There is no action plan waiting for approval",
    "record_session": "Record sessions once an action plan is approved, while the referral is open",
    "report": "The end-of-service report can be written only while the referral is in progress",
    "end": "This referral has already ended",
}


def check_transition(step: str, status: str) -> None:
    if Status(status) not in TRANSITIONS[step]:
        raise RuleError(_REFUSALS[step], field="status")


class EndReason(StrEnum):
    INE = "INE"
    MIS = "MIS"
    NOT = "NOT"
    NEE = "NEE"
    MOV = "MOV"
    WOR = "WOR"
    USE = "USE"
    ACQ = "ACQ"
    RET = "RET"
    SER = "SER"
    SEE = "SEE"
    EAR = "EAR"
    ANO = "ANO"


END_REASON_LABELS = {
    EndReason.INE: "Ineligible",
    EndReason.MIS: "Referred by mistake",
    EndReason.NOT: "Not engaged",
    EndReason.NEE: "Needs met",
    EndReason.MOV: "Moved out of the area",
    EndReason.WOR: "Work or caring commitments",
    EndReason.USE: "Died",
    EndReason.ACQ: "Acquitted on appeal",
    EndReason.RET: "Returned to custody",
    EndReason.SER: "Sentence revoked",
    EndReason.SEE: "Sentence expired",
    EndReason.EAR: "Completed early",
    EndReason.ANO: "Other",
}


def ending(status: str, *, reason: str, substantive_session_held: bool) -> Status:
    """How an open referral ends when the practitioner ends it: cancelled before the first substantive
    session, ended early after it. ``ANO`` (other) needs the practitioner's words (checked by the
    caller); an unknown reason is refused."""
    check_transition("end", status)
    if reason not in {r.value for r in EndReason}:
        raise RuleError("Choose why the referral is ending", field="reason")
    return Status.ENDED_EARLY if substantive_session_held else Status.CANCELLED


class Attended(StrEnum):
    YES = "yes"
    LATE = "late"
    NO = "no"


ATTENDED_LABELS = {Attended.YES: "Yes", Attended.LATE: "Yes, they were late", Attended.NO: "No"}


class AbsenceReason(StrEnum):
    ACCEPTABLE = "acceptable"
    UNACCEPTABLE = "unacceptable"
    LOGISTICS = "logistics"


ABSENCE_LABELS = {
    AbsenceReason.ACCEPTABLE: "The person had an acceptable reason",
    AbsenceReason.UNACCEPTABLE: "The person had no acceptable reason",
    AbsenceReason.LOGISTICS: "Logistics (the provider or the venue)",
}


def contact_outcome(attended: str, *, behaviour_notified: bool, absence: str = "") -> str:
    """The contact-log outcome code of a session (interventions.md § Provider timeline 4): yes or late
    is ATTC, or AFTC (attended, failed to comply) when the behaviour is notified to the practitioner;
    no is AFTA (failed to attend, awaiting evidence), and needs a reason."""
    if attended in (Attended.YES, Attended.LATE):
        return "AFTC" if behaviour_notified else "ATTC"
    if attended == Attended.NO:
        if absence not in {r.value for r in AbsenceReason}:
            raise RuleError("Choose why the session did not go ahead", field="absence")
        return "AFTA"
    raise RuleError("Choose whether the person attended", field="attended")


def enforceable_days_used(attended_dates: Iterable[dt.date], *, maximum: int) -> int:
    """Days of the referral's maximum used: distinct dates with an attended session, capped."""
    return min(len(set(attended_dates)), maximum)


def session_uses_day(attended_dates: Iterable[dt.date], new: dt.date, *, maximum: int) -> bool:
    """Whether an attended session on ``new`` uses a new RAR day: not if the date is already used, nor
    once the referral's maximum is reached (it is still recorded, and still enforceable)."""
    used = set(attended_dates)
    return new not in used and len(used) < maximum


class Achievement(StrEnum):
    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT = "not"


ACHIEVEMENT_LABELS = {
    Achievement.ACHIEVED: "Achieved",
    Achievement.PARTLY: "Partially achieved",
    Achievement.NOT: "Not achieved",
}


def check_report(outcome_keys: Iterable[str], answers: dict[str, str]) -> None:
    """The end-of-service report says for each desired outcome whether it was achieved."""
    errors = [
        RuleError("Say whether this outcome was achieved", field=f"outcome-{key}")
        for key in outcome_keys
        if answers.get(key) not in {a.value for a in Achievement}
    ]
    if errors:
        raise RuleErrors(errors)
