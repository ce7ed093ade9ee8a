"""National person search: identifiers, names with typos and partial names, aliases, date of birth,
and limited-access cases shown only as "restricted" with the CRN."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.people.models import Exclusion, Person, Restriction
from probation.people.search import person_search
from probation.people.tests.factories import AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "john": PersonFactory(first_name="John", surname="Johnson", pnc_number="2004/0046583U"),
        "jane": PersonFactory(first_name="Jane", surname="Smith", date_of_birth=dt.date(1990, 6, 1)),
        "other": PersonFactory(first_name="Oliver", surname="Brown"),
    }


def _crns(results):
    return [r.person.crn for r in results]


def test_search_by_crn_finds_exactly_that_person(officer_user, people):
    assert _crns(person_search(user=officer_user, text=people["jane"].crn.lower())) == [people["jane"].crn]


@pytest.mark.parametrize("pnc", ["2004/0046583U", "04/46583U", "2004/46583u"])
def test_search_by_pnc_number_in_any_written_form(officer_user, people, pnc):
    assert _crns(person_search(user=officer_user, text=pnc)) == [people["john"].crn]


@pytest.mark.parametrize(
    "text",
    ["John Johnson", "johnson", "Jonhson", "Jonson", "Johnsen", "jon johnsn", "Joh", "john johns"],
)
def test_search_by_name_tolerates_typos_and_partial_names(officer_user, people, text):
    assert people["john"].crn in _crns(person_search(user=officer_user, text=text))


def test_search_ranks_the_exact_match_first(officer_user, people):
    PersonFactory(first_name="Jon", surname="Johnston")

    assert _crns(person_search(user=officer_user, text="John Johnson"))[0] == people["john"].crn


def test_search_matches_aliases_and_says_which_alias(officer_user, people):
    AliasFactory(person=people["other"], first_name="Billy", surname="Kidd")

    results = person_search(user=officer_user, text="billy kidd")

    assert _crns(results) == [people["other"].crn]
    assert results[0].matched_alias == "Billy Kidd"


def test_search_by_date_of_birth_alone(officer_user, people):
    assert _crns(person_search(user=officer_user, date_of_birth=dt.date(1990, 6, 1))) == [people["jane"].crn]


def test_search_by_name_and_date_of_birth_narrows_results(officer_user, people):
    PersonFactory(first_name="Jane", surname="Smith", date_of_birth=dt.date(1970, 1, 1))

    results = person_search(user=officer_user, text="jane smith", date_of_birth=dt.date(1990, 6, 1))

    assert _crns(results) == [people["jane"].crn]


def test_search_by_an_alias_date_of_birth(officer_user, people):
    AliasFactory(
        person=people["other"], first_name="Olly", surname="Brown", date_of_birth=dt.date(1979, 2, 2)
    )

    assert _crns(person_search(user=officer_user, date_of_birth=dt.date(1979, 2, 2))) == [people["other"].crn]


def test_unrelated_names_are_not_returned(officer_user, people):
    assert person_search(user=officer_user, text="Zebedee Quartermaine") == []


def test_excluded_officer_sees_only_restricted_and_crn_in_search(client, officer_user, people):
    person = people["jane"]
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=person.pk).update(has_exclusions=True, exclusion_message="Conflict of interest")
    client.force_login(officer_user)

    # A denied case is found only by its exact CRN or PNC number (test_no_oracle.py).
    body = client.get(reverse("people:search"), {"q": person.crn}).content.decode()

    assert person.crn in body
    assert "Restricted" in body
    assert "Conflict of interest" in body
    assert "Jane" not in body.split("Results")[1]
    assert reverse("people:case-overview", args=[person.crn]) not in body


def test_restricted_case_shows_only_crn_to_users_not_on_the_list(client, officer_user, people):
    person = people["jane"]
    Restriction.objects.create(person=person, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=person.pk).update(is_restricted=True)
    outsider = type(officer_user).objects.create_user("outsider", role="practitioner", staff=None)
    client.force_login(outsider)

    body = client.get(reverse("people:search"), {"q": person.crn}).content.decode()

    assert "Restricted" in body
    assert person.first_name not in body.split("Results")[1]


def test_search_api_returns_only_crn_for_restricted_cases(client, officer_user, people):
    person = people["jane"]
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=person.pk).update(has_exclusions=True)
    client.force_login(officer_user)

    data = client.get(reverse("people:api-search"), {"q": person.crn}).json()

    assert data["results"] == [{"crn": person.crn, "restricted": True}]
    assert client.get(reverse("people:api-search"), {"q": "smith"}).json()["results"] == []


def test_search_page_without_any_criteria_shows_an_error(client, officer_user):
    client.force_login(officer_user)

    response = client.get(reverse("people:search"), {"q": "", "dob_0": "", "dob_1": "", "dob_2": ""})

    assert response.status_code == 200
    assert "Enter a CRN, PNC number, name or date of birth" in response.content.decode()


def test_search_page_with_an_impossible_date_shows_an_error(client, officer_user):
    client.force_login(officer_user)

    response = client.get(reverse("people:search"), {"q": "", "dob_0": "31", "dob_1": "2", "dob_2": "1990"})

    assert "govuk-error-summary" in response.content.decode()


def test_every_search_is_audited_with_its_terms(client, officer_user, people):
    client.force_login(officer_user)

    client.get(reverse("people:search"), {"q": "johnson"})

    event = AuditEvent.objects.get(action="search")
    assert (event.username, event.detail["query"], event.detail["results"]) == ("officer", "johnson", 1)
    assert event.page == "/search"


def test_search_query_count_does_not_grow_with_results(client, officer_user):
    client.force_login(officer_user)
    client.get(reverse("people:search"))  # the first page renews the session; later ones need not
    for _ in range(3):
        PersonFactory(surname="Taylor")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:search"), {"q": "taylor"})
    for _ in range(20):
        AliasFactory(person=PersonFactory(surname="Taylor"), surname="Taylor")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("people:search"), {"q": "taylor"})

    assert len(many) == len(few)


def test_a_common_name_lists_exact_matches_in_name_order_before_near_misses(officer_user, settings):
    settings.SEARCH_RESULT_LIMIT = 5
    for first in ("Zoe", "Amy", "Bea", "Cal", "Dan", "Eve"):
        PersonFactory(first_name=first, surname="Taylor")
    PersonFactory(first_name="Aaron", surname="Tayler")

    results = person_search(user=officer_user, text="taylor")

    assert [r.person.first_name for r in results] == ["Amy", "Bea", "Cal", "Dan", "Eve"]
    assert {r.score for r in results} == {100.0}


def test_people_with_the_name_come_before_those_matched_by_an_alias_or_former_name(officer_user, settings):
    settings.SEARCH_RESULT_LIMIT = 3
    alias_only = PersonFactory(first_name="Aaron", surname="Abbott")
    AliasFactory(person=alias_only, first_name="Aaron", surname="Ward")
    PersonFactory(first_name="Abe", surname="Adams", previous_surname="Ward")
    for first in ("Cy", "Di", "Ed"):
        PersonFactory(first_name=first, surname="Ward")

    results = person_search(user=officer_user, text="ward")

    assert [r.person.first_name for r in results] == ["Cy", "Di", "Ed"]


def test_a_former_last_name_finds_the_person(officer_user):
    person = PersonFactory(first_name="Abe", surname="Adams", previous_surname="Wardle")

    assert [r.person.crn for r in person_search(user=officer_user, text="wardle")] == [person.crn]


def test_the_person_with_both_names_comes_first(officer_user):
    PersonFactory(first_name="Craig", middle_names="John", surname="Smith")
    exact = PersonFactory(first_name="John", surname="Smith")

    assert person_search(user=officer_user, text="john smith")[0].person == exact
