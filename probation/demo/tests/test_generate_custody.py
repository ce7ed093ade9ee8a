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
    records = CustodyRecord.objects.filter(released_on__isnull=True)
    assert {r.sentence_id for r in records} == {s.pk for s in prisoners}
    assert all(r.steps and (r.release_date or r.calculation_error) for r in records)
    assert generate(today=TODAY, log=lambda _: None).records == 0


def test_licences_are_generated_in_every_state_once():
    from probation.accounts.tests.factories import UserFactory
    from probation.custody.models import CustodyLicence
    from probation.enforcement.models import Recall

    UserFactory(role="practitioner")
    on_licence = []
    for n, expiry in enumerate((dt.date(2027, 6, 1), dt.date(2026, 6, 1), dt.date(2027, 9, 1))):
        sentence = CustodialSentenceFactory(
            event=EventFactory(person=PersonFactory(), conviction_date=dt.date(2024, 1, 1 + n)),
            custodial_months=24,
        )
        on_licence.append(
            LicenceFactory(sentence=sentence, release_date=dt.date(2025, 1, 1), licence_expiry_date=expiry)
        )
    recalled = on_licence[2]
    Recall.objects.create(
        sentence=recalled.sentence,
        licence=recalled,
        person=recalled.sentence.person,
        status="recall_decided",
        started_by=UserFactory(),
        started_on=dt.date(2026, 11, 1),
    )

    generate(today=TODAY, log=lambda _: None)
    generate(today=TODAY, log=lambda _: None)

    statuses = dict(CustodyLicence.objects.filter(licence__isnull=False).values_list("licence_id", "status"))
    assert statuses == {on_licence[0].pk: "active", on_licence[1].pk: "inactive", recalled.pk: "recalled"}


def test_most_releases_within_12_weeks_get_a_draft_licence_and_later_ones_none():
    import random

    from probation.accounts.tests.factories import UserFactory
    from probation.custody.tests.factories import custody_record
    from probation.demo.custody.licences import draft_licences

    UserFactory(role="practitioner")
    records = [custody_record(PersonFactory()) for _ in range(12)]
    for n, record in enumerate(records):
        record.release_date = TODAY + dt.timedelta(days=10 if n < 10 else 200)
        record.save()

    drafts, _conditions = draft_licences(random.Random(14), records, TODAY)

    assert 4 <= drafts <= 10
    from probation.custody.models import CustodyLicence

    assert set(CustodyLicence.objects.values_list("status", flat=True)) == {"in_progress"}
    assert not CustodyLicence.objects.filter(custody__in=records[10:]).exists()
