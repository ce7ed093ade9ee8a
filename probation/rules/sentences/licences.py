"""Licences: who is on licence after custody and the licence conditions.

Source: enforcement.md, "Licences and recall" (the recall rules are in probation.rules.enforcement.recall).
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.errors import SentenceRuleError

# "Licence for custodial sentences of 12 months or more (and post-sentence supervision for short
# sentences)"; fixed-term recall (probation.rules.enforcement.recall) turns on the same 12-month line.
TWELVE_MONTHS = 12

STANDARD_LICENCE_CONDITIONS: tuple[str, ...] = (
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


class SupervisionKind(StrEnum):
    LICENCE = "licence"
    POST_SENTENCE_SUPERVISION = "post_sentence_supervision"


class ConditionKind(StrEnum):
    STANDARD = "standard"
    ADDITIONAL = "additional"
    BESPOKE = "bespoke"


class AdditionalConditionCategory(StrEnum):
    EXCLUSION_ZONE = "exclusion_zone"
    NON_CONTACT = "non_contact"
    CURFEW = "curfew"
    DRUG_TESTING = "drug_testing"
    APPROVED_PREMISES_RESIDENCE = "approved_premises_residence"
    OTHER = "other"  # enforcement.md's list ends "…": it is not closed


@dataclass(frozen=True)
class LicenceCondition:
    kind: ConditionKind
    text: str
    start: dt.date
    end: dt.date | None = None


def check_sentence_months(sentence_months: int) -> None:
    """Refuse a custodial sentence length under one month."""
    if sentence_months < 1:
        raise SentenceRuleError(
            f"The sentence length must be at least 1 month; {sentence_months} was given.",
            field="sentence_months",
        )


def supervision_after_release(sentence_months: int) -> SupervisionKind:
    """Licence for a custodial sentence of 12 months or more; post-sentence supervision if shorter."""
    check_sentence_months(sentence_months)
    if sentence_months >= TWELVE_MONTHS:
        return SupervisionKind.LICENCE
    return SupervisionKind.POST_SENTENCE_SUPERVISION


def check_licence_condition(condition: LicenceCondition) -> None:
    """Every condition has its text and dates; a standard condition's text is one of the standard list."""
    if not condition.text.strip():
        raise SentenceRuleError("Enter the text of the licence condition.", field="text")
    if condition.kind is ConditionKind.STANDARD and condition.text not in STANDARD_LICENCE_CONDITIONS:
        raise SentenceRuleError(
            "A standard licence condition must be one of the standard conditions; use an additional or "
            "bespoke condition for other text.",
            field="text",
        )
    if condition.end is not None and condition.end < condition.start:
        raise SentenceRuleError(
            f"The condition cannot end ({condition.end:%d/%m/%Y}) before it starts "
            f"({condition.start:%d/%m/%Y}).",
            field="end",
        )


class SentenceKind(StrEnum):
    STANDARD_DETERMINATE = "standard_determinate"
    SENTENCE_OF_PARTICULAR_CONCERN = "sentence_of_particular_concern"
    EXTENDED = "extended"
    INDETERMINATE = "indeterminate"
