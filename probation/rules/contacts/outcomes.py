"""Contact types and appointment outcomes, as data.

Source: enforcement.md, "Contacts and appointments" and "Outcomes". Contact types carry their behaviour
as data: whether they need an attendance outcome, whether they are national standards (NS) contacts
(only those count towards failures to comply), which outcomes they allow, and whether they can count
towards rehabilitation activity (RAR) days or unpaid work hours.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.errors import SentenceRuleError

# CO10 is only for sentences *over* 24 months (enforcement.md, "Outcomes").
CO10_SENTENCE_OVER_MONTHS = 24


class OutcomeCode(StrEnum):
    ATTC = "ATTC"
    AFTC = "AFTC"
    ATSH = "ATSH"
    ATSS = "ATSS"
    AFDA = "AFDA"
    AFTA = "AFTA"
    UAAB = "UAAB"
    ATFI = "ATFI"
    UBHV = "UBHV"
    AACL = "AACL"
    AAEM = "AAEM"
    AAFC = "AAFC"
    AAHO = "AAHO"
    AAME = "AAME"
    AARE = "AARE"
    AARC = "AARC"
    AASD = "AASD"
    AAAA = "AAAA"
    CO05 = "CO05"
    CO10 = "CO10"
    RSOF = "RSOF"
    RSSR = "RSSR"
    TCLN = "TCLN"
    TDRT = "TDRT"
    TADM = "TADM"
    TRFS = "TRFS"
    TNTD = "TNTD"
    TUKN = "TUKN"


class OutcomeKind(StrEnum):
    """Groups of outcomes the compliance screens count separately."""

    ATTENDED_COMPLIED = "attended_complied"  # attended, acceptable
    ATTENDED_FAILED_TO_COMPLY = "attended_failed_to_comply"  # attended, unacceptable
    ACCEPTABLE_ABSENCE = "acceptable_absence"
    UNACCEPTABLE_ABSENCE = "unacceptable_absence"
    OTHER_FAILURE_TO_COMPLY = "other_failure_to_comply"  # attendance not applicable, unacceptable
    ACCEPTABLE_FAILURE = "acceptable_failure"  # CO10: attendance not applicable, acceptable
    RESCHEDULED = "rescheduled"


@dataclass(frozen=True)
class Outcome:
    """One row of the outcomes table. ``attended`` is None where the table shows "–" (not applicable)."""

    code: OutcomeCode
    description: str
    attended: bool | None
    acceptable: bool
    kind: OutcomeKind

    @property
    def is_failure_to_comply(self) -> bool:
        return not self.acceptable

    @property
    def awaits_evidence(self) -> bool:
        # "a failed-to-attend awaiting evidence has a deadline for the evidence" (enforcement.md).
        return self.code is OutcomeCode.AFTA


def _row(
    code: OutcomeCode, description: str, attended: bool | None, acceptable: bool, kind: OutcomeKind
) -> tuple[OutcomeCode, Outcome]:
    return code, Outcome(code, description, attended, acceptable, kind)


_O, _K = OutcomeCode, OutcomeKind
_ABSENCE = "Acceptable absence – "

OUTCOMES: Mapping[OutcomeCode, Outcome] = MappingProxyType(
    dict(
        [
            _row(_O.ATTC, "Attended – complied", True, True, _K.ATTENDED_COMPLIED),
            _row(_O.AFTC, "Attended – failed to comply", True, False, _K.ATTENDED_FAILED_TO_COMPLY),
            _row(_O.ATSH, "Attended – sent home (behaviour)", True, False, _K.ATTENDED_FAILED_TO_COMPLY),
            _row(_O.ATSS, "Attended – sent home (service issues)", True, True, _K.ATTENDED_COMPLIED),
            _row(
                _O.AFDA,
                "Attended – failure to comply deemed acceptable",
                True,
                True,
                _K.ATTENDED_COMPLIED,
            ),
            _row(
                _O.AFTA,
                "Failed to attend (evidence may still be requested)",
                False,
                False,
                _K.UNACCEPTABLE_ABSENCE,
            ),
            _row(_O.UAAB, "Unacceptable absence", False, False, _K.UNACCEPTABLE_ABSENCE),
            _row(_O.ATFI, "Failed to comply with other instruction", None, False, _K.OTHER_FAILURE_TO_COMPLY),
            _row(_O.UBHV, "Unacceptable behaviour", None, False, _K.OTHER_FAILURE_TO_COMPLY),
            _row(_O.AACL, _ABSENCE + "court/legal", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AAEM, _ABSENCE + "employment", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AAFC, _ABSENCE + "family/childcare", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AAHO, _ABSENCE + "holiday", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AAME, _ABSENCE + "medical", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AARE, _ABSENCE + "religious", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AARC, _ABSENCE + "remanded in custody", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AASD, _ABSENCE + "stood down", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.AAAA, _ABSENCE + "other", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(_O.CO05, _ABSENCE + "professional judgement", False, True, _K.ACCEPTABLE_ABSENCE),
            _row(
                _O.CO10,
                "Acceptable failure – none in the following 12 months (only for sentences over 24 months)",
                None,
                True,
                _K.ACCEPTABLE_FAILURE,
            ),
            _row(_O.RSOF, "Rescheduled – person's request", False, True, _K.RESCHEDULED),
            _row(_O.RSSR, "Rescheduled – service request", False, True, _K.RESCHEDULED),
            _row(_O.TCLN, "Drug test: clean", True, True, _K.ATTENDED_COMPLIED),
            _row(_O.TDRT, "Drug test: not clean", True, False, _K.ATTENDED_FAILED_TO_COMPLY),
            _row(_O.TADM, "Drug test: admitted use", True, False, _K.ATTENDED_FAILED_TO_COMPLY),
            _row(_O.TRFS, "Drug test: refused", True, False, _K.ATTENDED_FAILED_TO_COMPLY),
            _row(_O.TNTD, "Drug test: not tested", True, True, _K.ATTENDED_COMPLIED),
            # drug-testing.md § Recording results: undetermined. A presumptive instant result awaiting
            # the laboratory is recorded so (probation.rules.drug_testing.results).
            _row(_O.TUKN, "Drug test: undetermined", True, True, _K.ATTENDED_COMPLIED),
        ]
    )
)

ACCEPTABLE_ABSENCE_CODES: frozenset[OutcomeCode] = frozenset(
    code for code, row in OUTCOMES.items() if row.kind is OutcomeKind.ACCEPTABLE_ABSENCE
)
UNACCEPTABLE_CODES: frozenset[OutcomeCode] = frozenset(
    code for code, row in OUTCOMES.items() if not row.acceptable
)
DRUG_TEST_CODES = frozenset({_O.TCLN, _O.TDRT, _O.TADM, _O.TRFS, _O.TNTD, _O.TUKN})
# Outcomes that say how the person attended an ordinary (non drug test) appointment.
_ATTENDED_CODES = frozenset({_O.ATTC, _O.AFTC, _O.ATSH, _O.ATSS, _O.AFDA})
# Outcomes any attendance contact may take: absences, other failures, CO10 and rescheduling.
_ANY_ATTENDANCE_CONTACT_CODES = frozenset(
    {_O.AFTA, _O.UAAB, _O.ATFI, _O.UBHV, _O.CO10, _O.RSOF, _O.RSSR} | ACCEPTABLE_ABSENCE_CODES
)


class ContactTypeCode(StrEnum):
    PLANNED_OFFICE_VISIT = "planned_office_visit"
    PLANNED_TELEPHONE_CONTACT = "planned_telephone_contact"
    PLANNED_VIDEO_CONTACT = "planned_video_contact"
    HOME_VISIT = "home_visit"
    PRISON_VISIT = "prison_visit"  # the COM visits a prisoner before release (custody-release.md)
    DOORSTEP_CONTACT = "doorstep_contact"
    INITIAL_APPOINTMENT = "initial_appointment"
    DRUG_TEST = "drug_test"
    COURT_REVIEW = "court_review"
    ALCOHOL_DRUG_KEY_WORKER_SESSION = "alcohol_drug_key_worker_session"
    PROGRAMME_SESSION = "programme_session"
    UNPAID_WORK_SESSION = "unpaid_work_session"
    APPROVED_PREMISES_KEY_WORKER_SESSION = "approved_premises_key_worker_session"
    # A missed or late curfew sign-in at an approved premises, for the officer to assess (issue 16).
    APPROVED_PREMISES_SIGN_IN = "approved_premises_sign_in"
    PARTNER_AGENCY_EMAIL = "partner_agency_email"
    PARTNER_AGENCY_LETTER = "partner_agency_letter"
    PARTNER_AGENCY_PHONE_CALL = "partner_agency_phone_call"
    CASE_NOTE = "case_note"
    MANAGEMENT_OVERSIGHT = "management_oversight"
    SYSTEM_EVENT = "system_event"


@dataclass(frozen=True)
class ContactType:
    code: ContactTypeCode
    description: str
    attendance: bool  # needs an attendance outcome
    national_standard: bool  # only NS contacts count towards failures to comply
    allowed_outcomes: frozenset[OutcomeCode]
    counts_towards_rar: bool = False
    counts_towards_unpaid_work: bool = False
    # The type exists only to carry out a requirement (an unpaid work or accredited programme session),
    # so it is enforceable whether or not the contact was linked to the requirement when booked.
    requirement_session: bool = False

    @property
    def with_article(self) -> str:
        """The description for use mid-sentence: "a home visit", "an initial appointment"."""
        text = self.description.lower()
        return ("an " if text[0] in "aeiou" else "a ") + text


@dataclass(frozen=True)
class ContactRecord:
    """A contact on one sentence, as the FTC count and RAR days need it. ``outcome`` is None while
    outstanding."""

    contact_date: dt.date
    contact_type: ContactTypeCode
    outcome: OutcomeCode | None = None
    # Linked to a requirement or a licence condition: the appointment carries it out (enforceable).
    carries_out_requirement: bool = False


def _attendance(
    code: ContactTypeCode,
    description: str,
    *,
    ns: bool,
    rar: bool = False,
    upw: bool = False,
    session: bool = False,
) -> tuple[ContactTypeCode, ContactType]:
    outcomes = (DRUG_TEST_CODES if code is ContactTypeCode.DRUG_TEST else _ATTENDED_CODES) | (
        _ANY_ATTENDANCE_CONTACT_CODES
    )
    return code, ContactType(code, description, True, ns, frozenset(outcomes), rar, upw, session)


def _record(code: ContactTypeCode, description: str) -> tuple[ContactTypeCode, ContactType]:
    # Non-attendance contacts record something that happened; they never take an outcome.
    return code, ContactType(code, description, False, False, frozenset())


_C = ContactTypeCode

# NS flags are exactly the "(NS)" marks in enforcement.md. RAR and unpaid-work flags say which types *can*
# count: the contact must also be linked to that requirement and have an attended outcome.
CONTACT_TYPES: Mapping[ContactTypeCode, ContactType] = MappingProxyType(
    dict(
        [
            _attendance(_C.PLANNED_OFFICE_VISIT, "Planned office visit", ns=True, rar=True),
            _attendance(_C.PLANNED_TELEPHONE_CONTACT, "Planned telephone contact", ns=True, rar=True),
            _attendance(_C.PLANNED_VIDEO_CONTACT, "Planned video contact", ns=True, rar=True),
            _attendance(_C.HOME_VISIT, "Home visit", ns=True, rar=True),
            _attendance(_C.PRISON_VISIT, "Prison visit", ns=False),
            _attendance(_C.DOORSTEP_CONTACT, "Doorstep contact", ns=False),
            _attendance(_C.INITIAL_APPOINTMENT, "Initial appointment", ns=False),
            _attendance(_C.DRUG_TEST, "Drug test", ns=True),
            _attendance(_C.COURT_REVIEW, "Court review", ns=False),
            _attendance(
                _C.ALCOHOL_DRUG_KEY_WORKER_SESSION, "Alcohol/drug key-worker session", ns=False, rar=True
            ),
            _attendance(_C.PROGRAMME_SESSION, "Programme session", ns=False, rar=True, session=True),
            _attendance(_C.UNPAID_WORK_SESSION, "Unpaid work session", ns=False, upw=True, session=True),
            _attendance(
                _C.APPROVED_PREMISES_KEY_WORKER_SESSION, "Approved-premises key-worker session", ns=False
            ),
            _attendance(_C.APPROVED_PREMISES_SIGN_IN, "Approved-premises curfew sign-in", ns=False),
            _record(_C.PARTNER_AGENCY_EMAIL, "Email with partner agency"),
            _record(_C.PARTNER_AGENCY_LETTER, "Letter with partner agency"),
            _record(_C.PARTNER_AGENCY_PHONE_CALL, "Phone call with partner agency"),
            _record(_C.CASE_NOTE, "Case note"),
            _record(_C.MANAGEMENT_OVERSIGHT, "Management oversight"),
            _record(_C.SYSTEM_EVENT, "System event"),
        ]
    )
)


def outcome(code: OutcomeCode | str) -> Outcome:
    """The outcomes-table row for ``code``; an unknown code is refused."""
    try:
        return OUTCOMES[OutcomeCode(code)]
    except ValueError:
        raise SentenceRuleError(f"'{code}' is not a known outcome code.", field="outcome") from None


def contact_type(code: ContactTypeCode | str) -> ContactType:
    """The contact type for ``code``; an unknown code is refused."""
    try:
        return CONTACT_TYPES[ContactTypeCode(code)]
    except ValueError:
        raise SentenceRuleError(f"'{code}' is not a known contact type.", field="contact_type") from None


def check_outcome_allowed(
    type_code: ContactTypeCode | str, outcome_code: OutcomeCode | str, *, sentence_months: int | None
) -> Outcome:
    """Refuse an outcome the contact type does not allow, and CO10 unless the sentence is over 24 months.

    Source: enforcement.md, "Contacts and appointments" (allowed outcomes per type) and "Outcomes" (CO10
    "only for sentences over 24 months": 24 months exactly is not over). ``sentence_months`` is the
    length of the linked sentence, or None when the contact is not linked to one.
    """
    kind = contact_type(type_code)
    row = outcome(outcome_code)
    if not kind.attendance:
        raise SentenceRuleError(
            f"{kind.with_article.capitalize()} does not take an outcome.", field="outcome"
        )
    if row.code not in kind.allowed_outcomes:
        raise SentenceRuleError(
            f"'{row.code} – {row.description}' is not an allowed outcome for {kind.with_article}.",
            field="outcome",
        )
    if row.code is OutcomeCode.CO10 and (
        sentence_months is None or sentence_months <= CO10_SENTENCE_OVER_MONTHS
    ):
        length = "no sentence" if sentence_months is None else f"a sentence of {sentence_months} months"
        raise SentenceRuleError(
            f"'CO10 – Acceptable failure' is only for sentences over 24 months; this contact has {length}.",
            field="outcome",
        )
    return row


def is_enforceable(type_code: ContactTypeCode | str, *, carries_out_requirement: bool) -> bool:
    """True if an unacceptable outcome of this contact is a failure to comply.

    Source: enforcement.md, "Contacts and appointments": *enforceable* means the same as NS, and every
    appointment that carries out a requirement or a licence condition is enforceable (unpaid work and
    programme sessions, RAR activities, DRR treatment and drug tests, approved-premises key work under a
    residence requirement...). ``carries_out_requirement`` is whether the contact is linked to a
    requirement or licence condition. Unpaid work and programme sessions carry one out by their nature.
    Contacts that take no outcome are never enforceable.
    """
    kind = contact_type(type_code)
    return kind.attendance and (kind.national_standard or kind.requirement_session or carries_out_requirement)


def counts_as_failure_to_comply(
    type_code: ContactTypeCode | str, outcome_code: OutcomeCode | str, *, carries_out_requirement: bool
) -> bool:
    """True if the contact is enforceable (:func:`is_enforceable`) and its outcome is unacceptable.

    Source: enforcement.md, "Failures to comply" and "Contacts and appointments" (*enforceable*). This is
    the one rule: the SQL twin (``Contact.objects.failures_to_comply()``) is tested against it for every
    contact type and outcome.
    """
    return is_enforceable(type_code, carries_out_requirement=carries_out_requirement) and not (
        outcome(outcome_code).acceptable
    )
