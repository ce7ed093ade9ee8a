"""Failures to comply, the compliance summary, outstanding appointments and evidence deadlines.

Source: enforcement.md, "Outcomes" (outstanding appointments, evidence for a failed-to-attend) and
"Failures to comply (FTC) and the warning/breach rule".
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.contacts.outcomes import (
    ContactRecord,
    ContactTypeCode,
    OutcomeCode,
    contact_type,
    counts_as_failure_to_comply,
    outcome,
)
from probation.rules.errors import SentenceRuleError

# "for a failed-to-attend, the person has 7 days to give evidence of an acceptable reason". Calendar
# days: the same paragraph says "working days" where it means them (the 10 working days below).
EVIDENCE_DAYS = 7


def ftc_reset_date(sentence_date: dt.date, last_breach_end: dt.date | None) -> dt.date:
    """The later of the sentence date and the end of the last breach.

    Source: enforcement.md, "Failures to comply": the *reset date*; a concluded breach sets the breach end
    date, which resets the FTC window ("Breach").
    """
    if last_breach_end is None:
        return sentence_date
    return max(sentence_date, last_breach_end)


def failure_dates(contacts: Iterable[ContactRecord], *, reset_date: dt.date) -> tuple[dt.date, ...]:
    """The distinct dates, oldest first, of enforceable contacts with an unacceptable outcome on or after
    ``reset_date``. Contacts without an outcome yet are not failures.

    Source: enforcement.md, "Failures to comply".
    """
    return tuple(
        sorted(
            {
                contact.contact_date
                for contact in contacts
                if contact.outcome is not None
                and contact.contact_date >= reset_date
                and counts_as_failure_to_comply(
                    contact.contact_type,
                    contact.outcome,
                    carries_out_requirement=contact.carries_out_requirement,
                )
            }
        )
    )


def count_failures_to_comply(
    contacts: Iterable[ContactRecord], *, sentence_date: dt.date, last_breach_end: dt.date | None = None
) -> int:
    """FTC count for a sentence: the number of distinct dates of NS contacts on that sentence with an
    unacceptable outcome, counting only contacts on or after the reset date. Two failures on one day
    count once.

    Source: enforcement.md, "Failures to comply". ``contacts`` are the contacts on that sentence only.
    """
    return len(failure_dates(contacts, reset_date=ftc_reset_date(sentence_date, last_breach_end)))


class ComplianceStatus(StrEnum):
    NO_FAILURES = "no_failures"
    ONE_FAILURE = "one_failure"
    FAILURES_NO_BREACH = "failures_no_breach"
    BREACH_IN_PROGRESS = "breach_in_progress"


@dataclass(frozen=True)
class ComplianceSummary:
    status: ComplianceStatus
    text: str
    red: bool
    failure_count: int
    warning_dates: tuple[dt.date, ...]


def compliance_summary(
    failure_count: int, *, breach_in_progress: bool, warning_dates: Iterable[dt.date] = ()
) -> ComplianceSummary:
    """The compliance summary staff see per sentence, with the warnings given (oldest first).

    Source: enforcement.md, "Failures to comply": "No failures to comply within 12 months" / "1 failure to
    comply within 12 months" / "N failures … no breach in progress yet" (red) / "Breach in progress".
    ``failure_count`` is :func:`count_failures_to_comply` for the sentence; a breach in progress wins.
    """
    if failure_count < 0:
        raise SentenceRuleError(
            f"The failure to comply count cannot be negative ({failure_count}).", field="failure_count"
        )
    warnings = tuple(sorted(warning_dates))
    if breach_in_progress:
        status, text = ComplianceStatus.BREACH_IN_PROGRESS, "Breach in progress"
    elif failure_count == 0:
        status, text = ComplianceStatus.NO_FAILURES, "No failures to comply within 12 months"
    elif failure_count == 1:
        status, text = ComplianceStatus.ONE_FAILURE, "1 failure to comply within 12 months"
    else:
        status = ComplianceStatus.FAILURES_NO_BREACH
        text = f"{failure_count} failures to comply within 12 months. No breach in progress yet."
    return ComplianceSummary(
        status=status,
        text=text,
        red=status is ComplianceStatus.FAILURES_NO_BREACH,
        failure_count=failure_count,
        warning_dates=warnings,
    )


def is_outstanding(
    type_code: ContactTypeCode,
    appointment_at: dt.datetime,
    outcome_code: OutcomeCode | None,
    *,
    now: dt.datetime,
) -> bool:
    """True if an attendance appointment's time has passed without an outcome: it belongs on the
    officer's "needs an outcome" list.

    Source: enforcement.md, "Outcomes". Non-attendance contacts never need an outcome.
    """
    return contact_type(type_code).attendance and outcome_code is None and appointment_at < now


def evidence_deadline(failure_date: dt.date) -> dt.date:
    """The last day for the person to give evidence of an acceptable reason for a failure to attend.

    Source: enforcement.md, "Failures to comply": "the person has 7 days to give evidence" (calendar days,
    counted from the day after the failure).
    """
    return failure_date + dt.timedelta(days=EVIDENCE_DAYS)


def needs_evidence_decision(outcome_code: OutcomeCode, failure_date: dt.date, *, today: dt.date) -> bool:
    """True once a failed-to-attend (AFTA) is past its evidence deadline: it must now be decided
    acceptable or unacceptable.

    Source: enforcement.md, "Outcomes".
    """
    return outcome(outcome_code).awaits_evidence and today > evidence_deadline(failure_date)
