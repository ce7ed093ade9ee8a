"""Community order requirements: their measures and limits, progress, and credits.

Source: enforcement.md, "Community order requirements (Sentencing Act 2020)": unpaid work 40–300 hours
to be completed within 12 months; RAR a maximum number of days; accredited programme a number of
sessions; curfew hours with electronic monitoring (2 to 20 hours a day) and attendance centre hours
(12 to 36), from court-reports.md § Requirements (Sentencing Act 2020 Sch. 9); the restrictive
requirements used for tiering; and progress shown as hours credited/ordered, RAR days used/maximum
and sessions attended.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.calendar.periods import period_end
from probation.rules.contacts.outcomes import (
    ContactRecord,
    ContactTypeCode,
    OutcomeCode,
    contact_type,
    outcome,
)
from probation.rules.errors import SentenceRuleError


class RequirementType(StrEnum):
    UNPAID_WORK = "unpaid_work"
    REHABILITATION_ACTIVITY = "rehabilitation_activity"
    ACCREDITED_PROGRAMME = "accredited_programme"
    PROHIBITED_ACTIVITY = "prohibited_activity"
    CURFEW = "curfew"
    EXCLUSION = "exclusion"
    RESIDENCE = "residence"
    FOREIGN_TRAVEL_PROHIBITION = "foreign_travel_prohibition"
    MENTAL_HEALTH_TREATMENT = "mental_health_treatment"
    DRUG_REHABILITATION = "drug_rehabilitation"
    ALCOHOL_TREATMENT = "alcohol_treatment"
    ALCOHOL_ABSTINENCE_MONITORING = "alcohol_abstinence_monitoring"
    ATTENDANCE_CENTRE = "attendance_centre"
    ELECTRONIC_MONITORING = "electronic_monitoring"


class Measure(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    SESSIONS = "sessions"
    HOURS_A_DAY = "hours a day"


@dataclass(frozen=True)
class RequirementRule:
    type: RequirementType
    label: str
    measure: Measure | None = None  # None: the requirement has no amount
    minimum: int | None = None
    maximum: int | None = None  # None: no upper limit in enforcement.md
    completion_months: int | None = None  # must be completed within this many months of the order
    tracks_progress: bool = False  # progress shown as done / ordered
    restrictive: bool = False  # counts as restrictive for tiering
    young_adults_only: bool = False
    details: tuple[str, ...] = ()  # other things recorded on the requirement


_T = RequirementType
CURFEW_MIN_HOURS_A_DAY, CURFEW_MAX_HOURS_A_DAY = 2, 20
ATTENDANCE_CENTRE_MIN_HOURS, ATTENDANCE_CENTRE_MAX_HOURS = 12, 36

REQUIREMENT_RULES: Mapping[RequirementType, RequirementRule] = MappingProxyType(
    {
        rule.type: rule
        for rule in (
            RequirementRule(
                _T.UNPAID_WORK,
                "Unpaid work",
                Measure.HOURS,
                40,
                300,
                completion_months=12,
                tracks_progress=True,
            ),
            RequirementRule(
                _T.REHABILITATION_ACTIVITY,
                "Rehabilitation activity (RAR)",
                Measure.DAYS,
                1,
                tracks_progress=True,
            ),
            RequirementRule(
                _T.ACCREDITED_PROGRAMME, "Accredited programme", Measure.SESSIONS, 1, tracks_progress=True
            ),
            RequirementRule(_T.PROHIBITED_ACTIVITY, "Prohibited activity", restrictive=True),
            # Sentencing Act 2020 Sch. 9 para 9 (court-reports.md § Requirements): curfew periods of
            # 2 to 20 hours in any one day. The weekly (112 h) and 2-year limits are marked *verify*
            # there and depend on the periods' timetable, which is recorded as words in the details.
            RequirementRule(
                _T.CURFEW,
                "Curfew",
                Measure.HOURS_A_DAY,
                CURFEW_MIN_HOURS_A_DAY,
                CURFEW_MAX_HOURS_A_DAY,
                restrictive=True,
                details=("electronic monitoring",),
            ),
            RequirementRule(_T.EXCLUSION, "Exclusion", restrictive=True, details=("place", "period")),
            RequirementRule(_T.RESIDENCE, "Residence"),
            RequirementRule(_T.FOREIGN_TRAVEL_PROHIBITION, "Foreign travel prohibition", restrictive=True),
            RequirementRule(_T.MENTAL_HEALTH_TREATMENT, "Mental health treatment"),
            RequirementRule(_T.DRUG_REHABILITATION, "Drug rehabilitation (DRR)", details=("testing",)),
            RequirementRule(_T.ALCOHOL_TREATMENT, "Alcohol treatment"),
            RequirementRule(
                _T.ALCOHOL_ABSTINENCE_MONITORING, "Alcohol abstinence and monitoring", restrictive=True
            ),
            # Sch. 9 para 19 (court-reports.md § Requirements): 12 to 36 hours in all, for a person
            # under 25 when convicted (the age is checked where the requirement is made or proposed).
            RequirementRule(
                _T.ATTENDANCE_CENTRE,
                "Attendance centre",
                Measure.HOURS,
                ATTENDANCE_CENTRE_MIN_HOURS,
                ATTENDANCE_CENTRE_MAX_HOURS,
                young_adults_only=True,
            ),
            RequirementRule(
                _T.ELECTRONIC_MONITORING, "Electronic compliance/whereabouts monitoring", restrictive=True
            ),
        )
    }
)

RESTRICTIVE_REQUIREMENTS: frozenset[RequirementType] = frozenset(
    rule.type for rule in REQUIREMENT_RULES.values() if rule.restrictive
)

# Which contacts can record progress on which requirement (see outcomes.CONTACT_TYPES for the flags).
_PROGRESS_CONTACTS: Mapping[RequirementType, frozenset[ContactTypeCode]] = MappingProxyType(
    {
        _T.UNPAID_WORK: frozenset(c for c in ContactTypeCode if contact_type(c).counts_towards_unpaid_work),
        _T.REHABILITATION_ACTIVITY: frozenset(
            c for c in ContactTypeCode if contact_type(c).counts_towards_rar
        ),
        _T.ACCREDITED_PROGRAMME: frozenset({ContactTypeCode.PROGRAMME_SESSION}),
    }
)


def _amount(rule: RequirementRule, amount: int) -> str:
    unit = rule.measure.value if rule.measure else ""
    if amount == 1 and rule.measure is not Measure.HOURS_A_DAY:
        unit = unit.removesuffix("s")
    return f"{amount} {unit}"


def check_ordered_amount(requirement: RequirementType, amount: int | None) -> None:
    """Refuse an ordered amount outside the requirement's limits, a missing amount where the requirement
    has a measure, or an amount where it has none. Unpaid work: 40 to 300 hours, both included.
    """
    rule = REQUIREMENT_RULES[requirement]
    if rule.measure is None:
        if amount is not None:
            raise SentenceRuleError(f"{rule.label} requirements have no amount to order.", field="amount")
        return
    if amount is None:
        raise SentenceRuleError(
            f"Enter the {rule.measure.value} ordered for {rule.label.lower()}.", field="amount"
        )
    low, high = rule.minimum or 0, rule.maximum
    if high is not None and not low <= amount <= high:
        raise SentenceRuleError(
            f"{rule.label} must be between {low} and {high} {rule.measure.value}; {amount} was given.",
            field="amount",
        )
    if amount < low:
        raise SentenceRuleError(
            f"{rule.label} must be at least {_amount(rule, low)}; {amount} was given.", field="amount"
        )


def unpaid_work_deadline(order_date: dt.date) -> dt.date:
    """The last day to complete unpaid work: the end of the 12 months beginning with the order date."""
    return period_end(order_date, REQUIREMENT_RULES[_T.UNPAID_WORK].completion_months or 12)


def is_unpaid_work_overdue(order_date: dt.date, *, ordered: int, credited: int, today: dt.date) -> bool:
    """True if hours remain after the 12-month deadline has passed."""
    return credited < ordered and today > unpaid_work_deadline(order_date)


@dataclass(frozen=True)
class Progress:
    done: int
    ordered: int
    remaining: int
    text: str


_PROGRESS_WORDS: Mapping[RequirementType, str] = MappingProxyType(
    {_T.UNPAID_WORK: "credited", _T.REHABILITATION_ACTIVITY: "used", _T.ACCREDITED_PROGRAMME: "attended"}
)


def _progress_rule(requirement: RequirementType) -> RequirementRule:
    rule = REQUIREMENT_RULES[requirement]
    if not rule.tracks_progress:
        raise SentenceRuleError(f"{rule.label} requirements do not record progress.", field="requirement")
    return rule


def progress(requirement: RequirementType, *, ordered: int, done: int) -> Progress:
    """Progress on a requirement, e.g. "12 of 40 hours credited", "3 of 20 days used"."""
    rule = _progress_rule(requirement)
    if not 0 <= done <= ordered:
        raise SentenceRuleError(
            f"{rule.label} progress must be between 0 and {ordered} {rule.measure}; {done} was given.",
            field="done",
        )
    text = f"{done} of {_amount(rule, ordered)} {_PROGRESS_WORDS[requirement]}"
    return Progress(done=done, ordered=ordered, remaining=ordered - done, text=text)


def check_credit(requirement: RequirementType, *, ordered: int, credited: int, credit: int) -> int:
    """Refuse a credit that is not positive or would take progress beyond the order; return the new total.

    Source: enforcement.md, "Community order requirements" (hours credited/ordered, RAR days used/maximum,
    sessions attended): nothing can be credited beyond what the court ordered.
    """
    rule = _progress_rule(requirement)
    if credit < 1:
        raise SentenceRuleError(
            f"Credit at least 1 {str(rule.measure).removesuffix('s')}; {credit} was given.", field="credit"
        )
    remaining = ordered - credited
    if credit > remaining:
        raise SentenceRuleError(
            f"Only {_amount(rule, remaining)} remain on this {rule.label.lower()} requirement "
            f"({ordered} ordered, {credited} {_PROGRESS_WORDS[requirement]}); {credit} cannot be credited.",
            field="credit",
        )
    return credited + credit


def check_progress_contact(
    requirement: RequirementType, type_code: ContactTypeCode, outcome_code: OutcomeCode
) -> None:
    """Refuse progress from a contact type that cannot count towards the requirement or from an outcome
    where the person did not attend.

    Source: enforcement.md, "Contacts and appointments": a contact type says whether it can count towards
    RAR days or unpaid-work hours; only time the person attended can be counted.
    """
    rule = _progress_rule(requirement)
    kind, result = contact_type(type_code), outcome(outcome_code)
    if type_code not in _PROGRESS_CONTACTS[requirement]:
        raise SentenceRuleError(
            f"{kind.with_article.capitalize()} does not count towards {rule.label.lower()}.",
            field="contact_type",
        )
    if result.attended is not True:
        raise SentenceRuleError(
            f"Only attended contacts count towards {rule.label.lower()}; "
            f"'{result.code} – {result.description}' is not an attendance.",
            field="outcome",
        )


def rar_days_used(contacts: Iterable[ContactRecord]) -> int:
    """RAR days used: distinct dates of attended contacts of a type that can count towards RAR.

    ``contacts`` are those linked to the RAR requirement; two RAR activities on one day use one day.
    """
    rar_types = _PROGRESS_CONTACTS[_T.REHABILITATION_ACTIVITY]
    return len(
        {
            c.contact_date
            for c in contacts
            if c.contact_type in rar_types and c.outcome is not None and outcome(c.outcome).attended is True
        }
    )


def check_rar_day(contacts: Iterable[ContactRecord], new_contact: ContactRecord, *, maximum: int) -> int:
    """Refuse a RAR activity on a new day once the maximum days are used; return the days used with it.

    A further activity on a day already used costs nothing.
    """
    if new_contact.outcome is None:
        raise SentenceRuleError("Record the outcome before counting a RAR day.", field="outcome")
    check_progress_contact(_T.REHABILITATION_ACTIVITY, new_contact.contact_type, new_contact.outcome)
    with_new = rar_days_used((*contacts, new_contact))
    if with_new > maximum:
        raise SentenceRuleError(
            f"All {maximum} RAR days have been used; {_day(new_contact.contact_date)} would be "
            f"day {with_new}.",
            field="contact_date",
        )
    return with_new


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
