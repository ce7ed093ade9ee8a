"""The drug test generator: each past drug test contact under a DRR becomes a test consistent with its
outcome (a failure to comply stays one), and running it again adds nothing."""

import datetime as dt

import pytest

from probation.contacts.models import Contact
from probation.contacts.tests.factories import ContactFactory
from probation.demo.drug_testing.generate import generate
from probation.drug_testing.models import DrugTest
from probation.sentences.tests.factories import RequirementFactory

pytestmark = pytest.mark.django_db


def test_each_drug_test_contact_becomes_a_test_matching_its_outcome():
    drr = RequirementFactory(type="drug_rehabilitation", ordered=None)
    outcomes = ["TCLN", "TDRT", "TADM", "TRFS", "TNTD"]
    for day, code in enumerate(outcomes, start=1):
        ContactFactory(
            sentence=drr.sentence,
            requirement=drr,
            type="drug_test",
            outcome=code,
            starts_at=dt.datetime(2026, 5, day, 10, tzinfo=dt.UTC),
        )
    ContactFactory(sentence=drr.sentence, type="drug_test", outcome="TCLN")  # no basis: left alone
    failures = Contact.objects.failures_to_comply().count()

    made = generate(today=dt.date(2026, 6, 1), seed=1, log=lambda _: None)
    again = generate(today=dt.date(2026, 6, 1), seed=1, log=lambda _: None)

    assert (made, again) == (5, 0)
    states = dict(DrugTest.objects.values_list("contact__outcome", "state"))
    assert states["TDRT"] == "confirmed_positive"
    assert states["TADM"] == "admitted"
    assert states["TRFS"] == "refused"
    assert states["TNTD"] == "not_tested"
    assert states.get("TCLN", "negative") == "negative"
    assert Contact.objects.failures_to_comply().count() == failures
    assert all(t.basis == "drr" and t.requirement_id == drr.pk for t in DrugTest.objects.all())
