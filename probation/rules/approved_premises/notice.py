"""The notice type of an application and the reasons an emergency or short-notice one needs
(approved-premises.md § Application, 2. Timeliness): days between submission and expected arrival,
at most 7 emergency, 8 to 28 short notice, otherwise standard."""

import datetime as dt
from enum import StrEnum

EMERGENCY_MAX_DAYS = 7
SHORT_NOTICE_MAX_DAYS = 28


class NoticeType(StrEnum):
    STANDARD = "standard"
    SHORT_NOTICE = "short_notice"
    EMERGENCY = "emergency"


# The reasons an emergency or short-notice application gives (approved-premises.md, verbatim order).
NOTICE_REASONS: tuple[tuple[str, str], ...] = (
    ("risk_escalated", "Risk escalated"),
    ("plan_broke_down", "Release or risk management plan broke down"),
    ("further_offence", "Further offence"),
    ("alternative_to_recall", "Alternative to recall"),
    ("parole_decision", "Parole Board or PPCS decision"),
    ("sentence_under_12_months", "Sentence under 12 months"),
    ("on_bail", "On bail"),
    ("other", "Other"),
)


def notice_type(*, submitted_on: dt.date, arrival_on: dt.date) -> NoticeType:
    """Emergency when arrival is at most 7 days after submission (or before it), short notice at 8 to
    28 days, standard after that."""
    days = (arrival_on - submitted_on).days
    if days <= EMERGENCY_MAX_DAYS:
        return NoticeType.EMERGENCY
    if days <= SHORT_NOTICE_MAX_DAYS:
        return NoticeType.SHORT_NOTICE
    return NoticeType.STANDARD


def needs_reason(notice: NoticeType) -> bool:
    return notice != NoticeType.STANDARD
