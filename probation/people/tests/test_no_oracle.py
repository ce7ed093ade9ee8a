"""No oracle on people a user may not see (issue 9 item 2, ADR 0021): rows the user is denied by
an exclusion or restriction match only their exact CRN or PNC number, never a name, alias or date
of birth, and never take part in a caseload's sort order."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import UserFactory
from probation.people.models import Exclusion, Restriction
from probation.people.search import person_search
from probation.people.tests.factories import AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db

SECRET_DOB = dt.date(1971, 8, 14)


@pytest.fixture
def excluded(officer_user):
    """A case on the officer's own caseload that the officer is excluded from."""
    person = PersonFactory(
        officer=officer_user.staff,
        first_name="Quentin",
        surname="Zebedee",
        date_of_birth=SECRET_DOB,
        pnc_number="2001/0012345K",
        has_exclusions=True,
    )
    AliasFactory(person=person, first_name="Quinn", surname="Marsh")
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    return person


@pytest.fixture
def restricted(officer_user):
    """A restricted case the officer is not on the list for."""
    person = PersonFactory(
        officer=officer_user.staff, first_name="Ursula", surname="Abbot", is_restricted=True
    )
    Restriction.objects.create(person=person, user=UserFactory(), added_by=officer_user)
    return person


@pytest.fixture
def seen(officer_user):
    return [
        PersonFactory(officer=officer_user.staff, first_name="Sam", surname=surname, date_of_birth=dob)
        for surname, dob in (("Mills", dt.date(1960, 1, 1)), ("Young", dt.date(1999, 1, 1)))
    ]


def _caseload(client, **params):
    return [
        (row.crn, row.restricted) for row in client.get(reverse("people:caseload"), params).context["rows"]
    ]


@pytest.mark.parametrize("prefix", ["z", "ze", "zeb", "zebedee", "Zebedee"])
def test_caseload_filter_never_matches_a_denied_row_by_last_name(client, officer_user, excluded, prefix):
    client.force_login(officer_user)

    assert _caseload(client, q=prefix) == []


def test_caseload_filter_finds_a_denied_row_by_its_exact_crn_or_pnc(client, officer_user, excluded, seen):
    client.force_login(officer_user)

    assert _caseload(client, q=excluded.crn.lower()) == [(excluded.crn, True)]
    assert _caseload(client, q="01/12345K") == [(excluded.crn, True)]


def test_caseload_filter_still_finds_visible_rows_by_last_name(client, officer_user, excluded, seen):
    client.force_login(officer_user)

    assert _caseload(client, q="mil") == [(seen[0].crn, False)]


@pytest.mark.parametrize("sort", ["name", "-name", "dob", "-dob", "crn", "-crn", "nonsense"])
def test_denied_rows_sort_after_visible_rows_by_crn_whatever_the_sort(
    client, officer_user, excluded, restricted, seen, sort
):
    client.force_login(officer_user)

    rows = _caseload(client, sort=sort)

    assert [restricted for _, restricted in rows] == [False, False, True, True]
    assert [crn for crn, _ in rows[2:]] == sorted([excluded.crn, restricted.crn])


def test_sorting_by_name_or_dob_cannot_bracket_a_denied_row(client, officer_user, excluded, seen):
    """Before the fix the denied row sat between Mills and Young by name, and by date of birth."""
    client.force_login(officer_user)

    orders = {
        sort: [crn for crn, _ in _caseload(client, sort=sort)] for sort in ("name", "-name", "dob", "-dob")
    }

    assert {tuple(order[2:]) for order in orders.values()} == {(excluded.crn,)}


@pytest.mark.parametrize(
    ("text", "dob"),
    [
        ("zebedee", None),
        ("zebedy", None),  # a typo
        ("ze", None),  # a two-letter prefix
        ("qu ze", None),  # initials probing
        ("quentin", None),
        ("quinn marsh", None),  # an alias
        ("", SECRET_DOB),
        ("zebedee", SECRET_DOB),
    ],
)
def test_search_never_matches_a_denied_case_by_name_alias_or_date_of_birth(officer_user, excluded, text, dob):
    assert person_search(user=officer_user, text=text, date_of_birth=dob) == []


def test_search_never_matches_a_restricted_case_by_name(officer_user, restricted):
    assert person_search(user=officer_user, text="abbot") == []
    assert person_search(user=officer_user, text="ursula abbot") == []


@pytest.mark.parametrize("text", ["crn", "2001/0012345K", "01/12345k"])
def test_search_finds_a_denied_case_by_exact_crn_or_pnc_as_restricted(officer_user, excluded, text):
    text = excluded.crn if text == "crn" else text

    results = person_search(user=officer_user, text=text)

    assert [(r.person.crn, r.person.lao_excluded) for r in results] == [(excluded.crn, True)]


def test_search_still_finds_the_case_for_a_user_who_may_see_it(spo_user, excluded):
    assert [r.person.crn for r in person_search(user=spo_user, text="zebedy")] == [excluded.crn]
    assert [r.person.crn for r in person_search(user=spo_user, text="", date_of_birth=SECRET_DOB)] == [
        excluded.crn
    ]


def test_search_api_never_matches_a_denied_case_by_name(client, officer_user, excluded):
    client.force_login(officer_user)

    assert client.get(reverse("people:api-search"), {"q": "ze"}).json() == {"results": []}
    assert client.get(reverse("people:api-search"), {"q": excluded.crn}).json() == {
        "results": [{"crn": excluded.crn, "restricted": True}]
    }


def test_search_page_never_matches_a_denied_case_by_date_of_birth(client, officer_user, excluded):
    client.force_login(officer_user)

    response = client.get(
        reverse("people:search"),
        {"q": "", "dob_0": SECRET_DOB.day, "dob_1": SECRET_DOB.month, "dob_2": SECRET_DOB.year},
    )

    assert response.context["rows"] == []
