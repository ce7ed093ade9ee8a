"""What users see and do on the case record pages: forms, error summaries, conflicts, audit."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.frontend.tests.forms import date_fields
from probation.people.models import Address, Person
from probation.people.services.person import person_update
from probation.people.tests.factories import AddressFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _person_form(person, **changes):
    data = {
        "first_name": person.first_name,
        "middle_names": "",
        "surname": person.surname,
        "preferred_name": "",
        "previous_surname": "",
        "date_of_birth_0": str(person.date_of_birth.day),
        "date_of_birth_1": str(person.date_of_birth.month),
        "date_of_birth_2": str(person.date_of_birth.year),
        "gender": person.gender,
        "pnc_number": "",
        "cro_number": "",
        "prison_number": "",
        "ni_number": "",
        "telephone": "",
        "mobile": "",
        "email": "",
        "preferred_language": "English",
        "interpreter_required": "False",
        "ethnicity": "",
        "religion": "",
        "sexual_orientation": "",
        "gender_identity": "",
        "version": str(person.version),
    }
    return data | changes


def test_viewing_each_section_is_audited_with_the_page(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    client.get(reverse("people:case-addresses", args=[person.crn]))

    event = AuditEvent.objects.get(action="view", crn=person.crn)
    assert (event.detail, event.page) == ({"section": "addresses"}, f"/cases/{person.crn}/addresses")


def test_officer_changes_personal_details(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="Khan")
    client.force_login(officer_user)

    response = client.post(
        reverse("people:person-edit", args=[person.crn]),
        _person_form(person, surname="Khan-Ali", ni_number="ab 12 34 56 c"),
    )

    person.refresh_from_db()
    assert response.status_code == 302
    assert (person.surname, person.ni_number, person.version) == ("Khan-Ali", "AB123456C", 2)
    assert "Personal details saved" in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"surname": ""}, "Enter a last name"),
        ({"date_of_birth_0": "31", "date_of_birth_1": "2"}, "Date of birth must be a real date"),
        ({"date_of_birth_2": "2090"}, "Date of birth must be in the past"),
        ({"pnc_number": "12345"}, "Enter a PNC number in the correct format"),
        ({"ni_number": "123"}, "Enter a National Insurance number in the correct format"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"mobile": "abc"}, "Enter a telephone number"),
        ({"prison_number": "12"}, "Enter a prison number in the correct format"),
    ],
)
def test_bad_personal_details_show_an_error_summary_and_change_nothing(
    client, officer_user, changes, message
):
    person = PersonFactory(officer=officer_user.staff, surname="Khan")
    client.force_login(officer_user)

    response = client.post(reverse("people:person-edit", args=[person.crn]), _person_form(person, **changes))

    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    assert "<title>Error:" in body
    assert Person.objects.get(pk=person.pk).version == 1


def test_saving_over_a_newer_version_is_refused_showing_what_changed(client, officer_user, spo_user):
    person = PersonFactory(officer=officer_user.staff, surname="Khan")
    form = _person_form(person, surname="Smith")
    person_update(actor=spo_user, crn=person.crn, expected_version=1, data={"preferred_language": "Urdu"})
    client.force_login(officer_user)

    response = client.post(reverse("people:person-edit", args=[person.crn]), form)

    body = response.content.decode()
    person.refresh_from_db()
    assert response.status_code == 409
    assert "Your changes were not saved" in body
    assert "Preferred language" in body
    assert "Urdu" in body
    assert (person.surname, person.preferred_language) == ("Khan", "Urdu")
    assert 'name="version" value="2"' in body


def test_adding_an_address_through_the_page(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    response = client.post(
        reverse("people:address-create", args=[person.crn]),
        {
            "status": "main",
            "address_type": "approved_premises",
            "building_name": "Elm House",
            "street_name": "Elm Road",
            "town_city": "Leeds",
            "postcode": "ls6 2bb",
            **date_fields("start_date", dt.date(2025, 9, 1)),
        },
    )

    assert response.status_code == 302
    address = Address.objects.get(person=person)
    assert (address.address_type, address.postcode, address.start_date) == (
        "approved_premises",
        "LS6 2BB",
        dt.date(2025, 9, 1),
    )


def test_an_invalid_postcode_is_shown_against_the_postcode_field(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    response = client.post(
        reverse("people:address-create", args=[person.crn]),
        {
            "status": "main",
            "address_type": "permanent",
            "street_name": "Elm Road",
            "town_city": "Leeds",
            "postcode": "XYZ",
            **date_fields("start_date", dt.date(2025, 9, 1)),
        },
    )

    body = response.content.decode()
    assert '<a href="#id_postcode">Enter a real postcode, like SW1A 2AA</a>' in body
    assert Address.objects.count() == 0


def test_editing_an_address_of_another_person_is_not_found(client, officer_user):
    mine = PersonFactory(officer=officer_user.staff)
    theirs = AddressFactory(person=PersonFactory(officer=officer_user.staff))
    client.force_login(officer_user)

    assert client.get(reverse("people:address-edit", args=[mine.crn, theirs.pk])).status_code == 404


def test_creating_a_person_issues_a_crn_and_opens_the_record(client, officer_user):
    client.force_login(officer_user)

    response = client.post(
        reverse("people:person-create"),
        {
            "first_name": "Ada",
            "surname": "Lovelace",
            **date_fields("date_of_birth", dt.date(1985, 12, 10)),
            "gender": "F",
            "interpreter_required": "False",
        },
    )

    person = Person.objects.get(surname="Lovelace")
    assert response.url == reverse("people:case-overview", args=[person.crn])
    assert f"Ada Lovelace added with CRN {person.crn}" in client.get(response.url).content.decode()


def test_creating_a_person_with_nothing_entered_lists_every_missing_field(client, officer_user):
    client.force_login(officer_user)

    body = client.post(reverse("people:person-create"), {}).content.decode()

    for message in ("Enter a first name", "Enter a last name", "Enter the date of birth", "Select a gender"):
        assert message in body
    assert Person.objects.count() == 0


def test_allocating_through_the_page_requires_a_reason(client, spo_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(spo_user)

    response = client.post(reverse("people:allocate", args=[person.crn]), {"officer": officer_user.staff.pk})

    assert "Select a reason for the allocation" in response.content.decode()


def test_error_summary_links_go_to_the_first_radio_and_the_wrong_part_of_a_date(client, officer_user):
    client.force_login(officer_user)

    body = client.post(
        reverse("people:person-create"), {"date_of_birth_0": "12", "date_of_birth_1": "14"}
    ).content.decode()

    assert '<a href="#id_gender_1">Select a gender</a>' in body
    assert 'id="id_gender_1"' in body
    assert '<a href="#id_date_of_birth_2">Enter the year</a>' in body


@pytest.mark.parametrize("name", ["people:circumstance-create", "people:disability-create"])
def test_an_end_before_the_start_is_refused_with_the_other_errors(client, officer_user, name):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)
    dates = {"start_date_0": "1", "start_date_1": "6", "start_date_2": "2025"}
    dates |= {"end_date_0": "1", "end_date_1": "1", "end_date_2": "2025"}

    body = client.post(reverse(name, args=[person.crn]), dates).content.decode()

    assert "End date must be the same as or after the start date" in body
    assert "Select the type of" in body
    assert person.circumstances.count() == person.disabilities.count() == 0
