"""Bad input never gives a 5xx (issue 9 item 6): each finding of the probe as a regression test."""

import pytest
from django.test import Client
from django.urls import reverse

from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(officer_user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(officer_user)
    return client


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "9999-12-27"])
def test_an_out_of_range_diary_week_shows_this_week(officer_client: Client, week: str) -> None:
    response = officer_client.get(reverse("contacts:diary"), {"week": week})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/cases/X\x00123/", "/people/%00", "/search%00"])
def test_a_nul_byte_in_the_path_is_a_400_or_404(officer_client: Client, path: str) -> None:
    assert officer_client.get(path).status_code in (400, 404)


@pytest.mark.parametrize("value", ["Smi\x00th", "x" * 5000])
def test_hostile_search_terms_are_not_a_server_error(officer_client: Client, value: str) -> None:
    assert officer_client.get(reverse("people:search"), {"q": value}).status_code < 500
    assert officer_client.get(reverse("people:caseload"), {"q": value}).status_code < 500
    assert officer_client.get(reverse("people:api-search"), {"q": value}).status_code < 500


@pytest.mark.parametrize("username", ["x" * 300, "off\x00icer", "é" * 151])
def test_a_hostile_username_is_a_form_error(username: str) -> None:
    client = Client(raise_request_exception=False)
    response = client.post(reverse("accounts:login"), {"username": username, "password": "anything"})
    assert response.status_code in (200, 400)
    if "\x00" not in username:
        assert "Username must be 150 characters or fewer" in response.content.decode()


def test_a_huge_year_in_a_case_form_is_a_form_error(officer_client: Client, officer_user) -> None:
    person = PersonFactory(officer=officer_user.staff)
    response = officer_client.post(
        reverse("people:alias-create", args=[person.crn]),
        {
            "first_name": "A",
            "surname": "B",
            "date_of_birth_0": "1",
            "date_of_birth_1": "1",
            "date_of_birth_2": "99999999999",
        },
    )
    assert response.status_code == 200
    assert "Year must include 4 numbers" in response.content.decode()
