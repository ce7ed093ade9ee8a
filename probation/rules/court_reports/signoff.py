"""Signing, countersigning and locking a pre-sentence report (court-reports.md § Content 2, 3, 6, 7).

Pure rules on plain values: what must be true before the author signs (every problem at once), whether
the report needs a countersignature, the allowed transitions of sign-off declared once, and the
report's language from the person's language choice (§ Welsh language).
"""

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.errors import RuleError, RuleErrorCollector

# Grades whose reports a senior PO countersigns (court-reports.md § Content 7: "countersignature where
# local policy needs it (trainees)"): a Probation Officer in training (PQiP).
TRAINEE_GRADES = frozenset({"PQIP"})
# The language choices that mean Welsh, as a person's record holds them (in English or in Welsh).
WELSH_CHOICES = frozenset({"welsh", "cymraeg"})


class SignoffStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"  # signed by the author, waiting for the countersignature
    LOCKED = "locked"


class SignoffAction(StrEnum):
    SIGN = "sign"  # the author signs; locks at once unless a countersignature is needed
    COUNTERSIGN = "countersign"  # the named senior PO countersigns; locks
    RETURN = "return"  # the senior PO returns it to the author with a reason


# Each action: the status it starts from and where it goes (SIGN goes to SIGNED or LOCKED).
TRANSITIONS: Mapping[SignoffAction, tuple[SignoffStatus, frozenset[SignoffStatus]]] = MappingProxyType(
    {
        SignoffAction.SIGN: (SignoffStatus.DRAFT, frozenset({SignoffStatus.SIGNED, SignoffStatus.LOCKED})),
        SignoffAction.COUNTERSIGN: (SignoffStatus.SIGNED, frozenset({SignoffStatus.LOCKED})),
        SignoffAction.RETURN: (SignoffStatus.SIGNED, frozenset({SignoffStatus.DRAFT})),
    }
)
REFUSED = {
    SignoffAction.SIGN: "This report has already been signed",
    SignoffAction.COUNTERSIGN: "This report is not waiting for a countersignature",
    SignoffAction.RETURN: "This report is not waiting for a countersignature",
}


def check_transition(action: SignoffAction, *, status: str, to_status: str) -> None:
    start, ends = TRANSITIONS[action]
    if status != start or to_status not in ends:
        raise RuleError(REFUSED[action])


def check_editable(status: str) -> None:
    """Only a draft may change: a signed report waits for its countersignature (or to be returned)
    and a locked report is final (its PDF is the court's copy)."""
    if status == SignoffStatus.LOCKED:
        raise RuleError("This report is locked and can no longer be changed")
    if status == SignoffStatus.SIGNED:
        raise RuleError("This report has been signed and is waiting for a countersignature")


def countersignature_needed(*, author_grade: str, dangerousness: bool, required_by_manager: bool) -> bool:
    """A dangerousness report is reviewed by a named senior PO; a trainee's report, or one the team
    manager flagged, is countersigned by one."""
    return dangerousness or required_by_manager or author_grade in TRAINEE_GRADES


@dataclass(frozen=True)
class SignInputs:
    """What the sign checks read: the report's fields and the signing form's answers."""

    written: bool  # a written report (oral reports are recorded with their own short form)
    sources: Collection[str]
    sources_other: str
    offence_analysis: str
    proposal: str
    custody_possible: bool
    impact_of_custody: str
    dangerousness: bool
    reviewer_named: bool
    countersignature_needed: bool


def sign_problems(inputs: SignInputs) -> tuple[RuleError, ...]:
    """Every reason the author may not sign yet, in the order of the report (court-reports.md § Content):
    at least one source; the offence analysis; the proposal; the impact of custody when custody is
    possible or expected; and the senior PO's name for a dangerousness report or a countersignature."""
    errors = RuleErrorCollector()
    if not inputs.sources:
        errors.add("Select at least one source of information", field="sources")
    elif "other" in inputs.sources and not inputs.sources_other.strip():
        errors.add("Say what the other sources of information were", field="sources")
    if not inputs.offence_analysis.strip():
        errors.add("Write the offence analysis", field="offence_analysis")
    if not inputs.proposal.strip():
        errors.add("Write the proposal", field="proposal")
    if inputs.written and inputs.custody_possible and not inputs.impact_of_custody.strip():
        errors.add("Write the impact of custody: custody is possible or expected", field="impact_of_custody")
    if not inputs.reviewer_named:
        if inputs.dangerousness:
            errors.add(
                "Select the senior probation officer who reviewed the dangerousness assessment",
                field="reviewing_spo",
            )
        elif inputs.countersignature_needed:
            errors.add(
                "Select the senior probation officer who will countersign the report", field="reviewing_spo"
            )
    return errors.errors


def report_language(preferred_language: str) -> str:
    """ "cy" when the person chose Welsh (in English or Welsh words), else "en" (§ Welsh language)."""
    return "cy" if preferred_language.strip().lower() in WELSH_CHOICES else "en"


# A UK postcode ("LS6 2QT") and a UK phone number ("07700 900456", "+44 113 496 0000"): the details
# that locate someone (court-reports.md § Never in a report: a victim's or witness's address, phone).
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\d/])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")


def _plain(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def locating_details(texts: Iterable[str], *, defendants_own: Iterable[str] = ()) -> list[str]:
    """Postcodes and phone numbers the report's text contains, other than the defendant's own: the
    sign page asks the author to check none of them locates a victim or a witness. A warning, not a
    refusal: a probation office's number, say, is fine."""
    own = {_plain(value) for value in defendants_own if value}
    found: list[str] = []
    for text in texts:
        for match in (*_POSTCODE.finditer(text), *_PHONE.finditer(text)):
            value = match.group(0).strip()
            if _plain(value) not in own and value not in found:
                found.append(value)
    return found
