"""The licence the COM drafts before release (custody-release.md § Pre-release planning, "Licence (CVL)"
and "Conditions"; victims.md § Representations).

- The **standard conditions** in force on the licence's start are dated reference data: a version per
  policy, chosen by the release date (a licence keeps the conditions it was issued with).
- **Additional conditions** are chosen by category; each must be *necessary and proportionate*, so a
  licence with an additional condition lacking its justification cannot become active.
- The **hard stop**: 2 working days before the licence start (counted from the working day before when
  the start is not a working day), with a warning 2 working days earlier. After it the prison issues
  the standard conditions plus "no contact with any victims" (victims.md).
- Licence start on a non-working day moves to the working day before (custody-release.md § Release points).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.working_days import is_working_day
from probation.rules.errors import RuleError
from probation.rules.law.dated import NO_CHANGES, Commencement, LawSettings, RuleVersion, version_in_force_on

HARD_STOP_WORKING_DAYS = 2
WARNING_WORKING_DAYS = 2  # before the hard stop
NO_CONTACT_WITH_VICTIMS = "Not to approach or communicate with any victims of your offences."

ORA_2014_LICENCES = Commencement(
    key="ora_2014_licence_conditions",
    on=dt.date(2015, 2, 1),
    citation="Offender Rehabilitation Act 2014; Criminal Justice Act 2003 s.250 (the standard conditions)",
)
LICENCE_POLICY_V4 = Commencement(
    key="licence_conditions_policy_v4",
    on=dt.date(2024, 2, 1),
    citation="HMPPS Licence Conditions Policy Framework, standard conditions (policy v4)",
    verify="the date version 4 of the standard conditions took effect is not in the domain files",
)

_STANDARD_2015 = (
    "Be of good behaviour and not behave in a way which undermines the purpose of the licence period.",
    "Not commit any offence.",
    "Keep in touch with the supervising officer as instructed.",
    "Receive visits from the supervising officer.",
    "Reside permanently at an address approved by the supervising officer and obtain permission for any "
    "stay of one or more nights at a different address.",
    "Undertake only work approved by the supervising officer.",
    "Not travel outside the United Kingdom without permission.",
    "Tell the supervising officer of any change of name.",
    "Tell the supervising officer of any new or changed contact details.",
)
_STANDARD_V4 = (
    "Be of good behaviour, not behave in a way which undermines the purpose of the licence period, and "
    "not commit any offence.",
    "Reside permanently at an address approved by the supervising officer and obtain the prior permission "
    "of the supervising officer for any stay of one or more nights at a different address.",
    "Keep in touch with the supervising officer as instructed, and receive visits from the supervising "
    "officer.",
    "Tell the supervising officer if you use a name which is different to the name on this licence, and "
    "of any new or changed contact details.",
    "Not undertake any work, or a particular type of work, unless it is approved by the supervising officer.",
    "Not travel outside the United Kingdom, the Channel Islands or the Isle of Man without the prior "
    "permission of the supervising officer, and not apply for a passport without it.",
)

STANDARD_CONDITIONS: tuple[RuleVersion[tuple[str, ...]], ...] = (
    RuleVersion(ORA_2014_LICENCES, _STANDARD_2015, "Nine standard licence conditions."),
    RuleVersion(LICENCE_POLICY_V4, _STANDARD_V4, "Six standard licence conditions (policy v4)."),
)


def standard_conditions_on(
    release_date: dt.date, settings: LawSettings = NO_CHANGES
) -> RuleVersion[tuple[str, ...]]:
    """The standard conditions in force on the licence's start."""
    return version_in_force_on(
        STANDARD_CONDITIONS,
        release_date,
        what="standard licence conditions",
        settings=settings,
        field="released_on",
    )


class ConditionCategory(StrEnum):
    """The additional condition categories (custody-release.md § Conditions)."""

    RESIDENCE = "residence"
    RESTRICTION_OF_RESIDENCY = "restriction_of_residency"
    CONTACT_WITH_A_PERSON = "contact_with_a_person"
    PROGRAMMES = "programmes"
    ITEMS_AND_DOCUMENTS = "items_and_documents"
    DISCLOSURE = "disclosure"
    CURFEW = "curfew"
    FREEDOM_OF_MOVEMENT = "freedom_of_movement"
    REPORTING = "reporting"
    CONDUCT = "conduct"
    DRUGS_ALCOHOL = "drugs_alcohol"
    ELECTRONIC_MONITORING = "electronic_monitoring"
    EXTREMISM = "extremism"
    POLYGRAPH = "polygraph"
    ORGANISED_CRIME = "organised_crime"
    TERRORIST_SEARCH = "terrorist_search"


