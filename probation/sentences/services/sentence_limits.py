"""A sentence's lengths against the law in force on its date of sentence (issue 14 item 1).

The limits on orders and supervision come from probation.rules.sentences.limits: a suspended sentence
order suspends at most 2 years before the Sentencing Act 2026 and 3 years after; top-up supervision
exists from 1 February 2015 until its repeal. A custodial term is capped at 100 years here only to catch
typing errors.
"""

import datetime as dt
from dataclasses import dataclass

from probation.rules.errors import RuleError, RuleErrorCollector
from probation.rules.law.dated import LawNotRecorded
from probation.rules.sentences.licences import SentenceKind
from probation.rules.sentences.limits import (
    SentencingRules,
    check_community_order,
    check_suspended_sentence,
    check_top_up_supervision,
    sentencing_rules_in_force_on,
)
from probation.sentences.law import law_settings
from probation.sentences.models.choices import SentenceType
from probation.sentences.services.checks import months_at_least, months_between

CUSTODIAL_MAX_MONTHS = 1200


@dataclass(frozen=True)
class SentenceDraft:
    """A sentence as far as a form could read it: ``None`` dates and type are inputs the form already
    refused; ``lengths_read`` is False when a length was not a number (so "Enter…" is not added)."""

    type: str | None
    sentence_date: dt.date | None
    start_date: dt.date | None
    length_months: int | None = None
    custodial_months: int | None = None
    kind: str | None = SentenceKind.STANDARD_DETERMINATE
    lengths_read: tuple[bool, bool] = (True, True)  # length_months, custodial_months


def sentencing_rules_for(sentence_date: dt.date | None, errors: RuleErrorCollector) -> SentencingRules | None:
    """The sentencing law in force on the date of sentence; None when the date is unknown (the form
    refused it) or older than the law recorded (refused here, on the date)."""
    if sentence_date is None:
        return None
    try:
        return sentencing_rules_in_force_on(sentence_date, settings=law_settings())
    except LawNotRecorded as refused:
        errors.add(refused.message, field="sentence_date")
        return None


class _Months:
    """Reads a sentence's lengths: present and at least a month (the form's refusals not repeated)."""

    def __init__(self, sentence: SentenceDraft, errors: RuleErrorCollector) -> None:
        self.sentence, self.errors = sentence, errors

    def length(self, label: str) -> int | None:
        return self._read(self.sentence.length_months, self.sentence.lengths_read[0], "length_months", label)

    def term(self, label: str) -> int | None:
        return self._read(
            self.sentence.custodial_months, self.sentence.lengths_read[1], "custodial_months", label
        )

    def _read(self, value: int | None, read: bool, field: str, label: str) -> int | None:
        if not read:
            return None
        with self.errors.check():
            return months_at_least(value, 1, field=field, label=label)
        return None


def _check_order_lengths(
    sentence: SentenceDraft, rules: SentencingRules | None, errors: RuleErrorCollector
) -> None:
    """Community orders, suspended sentence orders and top-up supervision: present, at least a month, and
    within the limits in force on the date of sentence (the limits' messages name the limit and the
    date). Without a date of sentence (refused already) the limits are not checked."""
    read = _Months(sentence, errors)
    found: list[RuleError] = []
    settings = law_settings()
    if sentence.type == SentenceType.COMMUNITY_ORDER:
        length = read.length("Length of the order")
        if sentence.custodial_months is not None:
            errors.add("A community order has no custodial term", field="custodial_months")
        found = check_community_order(rules, length_months=length) if rules else []
    elif sentence.type == SentenceType.SUSPENDED_SENTENCE_ORDER:
        term, length = read.term("Custodial term"), read.length("Supervision period")
        if rules:
            found = check_suspended_sentence(
                rules, custodial_months=term, supervision_months=length, settings=settings
            )
    elif sentence.type == SentenceType.POST_SENTENCE_SUPERVISION:
        length = read.length("Supervision period")
        if sentence.custodial_months is not None:
            errors.add("Post-sentence supervision has no custodial term here", field="custodial_months")
        found = check_top_up_supervision(rules, length_months=length, settings=settings) if rules else []
    for error in found:
        errors.add(error.message, field=error.field)


def check_lengths(sentence: SentenceDraft, rules: SentencingRules | None, errors: RuleErrorCollector) -> None:
    """The lengths each sentence type needs (or must not have)."""
    if sentence.type != SentenceType.CUSTODIAL:
        _check_order_lengths(sentence, rules, errors)
        return
    if sentence.lengths_read[1]:
        with errors.check():
            months_between(
                sentence.custodial_months,
                1,
                CUSTODIAL_MAX_MONTHS,
                field="custodial_months",
                label="Custodial term",
            )
    if sentence.length_months is not None:
        errors.add(
            "Leave the length blank for a custodial sentence: licence dates are recorded on release",
            field="length_months",
        )
