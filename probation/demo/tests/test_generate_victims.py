import datetime as dt

import pytest

from probation.demo.victims.generate import generate
from probation.sentences.tests.factories import CustodialSentenceFactory, EventOffenceFactory
from probation.victims.models import SchemeCase, Victim, VictimContact
from probation.victims.tests.factories import vlo_user

pytestmark = pytest.mark.django_db


def test_qualifying_convictions_enter_the_scheme_with_victims_once():
    sentences = [CustodialSentenceFactory(custodial_months=months) for months in (24, 24, 6)]
    for sentence in sentences:
        EventOffenceFactory(event=sentence.event, ho_code="02000")
    fraud = CustodialSentenceFactory(custodial_months=36)
    EventOffenceFactory(event=fraud.event, ho_code="05300")
    vlo_user(sentences[0].person, username="vlo")

    result = generate(today=dt.date(2026, 12, 3), log=lambda _: None)
    again = generate(today=dt.date(2026, 12, 3), log=lambda _: None)

    assert result.cases == 2
    assert again.cases == 0
    assert set(SchemeCase.objects.values_list("event_id", flat=True)) == {
        sentences[0].event_id,
        sentences[1].event_id,
    }
    assert Victim.objects.count() >= 2
    # Sentenced 2 March 2026: the first contact is long due; every contact is on or after sentence.
    assert all(c.contact_date >= dt.date(2026, 3, 2) for c in VictimContact.objects.all())
