"""The victims' requests on the licence page and the recall report's disclosure (victims.md § Keeping
victim data apart; issue 14 items 5 and 6). Here, outside both apps, because it plants victims' records
(the victims app sits above custody) to prove custody's pages and documents never show them.

- The licence page shows what each request asks and its decision, never the victim's name or address.
- The Part A PDF holds whether victims are in the scheme and the date the VLO was told, and nothing of a
  victim's record, MAPPA minutes or a sensitive contact's notes."""

import datetime as dt
import html
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.contacts.tests.factories import ContactFactory
from probation.core import clock
from probation.custody.models import RecallReport
from probation.custody.tests.conftest import TODAY
from probation.custody.tests.factories import decided_recall, released_licence
from probation.mappa.tests.factories import MappaMeetingFactory
from probation.people.tests.factories import PersonFactory
from probation.victims.tests.factories import RepresentationFactory, SchemeCaseFactory, VictimFactory

pytestmark = pytest.mark.django_db

VICTIM = {
    "forename": "Philippa",
    "surname": "Quartermaine",
    "address": "14 Juniper Close\nHeadingley",
    "postcode": "LS6 2QT",
}
SECRETS = ("Philippa", "Quartermaine", "Juniper Close", "LS6 2QT", "Headingley")


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)
    monkeypatch.setattr("probation.custody.views.licence.today_uk", lambda: TODAY)
    monkeypatch.setattr(
        "probation.contacts.services.appointments.now",
        lambda: dt.datetime(TODAY.year, TODAY.month, TODAY.day, 8, 0, tzinfo=dt.UTC),
    )


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 5, 1))


@pytest.fixture
def victim(person):
    return VictimFactory(scheme_case=SchemeCaseFactory(person=person), **VICTIM)


def _text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def test_the_licence_page_shows_the_victims_requests_and_never_the_victim(
    client, officer_user, person, victim
):
    record = released_licence(person, officer_user)
    RepresentationFactory(
        victim=victim, kind="exclusion_zone", request="An exclusion zone around the victim's home area"
    )
    RepresentationFactory(
        victim=victim,
        kind="no_contact",
        request="No contact with the victim or her family",
        status="declined",
        decision_reason="Already a condition of the restraining order",
    )
    client.force_login(officer_user)

    page = _text(client.get(reverse("custody:licence", args=[person.crn, record.pk])))

    assert "Victims' requests for licence conditions" in page
    assert "An exclusion zone around the victim's home area" in page
    assert "Include or decline" in page
    assert "Already a condition of the restraining order" in page
    for secret in SECRETS:
        assert secret not in page, secret


def test_the_part_a_pdf_holds_no_victim_mappa_or_sensitive_detail(
    client, officer_user, spo_user, person, victim
):
    record = released_licence(person, officer_user)
    MappaMeetingFactory(
        person=person, minutes="Minutes: police intelligence SECRETMAPPA", decisions="Covert plan"
    )
    ContactFactory(
        person=person, sentence=record.sentence, sensitive=True, notes="NOTFORDISCLOSURE informant details"
    )
    recall = decided_recall(person, officer_user, spo_user, record)
    RecallReport.objects.create(
        recall=recall, victims_in_scheme="yes", vlo_told_on=TODAY, completed_by=officer_user
    )
    client.force_login(spo_user)

    response = client.get(reverse("custody:recall-report-pdf", args=[person.crn, recall.pk]))

    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Victims in the victim contact scheme Yes" in text
    assert "Date the victim liaison officer was told of the recall 3 December 2026" in text
    for secret in (*SECRETS, "SECRETMAPPA", "Covert plan", "NOTFORDISCLOSURE", "informant"):
        assert secret not in text, secret
