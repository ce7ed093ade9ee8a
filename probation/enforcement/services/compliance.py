"""Compliance of one sentence: the failures-to-comply count, warnings given and the summary staff see.

Source: enforcement.md, "Failures to comply (FTC) and the warning/breach rule". The counting, the
summary texts and the warning period are the pure rules in probation.rules.enforcement (compliance,
breach); this module only feeds them from the database: the failures come back from SQL already
reduced to distinct (date, type, outcome) rows since the reset date, so a sentence with thousands of
contacts costs one small query.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from probation.enforcement.selectors import compliance as selectors
from probation.rules.contacts.outcomes import ContactRecord, ContactTypeCode, OutcomeCode
from probation.rules.enforcement.breach import OrderKind, WarningGiven, warning_expires_on, warning_in_force
from probation.rules.enforcement.compliance import (
    ComplianceSummary,
    compliance_summary,
    count_failures_to_comply,
    ftc_reset_date,
)
from probation.sentences.models import Sentence
from probation.sentences.models.choices import SentenceType

_ORDER_KINDS = {
    SentenceType.COMMUNITY_ORDER: OrderKind.COMMUNITY_ORDER,
    SentenceType.SUSPENDED_SENTENCE_ORDER: OrderKind.SUSPENDED_SENTENCE_ORDER,
    # Custody is supervised on licence (or post-sentence supervision) after release.
    SentenceType.CUSTODIAL: OrderKind.LICENCE,
    SentenceType.POST_SENTENCE_SUPERVISION: OrderKind.LICENCE,
}


def order_kind(sentence: Sentence) -> OrderKind:
    return _ORDER_KINDS[SentenceType(sentence.type)]


def reset_date(sentence: Sentence) -> dt.date:
    """The later of the sentence date and the end of the last breach (enforcement.md)."""
    return ftc_reset_date(sentence.sentence_date, sentence.last_breach_ended_on)


def contact_records(rows: Iterable[tuple[dt.date, str, str, bool]]) -> list[ContactRecord]:
    return [
        ContactRecord(day, ContactTypeCode(kind), OutcomeCode(code), carries_out_requirement=bool(linked))
        for day, kind, code, linked in rows
    ]


@dataclass(frozen=True)
class WarningStatus:
    given_on: dt.date
    expires_on: dt.date
    in_force: bool


@dataclass(frozen=True)
class SentenceCompliance:
    summary: ComplianceSummary
    reset_date: dt.date
    warnings: tuple[WarningStatus, ...]
    in_force: WarningStatus | None

    @property
    def failure_count(self) -> int:
        return self.summary.failure_count


def compliance_from(
    *,
    sentence: Sentence,
    records: Iterable[ContactRecord],
    warning_dates: Iterable[dt.date],
    breach_in_progress: bool,
    today: dt.date,
) -> SentenceCompliance:
    """Apply the domain rules to what was read: the FTC count since the reset date, the summary, and
    which warning (if any) is in force today for 12 months from the day it was given."""
    dates = sorted(warning_dates)
    count = count_failures_to_comply(
        records, sentence_date=sentence.sentence_date, last_breach_end=sentence.last_breach_ended_on
    )
    live = warning_in_force([WarningGiven(d) for d in dates], considered_on=today)
    warnings = tuple(
        WarningStatus(d, warning_expires_on(d), live is not None and d == live.given_on) for d in dates
    )
    return SentenceCompliance(
        summary=compliance_summary(count, breach_in_progress=breach_in_progress, warning_dates=dates),
        reset_date=reset_date(sentence),
        warnings=warnings,
        in_force=next((w for w in warnings if w.in_force), None),
    )


def sentence_compliance(
    *, sentence: Sentence, today: dt.date, warning_dates: Iterable[dt.date] | None = None
) -> SentenceCompliance:
    """Compliance of a sentence in three queries (failures, warnings, breach in progress); a caller that
    already holds the warning dates passes them and saves one."""
    rows = selectors.failure_day_rows(sentence=sentence, since=reset_date(sentence))
    if warning_dates is None:
        warning_dates = selectors.warning_dates(sentence=sentence)
    return compliance_from(
        sentence=sentence,
        records=contact_records(rows),
        warning_dates=warning_dates,
        breach_in_progress=selectors.breach_in_progress(sentence=sentence),
        today=today,
    )
