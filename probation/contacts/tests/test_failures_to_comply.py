"""The SQL twin of the failures-to-comply rule: ``Contact.objects.failures_to_comply()`` picks exactly the
contacts ``counts_as_failure_to_comply`` counts, for every contact type, outcome and link."""

import datetime as dt
import itertools

import pytest

from probation.contacts.models import Contact
from probation.contacts.tests.factories import ContactFactory
from probation.rules.contacts.outcomes import ContactTypeCode, OutcomeCode, counts_as_failure_to_comply
from probation.sentences.tests.factories import LicenceConditionFactory, RequirementFactory

pytestmark = pytest.mark.django_db


def test_the_queryset_agrees_with_the_rule_for_every_type_outcome_and_link():
    template = ContactFactory()
    requirement = RequirementFactory(sentence=template.sentence)
    at = dt.datetime(2026, 4, 14, 10, tzinfo=dt.UTC)
    contacts = [
        Contact(
            person=template.person,
            sentence=template.sentence,
            requirement=requirement if linked else None,
            type=kind.value,
            is_appointment=True,  # every type given an outcome, so the SQL is tested on all of them
            starts_at=at,
            officer=template.officer,
            created_by=template.created_by,
            outcome=code.value,
            outcome_recorded_at=at,
        )
        for kind, code, linked in itertools.product(ContactTypeCode, OutcomeCode, (False, True))
    ]
    Contact.objects.bulk_create(contacts)

    picked = set(Contact.objects.failures_to_comply().values_list("type", "outcome", "requirement_id"))
    expected = {
        (c.type, c.outcome, c.requirement_id)
        for c in contacts
        if counts_as_failure_to_comply(
            c.type, c.outcome, carries_out_requirement=c.requirement_id is not None
        )
    }
    assert picked == expected
    assert ("unpaid_work_session", "UAAB", None) in picked
    assert ("doorstep_contact", "UAAB", requirement.pk) in picked
    assert ("doorstep_contact", "UAAB", None) not in picked


def test_a_licence_condition_link_makes_an_appointment_enforceable():
    contact = ContactFactory(type="approved_premises_key_worker_session", outcome="UAAB")
    assert not Contact.objects.failures_to_comply().exists()

    contact.licence_condition = LicenceConditionFactory()
    contact.save()

    assert list(Contact.objects.failures_to_comply()) == [contact]
    assert contact.is_failure_to_comply


def test_an_outstanding_appointment_is_not_a_failure():
    ContactFactory(type="unpaid_work_session")

    assert not Contact.objects.failures_to_comply().exists()
