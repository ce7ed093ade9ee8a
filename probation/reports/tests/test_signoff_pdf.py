"""The report for court as a PDF: the defendant's details, every section, the signature block, DRAFT
until locked, Welsh headings for a person who chose Welsh, audited as an export — and nothing from the
rest of the record: victim details, MAPPA minutes, sensitive or not-for-disclosure notes planted in the
record never reach it."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.accounts.models import OfficeLocation
from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory
from probation.mappa.tests.factories import MappaMeetingFactory
from probation.people.tests.factories import AddressFactory, PersonFactory
from probation.reports.models import CustodyPosition, ReportSource
from probation.reports.pdf import CUSTODY_CY, HEADINGS, SOURCES_CY
from probation.reports.services.signoff import SignChoice, report_sign
from probation.reports.tests.signoff_fixtures import report_for
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def person(officer_user):
    person = PersonFactory(
        officer=officer_user.staff,
        first_name="Darren",
        surname="Pryce",
        date_of_birth=dt.date(1990, 6, 2),
        pnc_number="2001/0123456X",
        telephone="07700 900123",
    )
    AddressFactory(
        person=person, address_number="4", street_name="Mill Lane", town_city="Leeds", postcode="LS2 7AB"
    )
    return person


@pytest.fixture
def office(officer_user):
    office = OfficeLocation.objects.create(
        code="LDS1",
        name="Leeds Probation Office",
        address="1 Park Row",
        postcode="LS1 5HD",
        phone="0113 496 0000",
    )
    office.teams.add(officer_user.staff.team)
    return office


def _pdf(client, user, report):
    client.force_login(user)
    return client.get(reverse("reports:report-pdf", args=[report.request.person.crn, report.request_id]))


def _sign(report, user):
    return report_sign(
        actor=user,
        crn=report.request.person.crn,
        request_id=report.request_id,
        expected_version=report.version,
        choice=SignChoice(dangerousness=False),
    )


def test_the_pdf_has_the_defendant_every_section_and_the_signature(client, person, officer_user, office):
    report = report_for(person, officer_user)
    report.request.offences = [{"code": "TH68010", "wording": "Theft of a pedal cycle", "date": "02/11/2026"}]
    report.request.save(update_fields=["offences"])
    report = _sign(report, officer_user)

    response = _pdf(client, officer_user, report)
    text = _text(response)

    assert response["Content-Type"] == "application/pdf"
    for expected in (
        "Pre-sentence report",
        "Darren Pryce",
        "02/06/1990",
        person.crn,
        "2001/0123456X",
        "4 Mill Lane",
        str(report.request.court),
        "Theft of a pedal cycle (TH68010) – Date of offence: 02/11/2026",
        "Interview",
        "CPS summary",
        "Mr Smith took the bicycle to sell it for drugs.",
        "Three thefts since 2020.",
        "Lives alone; unemployed.",
        "Low risk of serious harm.",
        "A community order of 12 months with 100 hours of unpaid work.",
        "Addresses the drivers of the offending.",
        "A fine: he cannot pay.",
        str(officer_user),
        "Leeds Probation Office",
        "0113 496 0000",
    ):
        assert expected in text, expected
    assert "DRAFT" not in text


def test_the_pdf_says_draft_until_the_report_is_locked(client, person, officer_user):
    report = report_for(person, officer_user)

    text = _text(_pdf(client, officer_user, report))

    assert "DRAFT" in text
    assert "Draft: not signed off. Not for the court." in text


def test_the_pdf_is_headed_in_welsh_when_the_person_chose_welsh(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, preferred_language="Welsh")
    report = _sign(report_for(person, officer_user), officer_user)

    text = _text(_pdf(client, officer_user, report))

    assert report.language == "cy"
    for key in (
        "title",
        "defendant",
        "sources",
        "offence_analysis",
        "circumstances",
        "proposal",
        "signature",
    ):
        assert HEADINGS[key][1] in text, key
    assert "Adroddiad cyn dedfrydu" in text
    assert "Cyfweliad" in text  # the sources
    assert "Crynodeb Gwasanaeth Erlyn y Goron (CPS)" in text
    assert "Islaw'r trothwy ar gyfer dedfryd o garchar" in text  # the custody position
    assert "Swyddog Prawf" in text  # the author's grade
    for english in ("Pre-sentence report", "Offence analysis", "Interview", "Below the custody threshold"):
        assert english not in text


def test_a_draft_follows_the_persons_language_choice_before_it_is_signed(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, preferred_language="Cymraeg")
    report = report_for(person, officer_user)

    text = _text(_pdf(client, officer_user, report))

    assert "Adroddiad cyn dedfrydu" in text
    assert "DRAFFT" in text
    report.refresh_from_db()
    assert report.language == "en"  # not saved until signed


def test_every_heading_source_and_custody_position_has_welsh():
    assert all(english and welsh for english, welsh in HEADINGS.values())
    assert set(SOURCES_CY) == set(ReportSource) - {ReportSource.OTHER}
    assert set(CUSTODY_CY) == set(CustodyPosition)


def test_the_pdf_is_audited_as_an_export(client, person, officer_user):
    report = report_for(person, officer_user)

    _pdf(client, officer_user, report)

    row = AuditEvent.objects.get(action="export")
    assert (row.crn, row.object_type, row.object_id) == (person.crn, "report", str(report.pk))
    assert row.detail == {"document": "pre_sentence_report", "status": "draft", "language": "en"}


# --- Disclosure safety ------------------------------------------------------------------------------

PLANTED = {
    "mappa_minutes": "MAPPA minutes: Sgt Okafor's intelligence on the Beech Road flat",
    "mappa_decisions": "Exclusion zone around 9 Willow Close",
    "sensitive_note": "Sensitive: informant Gwen Parry disclosed drug debts",
    "not_for_disclosure": "NOT FOR DISCLOSURE: third-party information from children's services",
    "victim_contact": "Victim Contact Scheme: Mrs Alys Morgan of 17 Orchard Way, LS6 2QT, phone 07700 900456",
    "victim_location": "Hyde Park Community Centre (victim's workplace)",
    "registration": "Registered after threats to ex-partner Kelly Ward at 3 Elm Grove",
    "request_notes": "Court clerk: victim lives next door at 6 Mill Lane",
}


def _plant(person, officer_user, report):
    sentence = SentenceFactory(event__person=person)
    MappaMeetingFactory(person=person, minutes=PLANTED["mappa_minutes"], decisions=PLANTED["mappa_decisions"])
    ContactFactory(sentence=sentence, notes=PLANTED["sensitive_note"], sensitive=True)
    ContactFactory(sentence=sentence, notes=PLANTED["not_for_disclosure"])
    ContactFactory(sentence=sentence, notes=PLANTED["victim_contact"], location=PLANTED["victim_location"])
    RegistrationFactory(person=person, notes=PLANTED["registration"])
    report.request.notes = PLANTED["request_notes"]
    report.request.save(update_fields=["notes"])


@pytest.mark.parametrize("locked", [False, True], ids=["draft", "locked"])
def test_nothing_from_the_rest_of_the_record_reaches_the_pdf(client, person, officer_user, locked):
    report = report_for(person, officer_user)
    _plant(person, officer_user, report)
    if locked:
        report = _sign(report, officer_user)

    text = _text(_pdf(client, officer_user, report))

    assert "Mr Smith took the bicycle to sell it for drugs." in text  # the report itself is there
    for kind, planted in PLANTED.items():
        for words in (planted, *planted.split(": ")[1:]):
            assert words not in text, kind
    for fragment in (
        "Okafor",
        "Willow Close",
        "Gwen Parry",
        "children's services",
        "Alys Morgan",
        "Orchard Way",
        "07700 900456",
        "Hyde Park",
        "Kelly Ward",
        "Elm Grove",
        "6 Mill Lane",
        "07700 900123",
    ):
        assert fragment not in text, fragment
