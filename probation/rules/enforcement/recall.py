"""Recall: recall types, the fixed-term exclusions, fixed-term re-release and the recall decision.

Source: enforcement.md, "Licences and recall". The recall workflow's allowed moves are in
probation.rules.enforcement.transitions.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.errors import SentenceRuleError
from probation.rules.sentences.licences import TWELVE_MONTHS, SentenceKind, check_sentence_months

# Fixed-term recall lasts "14 days if the sentence is under 12 months, 28 days if 12 months or more".
SHORT_FIXED_TERM_DAYS = 14
LONG_FIXED_TERM_DAYS = 28


class RecallType(StrEnum):
    STANDARD = "standard"  # in custody until licence end unless re-released by the Parole Board or SoS
    FIXED_TERM = "fixed_term"  # automatic re-release after 14 or 28 days


class FixedTermExclusion(StrEnum):
    CHARGED_WITH_NEW_OFFENCE = "charged_with_new_offence"
    MAPPA_LEVEL_2_OR_3 = "mappa_level_2_or_3"
    MAPPA_CATEGORY_4 = "mappa_category_4"
    TERRORIST_OR_NATIONAL_SECURITY_OFFENCE = "terrorist_or_national_security_offence"
    SOPC_OR_EXTENDED_SENTENCE = "sopc_or_extended_sentence"
    REFERRED_TO_PAROLE_BOARD = "referred_to_parole_board"


EXCLUSION_LABELS: Mapping[FixedTermExclusion, str] = MappingProxyType(
    {
        FixedTermExclusion.CHARGED_WITH_NEW_OFFENCE: "recalled on a new charge (charged, not yet convicted)",
        FixedTermExclusion.MAPPA_LEVEL_2_OR_3: "MAPPA level 2 or 3",
        FixedTermExclusion.MAPPA_CATEGORY_4: "MAPPA category 4",
        FixedTermExclusion.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE: "terrorist or national-security offence",
        FixedTermExclusion.SOPC_OR_EXTENDED_SENTENCE: "sentence of particular concern or extended sentence",
        FixedTermExclusion.REFERRED_TO_PAROLE_BOARD: "referred to the Parole Board",
    }
)


@dataclass(frozen=True)
class RecallCase:
    """What the recall-type rule needs to know. MAPPA level is 1–3 and category 1–4 (M1…M4 in
    reference-data.md); None when the person is not managed under MAPPA."""

    sentence_kind: SentenceKind
    adult: bool
    sentence_months: int
    charged_with_new_offence: bool = False
    mappa_level: int | None = None
    mappa_category: int | None = None
    terrorist_or_national_security_offence: bool = False
    referred_to_parole_board: bool = False


def fixed_term_exclusions(case: RecallCase) -> tuple[FixedTermExclusion, ...]:
    """The criteria that apply to ``case`` and make a fixed-term recall no longer mandatory.

    Source: enforcement.md, "Licences and recall".
    """
    if case.mappa_level is not None and case.mappa_level not in (1, 2, 3):
        raise SentenceRuleError(
            f"MAPPA level must be 1, 2 or 3; {case.mappa_level} was given.", field="mappa_level"
        )
    if case.mappa_category is not None and case.mappa_category not in (1, 2, 3, 4):
        raise SentenceRuleError(
            f"MAPPA category must be 1, 2, 3 or 4; {case.mappa_category} was given.", field="mappa_category"
        )
    _E = FixedTermExclusion
    applies = {
        _E.CHARGED_WITH_NEW_OFFENCE: case.charged_with_new_offence,
        _E.MAPPA_LEVEL_2_OR_3: case.mappa_level in (2, 3),
        _E.MAPPA_CATEGORY_4: case.mappa_category == 4,
        _E.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE: case.terrorist_or_national_security_offence,
        _E.SOPC_OR_EXTENDED_SENTENCE: case.sentence_kind
        in (SentenceKind.SENTENCE_OF_PARTICULAR_CONCERN, SentenceKind.EXTENDED),
        _E.REFERRED_TO_PAROLE_BOARD: case.referred_to_parole_board,
    }
    return tuple(exclusion for exclusion in FixedTermExclusion if applies[exclusion])


def allowed_recall_types(case: RecallCase) -> frozenset[RecallType]:
    """Indeterminate and extended sentences: standard only. Adult standard determinate sentences with no
    exclusion: fixed-term only (it is mandatory). Anything else: either.

    Source: enforcement.md, "Licences and recall".
    """
    check_sentence_months(case.sentence_months)
    exclusions = fixed_term_exclusions(case)
    if case.sentence_kind in (SentenceKind.INDETERMINATE, SentenceKind.EXTENDED):
        return frozenset({RecallType.STANDARD})
    if case.adult and case.sentence_kind is SentenceKind.STANDARD_DETERMINATE and not exclusions:
        return frozenset({RecallType.FIXED_TERM})
    return frozenset({RecallType.STANDARD, RecallType.FIXED_TERM})


def check_recall_type(case: RecallCase, recall_type: RecallType, *, emergency: bool = False) -> None:
    """Refuse a recall type the rules do not allow. An emergency recall is an urgent *standard* recall."""
    if emergency and recall_type is not RecallType.STANDARD:
        raise SentenceRuleError(
            "An emergency recall is an urgent standard recall; it cannot be fixed-term.", field="recall_type"
        )
    allowed = allowed_recall_types(case)
    if recall_type in allowed:
        return
    if recall_type is RecallType.FIXED_TERM:
        raise SentenceRuleError(
            "Indeterminate and extended sentences can only be recalled on a standard recall.",
            field="recall_type",
        )
    criteria = "; ".join(EXCLUSION_LABELS[e] for e in FixedTermExclusion)
    raise SentenceRuleError(
        "A fixed-term recall is mandatory for an adult on a standard determinate sentence unless one of "
        f"these applies: {criteria}. None applies, so a standard recall is not allowed.",
        field="recall_type",
    )


def fixed_term_recall_days(sentence_months: int) -> int:
    """14 days if the sentence is under 12 months, 28 days if 12 months or more."""
    check_sentence_months(sentence_months)
    return SHORT_FIXED_TERM_DAYS if sentence_months < TWELVE_MONTHS else LONG_FIXED_TERM_DAYS


def fixed_term_re_release_date(returned_to_custody_on: dt.date, sentence_months: int) -> dt.date:
    """The automatic re-release date: 14 or 28 days after the person is returned to custody."""
    return returned_to_custody_on + dt.timedelta(days=fixed_term_recall_days(sentence_months))


class AlternativeTried(StrEnum):
    WARNING = "warning"
    INCREASED_REPORTING = "increased_reporting"
    ADDITIONAL_CONDITIONS = "additional_conditions"
    IOM_OR_MAPPA_REFERRAL = "iom_or_mappa_referral"
    PARTNER_AGENCIES = "partner_agencies"
    APPROVED_PREMISES = "approved_premises"
    DRUG_TESTING = "drug_testing"


def check_recall_submission(breached_conditions: Iterable[str]) -> tuple[str, ...]:
    """A "consider a recall" journey records the breached conditions: at least one is needed."""
    conditions = tuple(c.strip() for c in breached_conditions if c.strip())
    if not conditions:
        raise SentenceRuleError(
            "Select the licence conditions that were breached.", field="breached_conditions"
        )
    return conditions


def check_recall_decision(*, recall: bool, rationale: str) -> bool:
    """A senior PO decides recall / no recall *with rationale*. Returns True when a letter to the person
    is needed, which is for a no-recall decision."""
    if not rationale.strip():
        raise SentenceRuleError("Give the rationale for the recall decision.", field="rationale")
    return not recall
