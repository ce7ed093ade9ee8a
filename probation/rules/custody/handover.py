"""Who manages a prisoner's case: the handover from the prison offender manager (POM) to the community
offender manager (COM), and the responsibility state on a day.

Source: custody-release.md § Responsibility in custody (OMIC; ministryofjustice/offender-management-
allocation-manager). The rules are checked in order and the first that applies wins: early allocation;
indeterminate; earliest release within 10 months of sentence start; determinate with a PED; other
determinate. Months are calendar months (same day of the month). The domain names a *start* of COM
involvement only for indeterminate sentences in open conditions; elsewhere the COM's involvement starts
on the handover date (ADR 0037).
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.periods import add_months


class Responsibility(StrEnum):
    CUSTODY_ONLY = "custody_only"
    CUSTODY_WITH_COM = "custody_with_com"
    COMMUNITY = "community"


RESPONSIBILITY_LABELS = {
    Responsibility.CUSTODY_ONLY: "Prison (POM) responsible",
    Responsibility.CUSTODY_WITH_COM: "Prison (POM) responsible, COM supporting",
    Responsibility.COMMUNITY: "Community (COM) responsible",
}


class HandoverType(StrEnum):
    NONE = "none"
    STANDARD = "standard"
    ENHANCED = "enhanced"


HANDOVER_TASKS: dict[HandoverType, tuple[str, ...]] = {
    HandoverType.NONE: (),
    HandoverType.STANDARD: ("Contact the COM", "Send the handover report"),
    HandoverType.ENHANCED: ("Review the OASys assessment", "Contact the COM", "Attend the handover meeting"),
}
COM_REMINDER_DAYS = 14  # a reminder if no COM 14 days after the handover date


@dataclass(frozen=True)
class HandoverCase:
    sentence_start: dt.date
    earliest_release: dt.date | None  # PED, else CRD; indeterminate: the tariff expiry
    indeterminate: bool = False
    has_ped: bool = False
    early_allocation: bool = False
    recall: bool = False
    immigration: bool = False
    extra_indeterminate: bool = False
    open_conditions_from: dt.date | None = None
    enhanced_resourcing: bool | None = None  # None: not known (enhanced)
    next_parole_hearing: dt.date | None = None
    parole_refused: bool = False
    mappa_level: int | None = None


@dataclass(frozen=True)
class Handover:
    """The handover date (None: no handover), when the COM's involvement starts, the rule that gave
    them, and a responsibility fixed whatever the date (recall, immigration, release unknown)."""

    date: dt.date | None
    start: dt.date | None
    rule: str
    type: HandoverType
    fixed: Responsibility | None = None

    @property
    def tasks(self) -> tuple[str, ...]:
        return HANDOVER_TASKS[self.type]


def _months_before(day: dt.date, months: int, days: int = 0) -> dt.date:
    return add_months(day, -months) - dt.timedelta(days=days)


def _type(case: HandoverCase) -> HandoverType:
    return HandoverType.STANDARD if case.enhanced_resourcing is False else HandoverType.ENHANCED


def handover_for(case: HandoverCase) -> Handover:
    """The handover date and the rule that gave it (custody-release.md, the first rule that applies)."""
    if case.recall or case.immigration:
        why = "Recalled" if case.recall else "An immigration case"
        return Handover(
            None, None, f"{why}: the COM is responsible.", HandoverType.NONE, Responsibility.COMMUNITY
        )
    if case.earliest_release is None or case.extra_indeterminate:
        why = (
            "The release date is not known"
            if case.earliest_release is None
            else "An extra indeterminate sentence"
        )
        return Handover(
            None, None, f"{why}: the POM is responsible.", HandoverType.NONE, Responsibility.CUSTODY_ONLY
        )
    release = case.earliest_release
    if case.early_allocation:
        date = _months_before(release, 15)
        return Handover(date, date, "Early allocation: 15 months before the earliest release.", _type(case))
    if case.indeterminate:
        date = _months_before(release, 12)
        start = date
        rule = "Indeterminate sentence: 12 months before the earliest release."
        if case.open_conditions_from is not None and case.open_conditions_from < date:
            start = case.open_conditions_from
            rule += " The COM's involvement starts on the move to open conditions."
        return Handover(date, start, rule, _type(case))
    if add_months(case.sentence_start, 10) >= release:
        return Handover(
            None,
            None,
            "Earliest release within 10 months of the sentence start: the COM is responsible from the start.",
            HandoverType.NONE,
            Responsibility.COMMUNITY,
        )
    if case.has_ped:
        date = _months_before(release, 12)
        return Handover(
            date, date, "Determinate sentence with a parole eligibility date: PED − 12 months.", _type(case)
        )
    date = _months_before(release, 8, 14)
    return Handover(
        date, date, "Determinate sentence: 8 months and 14 days before the earliest release.", _type(case)
    )


def responsibility_on(case: HandoverCase, handover: Handover, today: dt.date) -> Responsibility:
    """Community from the handover date (or with no handover date), custody only before the COM's
    involvement starts, custody with the COM between. An indeterminate case whose next parole hearing is
    12 months or more away: recalled with MAPPA none/1 — POM with COM; parole refused and MAPPA 2/3 —
    COM; otherwise POM with COM."""
    if handover.fixed is not None:
        return handover.fixed
    if case.indeterminate and case.next_parole_hearing and case.next_parole_hearing >= add_months(today, 12):
        if case.parole_refused and case.mappa_level in (2, 3):
            return Responsibility.COMMUNITY
        return Responsibility.CUSTODY_WITH_COM
    if handover.date is None or today >= handover.date:
        return Responsibility.COMMUNITY
    if handover.start is None or today < handover.start:
        return Responsibility.CUSTODY_ONLY
    return Responsibility.CUSTODY_WITH_COM


def com_reminder_due(handover: Handover, *, com_allocated: bool, today: dt.date) -> bool:
    """No COM 14 days after the handover date."""
    return (
        not com_allocated
        and handover.date is not None
        and today >= handover.date + dt.timedelta(days=COM_REMINDER_DAYS)
    )
