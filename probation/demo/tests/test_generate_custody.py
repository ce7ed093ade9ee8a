"""``manage.py generate_custody``: every prisoner (a current custodial sentence not yet released) gets a
custody record with dates worked out, releases within 12 weeks a plan in some state; running it again
adds nothing."""

import datetime as dt

import pytest

from probation.custody.models import CustodyRecord
from probation.demo.custody.generate import generate
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import CustodialSentenceFactory, EventFactory, LicenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def test_prisoners_get_custody_records_once():
    prisoners = [
        CustodialSentenceFactory(
            event=EventFactory(person=PersonFactory(), conviction_date=TODAY - dt.timedelta(days=100 * n)),
            custodial_months=12 + 6 * n,
        )
        for n in range(1, 6)
    ]
    released = CustodialSentenceFactory(
        event=EventFactory(person=PersonFactory(), conviction_date=dt.date(2024, 1, 1))
    )
    LicenceFactory(sentence=released, release_date=dt.date(2025, 1, 1))
    result = generate(today=TODAY, log=lambda _: None)
    assert result.records == 5
    records = CustodyRecord.objects.all()
    assert {r.sentence_id for r in records} == {s.pk for s in prisoners}
    assert all(r.steps and (r.release_date or r.calculation_error) for r in records)
    assert generate(today=TODAY, log=lambda _: None).records == 0
