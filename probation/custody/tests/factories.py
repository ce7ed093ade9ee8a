"""Custody records for tests: a custodial sentence with its release inputs and the dates worked out."""

import datetime as dt
from typing import Any, cast

from probation.custody.models import CustodyRecord
from probation.custody.services.key_dates import calculate
from probation.people.models import Person
from probation.rules.law.dated import NO_CHANGES
from probation.sentences.models import Sentence
from probation.sentences.tests.factories import CustodialSentenceFactory, EventFactory


def custody_record(
    person: Person,
    *,
    sentence_date: dt.date = dt.date(2026, 1, 5),
    months: int = 24,
    today: dt.date = dt.date(2026, 12, 3),
    **fields: Any,
) -> CustodyRecord:
    sentence = cast(
        Sentence,
        CustodialSentenceFactory(
            event=EventFactory(person=person, conviction_date=sentence_date), custodial_months=months
        ),
    )
    record = CustodyRecord(
        person=person,
        sentence=sentence,
        release_type=fields.pop("release_type", "sds"),
        term_months=months,
        age_at_sentence=fields.pop("age_at_sentence", 30),
        **fields,
    )
    calculate(record, sentence, settings=NO_CHANGES, today=today)
    record.save()
    return record