CATEGORY_LABELS: dict[ConditionCategory, str] = {
    ConditionCategory.RESIDENCE: "Residence",
    ConditionCategory.RESTRICTION_OF_RESIDENCY: "Restriction of residency",
    ConditionCategory.CONTACT_WITH_A_PERSON: "Contact with a person",
    ConditionCategory.PROGRAMMES: "Programmes",
    ConditionCategory.ITEMS_AND_DOCUMENTS: "Items and documents",
    ConditionCategory.DISCLOSURE: "Disclosure of information",
    ConditionCategory.CURFEW: "Curfew",
    ConditionCategory.FREEDOM_OF_MOVEMENT: "Freedom of movement (exclusion zone)",
    ConditionCategory.REPORTING: "Reporting",
    ConditionCategory.CONDUCT: "Conduct",
    ConditionCategory.DRUGS_ALCOHOL: "Drugs and alcohol",
    ConditionCategory.ELECTRONIC_MONITORING: "Electronic monitoring",
    ConditionCategory.EXTREMISM: "Extremism",
    ConditionCategory.POLYGRAPH: "Polygraph",
    ConditionCategory.ORGANISED_CRIME: "Organised crime",
    ConditionCategory.TERRORIST_SEARCH: "Terrorist search",
}
assert set(CATEGORY_LABELS) == set(ConditionCategory)

# The sentences app's coarser categories (LicenceCondition.category) the active licence records.
SENTENCE_CATEGORY: dict[ConditionCategory, str] = {
    ConditionCategory.FREEDOM_OF_MOVEMENT: "exclusion_zone",
    ConditionCategory.CONTACT_WITH_A_PERSON: "non_contact",
    ConditionCategory.CURFEW: "curfew",
    ConditionCategory.ELECTRONIC_MONITORING: "curfew",
    ConditionCategory.DRUGS_ALCOHOL: "drug_testing",
    ConditionCategory.RESIDENCE: "approved_premises_residence",
}


def sentence_category(category: str) -> str:
    return SENTENCE_CATEGORY.get(ConditionCategory(category), "other")


@dataclass(frozen=True)
class AdditionalCondition:
    category: str
    text: str
    justification: str


def unjustified(conditions: Iterable[AdditionalCondition]) -> list[int]:
    """The positions (from 1) of the additional conditions with no *necessary and proportionate*
    justification."""
    return [i for i, c in enumerate(conditions, start=1) if not c.justification.strip()]


def check_can_activate(conditions: Iterable[AdditionalCondition]) -> None:
    """A licence becomes active only when every additional condition is justified."""
    missing = unjustified(conditions)
    if missing:
        which = ", ".join(str(n) for n in missing)
        raise RuleError(
            f"Every additional condition needs its necessary and proportionate justification: add it to "
            f"condition{'s' if len(missing) > 1 else ''} {which}",
            field="conditions",
        )


def _working_day_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _working_days_before(day: dt.date, n: int) -> dt.date:
    while n:
        day -= dt.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def licence_start(release_date: dt.date) -> dt.date:
    """A licence starting on a non-working day starts on the working day before."""
    return _working_day_on_or_before(release_date)


@dataclass(frozen=True)
class HardStop:
    licence_start: dt.date
    hard_stop: dt.date
    warning_from: dt.date


def hard_stop_for(release_date: dt.date) -> HardStop:
    """The hard stop is 2 working days before the licence start (itself the working day on or before the
    release date); the warning starts 2 working days before the hard stop."""
    start = licence_start(release_date)
    hard_stop = _working_days_before(start, HARD_STOP_WORKING_DAYS)
    return HardStop(
        licence_start=start,
        hard_stop=hard_stop,
        warning_from=_working_days_before(hard_stop, WARNING_WORKING_DAYS),
    )


class HardStopState(StrEnum):
    BEFORE_WARNING = "before_warning"
    WARNING = "warning"  # the hard stop is near
    PASSED = "passed"  # on or after the hard stop: the prison issues the standard licence


def hard_stop_state(release_date: dt.date, today: dt.date) -> HardStopState:
    dates = hard_stop_for(release_date)
    if today >= dates.hard_stop:
        return HardStopState.PASSED
    if today >= dates.warning_from:
        return HardStopState.WARNING
    return HardStopState.BEFORE_WARNING
