"""The warning letter PDF: from a template with this person's name and main address, the failure, the
three statements the law requires, the officer and the date; only for a warning sent; audited as an
export; and never another person's data."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.enforcement.services.actions import ActionChoice, enforcement_action_record
from probation.people.tests.factories import AddressFactory, PersonFactory
from probation.sentences.tests.factories import CustodialSentenceFactory, SentenceFactory

pytestmark = pytest.mark.django_db
GIVEN_ON = dt.date(2026, 4, 20)
CIRCUMSTANCES = "You did not attend your appointment at Leeds Probation Office on 14 April 2026."


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: GIVEN_ON)


def _person(officer_user, first_name, street):
    person = PersonFactory(officer=officer_user.staff, first_name=first_name, surname="Lettercase")
    AddressFactory(
        person=person, address_number="7", street_name=street, town_city="Leeds", postcode="LS2 9AA"
    )
    AddressFactory(
        person=person, status="previous", street_name="Old Mill Lane", end_date=dt.date(2025, 1, 1)
    )
    return person


def _warned_case(officer_user, person, *, sentence_factory=SentenceFactory, action="first_warning_letter"):
    sentence = sentence_factory(event__person=person)
    contact = ContactFactory(
        sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 4, 14, 10, tzinfo=dt.UTC)
    )
    case = EnforcementCaseFactory(contact=contact)
    return enforcement_action_record(
        actor=officer_user,
        crn=person.crn,
        case_id=case.pk,
        expected_version=case.version,
        choice=ActionChoice(action, circumstances=CIRCUMSTANCES),
    )


def _text(response) -> str:
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _letter(client, user, person, case):
    client.force_login(user)
    return client.get(reverse("enforcement:warning-letter", args=[person.crn, case.pk]))


def test_letter_has_the_person_the_failure_the_three_statements_the_officer_and_the_date(
    client, officer_user
):
    person = _person(officer_user, "Alfred", "Wharf Street")
    case = _warned_case(officer_user, person)

    response = _letter(client, officer_user, person, case)
    text = _text(response)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="warning-letter-{person.crn}-{case.pk}.pdf"'
    )
    assert "Warning letter: failure to comply with your community order" in text
    assert "Alfred Lettercase" in text
    assert "7 Wharf Street" in text
    assert "LS2 9AA" in text
    assert "Old Mill Lane" not in text  # the main address only
    assert "14 April 2026" in text
    assert CIRCUMSTANCES in text
    assert "This failure to comply is unacceptable." in text
    assert (
        "If you fail to comply again on or before 19 April 2027, you will be liable to be brought back before the court."
        in text
    )
    assert str(officer_user.staff) in text
    assert "Date: 20 April 2026" in text


def test_letter_holds_no_other_persons_data(client, officer_user):
    person = _person(officer_user, "Alfred", "Wharf Street")
    other = _person(officer_user, "Bernard", "Quarry Hill")
    _warned_case(officer_user, other)
    case = _warned_case(officer_user, person)

    text = _text(_letter(client, officer_user, person, case))

    assert "Bernard" not in text
    assert "Quarry Hill" not in text
    assert other.crn not in text


def test_letter_is_audited_as_an_export_without_its_content(client, officer_user):
    person = _person(officer_user, "Alfred", "Wharf Street")
    case = _warned_case(officer_user, person)

    _letter(client, officer_user, person, case)

    export = AuditEvent.objects.get(action="export")
    assert (export.crn, export.object_type, export.object_id) == (
        person.crn,
        "enforcement_case",
        str(case.pk),
    )
    assert "Wharf" not in str(export.detail)
    assert "attend" not in str(export.detail)


def test_a_licence_gets_a_licence_compliance_letter(client, officer_user):
    person = _person(officer_user, "Alfred", "Wharf Street")
    case = _warned_case(officer_user, person, sentence_factory=CustodialSentenceFactory)

    assert "Licence compliance letter" in _text(_letter(client, officer_user, person, case))


def test_no_letter_until_a_warning_is_sent_or_after_it_is_withdrawn(client, officer_user):
    person = _person(officer_user, "Alfred", "Wharf Street")
    awaiting = EnforcementCaseFactory(
        contact=ContactFactory(sentence=SentenceFactory(event__person=person), outcome="UAAB")
    )
    withdrawn = _warned_case(officer_user, person)
    enforcement_action_record(
        actor=officer_user,
        crn=person.crn,
        case_id=withdrawn.pk,
        expected_version=withdrawn.version,
        choice=ActionChoice("withdraw_warning", reason="Evidence received"),
    )

    assert _letter(client, officer_user, person, awaiting).status_code == 404
    assert _letter(client, officer_user, person, withdrawn).status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


@pytest.mark.parametrize("who", ["vlo", "other_pdu", "partner"])
def test_letter_is_not_found_for_users_who_may_not_send_it(client, officer_user, who):
    person = _person(officer_user, "Alfred", "Wharf Street")
    case = _warned_case(officer_user, person)
    user = {
        "vlo": lambda: UserFactory(role=Role.VLO, staff=StaffFactory(team=person.team)),
        "other_pdu": lambda: UserFactory(role=Role.SENIOR_PO),
        "partner": lambda: UserFactory(role=Role.PARTNER, staff=None),
    }[who]()

    assert _letter(client, user, person, case).status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


def test_letter_is_signed_with_the_officers_grade_and_gives_their_office(client, officer_user):
    from probation.accounts.models import OfficeLocation

    staff = officer_user.staff
    staff.grade = "PSO"
    staff.save()
    office = OfficeLocation.objects.create(
        code="LDSO1", name="Leeds Probation Office", address="1 Park Row, Leeds", postcode="LS1 5HD",
        phone="0113 496 0000",
    )  # fmt: skip
    office.teams.add(staff.team)
    person = _person(officer_user, "Alfred", "Wharf Street")
    case = _warned_case(officer_user, person)

    text = _text(_letter(client, officer_user, person, case))

    assert f"Yours sincerely, {staff.name} Probation Services Officer {staff.team.name}" in text
    assert "Probation officer" not in text
    assert "Leeds Probation Office 1 Park Row Leeds LS1 5HD" in text
    assert "Telephone: 0113 496 0000" in text
    assert "contact me on 0113 496 0000" in text
