"""Who enters the victim contact scheme, and by when the victim liaison unit must first write.

Source: victims.md § Eligibility and § Timescales (Domestic Violence, Crime and Victims Act 2004
ss.35-45; Victims' Code Right 11; HMPPS VCS Policy Framework).

- Statutory scheme: a violent or sexual offence (the ``violent_or_sexual`` flag of
  offence-weightings.csv on any offence of the conviction) **and** custody of 12 months or more,
  or a hospital order (restricted or not) for such an offence. An indeterminate sentence is custody of
  more than 12 months. A suspended sentence order is not custody served, so it never qualifies.
- Discretionary scheme (under 12 months, high risk to the victim) and the non-statutory Victim
  Notification Scheme (stalking, harassment, coercive control) are decided case by case: a person
  adds them by hand with a reason, never these rules.
- First written contact within **40 working days of sentence** (England and Wales bank holidays
  excluded; the day of sentence never counts); the Victim Notification Scheme's target is 15 days.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.calendar.working_days import add_working_days
from probation.rules.predictors.offences import offence_weightings

STATUTORY_CUSTODY_MONTHS = 12
FIRST_CONTACT_WORKING_DAYS = 40
NOTIFICATION_SCHEME_DAYS = 15


class Scheme(StrEnum):
    STATUTORY = "statutory"
    DISCRETIONARY = "discretionary"
    NON_STATUTORY = "non_statutory"  # the Victim Notification Scheme


class Basis(StrEnum):
    """Why a case is in the scheme."""

    CUSTODY = "custody_12_months"  # violent/sexual offence, 12 months or more in custody
    HOSPITAL_ORDER = "hospital_order"
    ADDED_BY_HAND = "added_by_hand"  # discretionary or non-statutory, with a reason


@dataclass(frozen=True)
class SentenceFacts:
    """What the rules need of a conviction and its sentence."""

    offence_codes: tuple[str, ...]
    custodial: bool
    custodial_months: int | None = None
    indeterminate: bool = False
    hospital_order: bool = False


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    basis: Basis | None
    reason: str


def is_violent_or_sexual(ho_code: str) -> bool:
    """The offence-weightings flag; an unknown code is not flagged (it cannot be shown to qualify)."""
    weighting = offence_weightings().get(ho_code)
    return weighting is not None and weighting.violent_or_sexual


def any_violent_or_sexual(codes: Iterable[str]) -> bool:
    return any(is_violent_or_sexual(code) for code in codes)


def statutory_eligibility(facts: SentenceFacts) -> Eligibility:
    """Whether the statutory scheme applies to this conviction, and why (or why not)."""
    if not any_violent_or_sexual(facts.offence_codes):
        return Eligibility(False, None, "No offence of the conviction is a violent or sexual offence")
    if facts.hospital_order:
        return Eligibility(True, Basis.HOSPITAL_ORDER, "Hospital order for a violent or sexual offence")
    if not facts.custodial:
        return Eligibility(False, None, "The sentence is not custody")
    if facts.indeterminate:
        return Eligibility(True, Basis.CUSTODY, "Indeterminate custody for a violent or sexual offence")
    if facts.custodial_months is None or facts.custodial_months < STATUTORY_CUSTODY_MONTHS:
        return Eligibility(False, None, "Custody of less than 12 months")
    return Eligibility(True, Basis.CUSTODY, "12 months or more in custody for a violent or sexual offence")


def first_contact_due(scheme: Scheme, sentence_date: dt.date) -> dt.date:
    """The day by which the unit must first write to the victim: the 40th working day after sentence
    (statutory and discretionary), or 15 days after it (the Victim Notification Scheme)."""
    if scheme == Scheme.NON_STATUTORY:
        return sentence_date + dt.timedelta(days=NOTIFICATION_SCHEME_DAYS)
    return add_working_days(sentence_date, FIRST_CONTACT_WORKING_DAYS)


def first_contact_overdue(*, due: dt.date, contacted_on: dt.date | None, today: dt.date) -> bool:
    """Overdue from the day after the due date until a first contact is made; a contact made late
    stays late (for the unit's performance) but is no longer overdue on the list."""
    return contacted_on is None and today > due


def first_contact_in_time(*, due: dt.date, contacted_on: dt.date | None) -> bool | None:
    """None while no contact is made; otherwise whether it was on or before the due date."""
    if contacted_on is None:
        return None
    return contacted_on <= due
