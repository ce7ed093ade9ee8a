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


def released_licence(person: Person, officer: Any, *, months: int = 36) -> CustodyRecord:
    """A custody record whose licence is active, with an exclusion zone (released today, tests' TODAY)."""
    from probation.custody.services import licence as services
    from probation.custody.tests.conftest import TODAY

    record = custody_record(person, sentence_date=dt.date(2025, 6, 2), months=months)
    licence = services.licence_start(actor=officer, person=person, custody_id=record.pk)
    licence = services.licence_condition_add(
        actor=officer,
        person=person,
        custody_id=record.pk,
        expected_version=licence.version,
        condition=services.ConditionInput(
            "freedom_of_movement", "Not to enter the zone marked on the map", "Asked for by the victim", True
        ),
    ).licence
    services.licence_release(
        actor=officer,
        person=person,
        custody_id=record.pk,
        expected_version=licence.version,
        released_on=TODAY,
        appointment_time=dt.time(12, 0),
        today=TODAY,
    )
    record.refresh_from_db()
    return record


def decided_recall(person: Person, officer: Any, spo: Any, record: CustodyRecord, **answers: Any) -> Any:
    """A 56-day fixed-term recall decided on the record's licence (the rule in force on TODAY)."""
    from probation.enforcement.tests.test_recall_services import _decide, _recommend, _start

    licence = record.sentence.licence
    recall = _recommend(officer, person, _start(officer, person, licence), **answers)
    return _decide(spo, person, recall, recall_type="fixed_term")
