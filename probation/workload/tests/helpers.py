import datetime as dt
from decimal import Decimal

from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import CustodialSentenceFactory, LicenceFactory, SentenceFactory
from probation.workload.models import ContractedHours, Reduction

ON = dt.date(2026, 12, 3)


def community_case(officer, tier="B2", **fields):
    person = PersonFactory(officer=officer, tier=tier, **fields)
    SentenceFactory(event__person=person)
    return person


def custody_case(officer, tier="B2"):
    person = PersonFactory(officer=officer, tier=tier)
    CustodialSentenceFactory(event__person=person)
    return person


def licence_case(officer, tier="B2", release_date=dt.date(2026, 6, 1)):
    person = PersonFactory(officer=officer, tier=tier)
    LicenceFactory(sentence__event__person=person, release_date=release_date, conditional_release_date=None)
    return person


def reduce(officer, hours, *, by, starts_on=dt.date(2026, 1, 1), ends_on=None, reason="trade_union"):
    return Reduction.objects.create(
        staff=officer,
        reason=reason,
        hours=Decimal(hours),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=by,
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


def contract(officer, hours):
    return ContractedHours.objects.create(staff=officer, hours=Decimal(hours))
