"""The sentence page (owned by sentences) shows the panels enforcement registers: compliance with the
warning in force, open enforcement actions, and breaches for an order or recalls for a licence."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import LicenceFactory, SentenceFactory

pytestmark = pytest.mark.django_db
# Real dates: patching the clock here would leak into view modules first imported during the test.
FAILED_ON = today_uk() - dt.timedelta(days=30)


def test_order_page_shows_compliance_and_breach_panels(client, officer_user):
    sentence = SentenceFactory(
        event__person=PersonFactory(officer=officer_user.staff),
        event__conviction_date=today_uk() - dt.timedelta(days=90),
    )
    contact = ContactFactory(
        sentence=sentence,
        person=sentence.person,
        outcome="UAAB",
        starts_at=dt.datetime(FAILED_ON.year, FAILED_ON.month, FAILED_ON.day, 10, tzinfo=dt.UTC),
    )
    EnforcementCaseFactory(contact=contact)
    client.force_login(officer_user)

    response = client.get(reverse("sentences:sentence-detail", args=[sentence.person.crn, sentence.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Compliance" in html
    assert "1 failure to comply within 12 months" in html
    assert "Breaches" in html
    assert "Initiate breach" in html


def test_licence_page_shows_recall_panel_not_breach(client, officer_user):
    licence = LicenceFactory(sentence__event__person=PersonFactory(officer=officer_user.staff))
    client.force_login(officer_user)

    response = client.get(
        reverse("sentences:sentence-detail", args=[licence.sentence.person.crn, licence.sentence.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Consider a recall" in html
    assert "Initiate breach" not in html
