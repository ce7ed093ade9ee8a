"""Every consultation of a case is audited, refusals included (issue 9, DPA 2018 s.62).

The walk goes through every URL pattern that names a CRN:
- a user denied the case (excluded), whether reading or changing it, and a CRN that does not exist
  each leave exactly one refusal row naming the CRN asked for, and nothing else, behind the 404;
- a permitted user's GET of each page that needs only a CRN leaves exactly one view row naming the
  CRN and the page.
Pages about one record (a URL with an object id too) are walked with the access matrices' fixtures:
every matrix GETs through ``probation.people.tests.access.get``, which checks the same (one view or
export row per page shown, one refusal row per 404), and this walk fails naming any such URL that no
matrix covers.
"""

import pytest
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter

from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.people.tests.factories import AddressFactory, PersonFactory
from tests.test_access_matrix_coverage import EXEMPT_NAMESPACES, _matrices, _patterns

pytestmark = pytest.mark.django_db


def _case_patterns() -> dict[str, dict]:
    """{URL name: converters} for every URL naming a CRN."""
    return {
        name: converters
        for name, _, converters in _patterns(get_resolver().url_patterns)
        if "crn" in converters and name and name.split(":")[0] not in EXEMPT_NAMESPACES
    }


CASE_URLS = sorted(_case_patterns())
CRN_ONLY_URLS = [name for name in CASE_URLS if set(_case_patterns()[name]) == {"crn"}]
# Pages that need another role than the case's officer, and the fixture giving it.
PERMITTED_USER = {
    "people:allocate": "spo_user",
    "people:supporting-officers": "spo_user",
    "people:transfer": "spo_user",
    "people:partner-share": "spo_user",
    "people:limited-access": "admin_user",
    "reports:request-create": "court_user",
}


# Words a URL takes besides the CRN (any id will do: a denied user is refused before it is read).
WORDS = {"register_type": "MAPP", "section": "accommodation", "team_code": "N01T01"}


def _url(name: str, crn: str) -> str:
    kwargs = {
        key: (1 if isinstance(converter, IntConverter) else WORDS[key])
        for key, converter in _case_patterns()[name].items()
        if key != "crn"
    }
    return reverse(name, kwargs={"crn": crn, **kwargs})


def test_the_walk_covers_every_url_naming_a_crn():
    assert CASE_URLS, "no URL names a CRN: the walk would prove nothing"
    covered = {name for urls in _matrices().values() for name in urls}

    uncovered = [name for name in CASE_URLS if name not in CRN_ONLY_URLS and name not in covered]

    assert not uncovered, f"Pages about a record walked by no access matrix: {uncovered}"


@pytest.mark.parametrize("name", CASE_URLS)
def test_a_denied_user_leaves_one_refusal_row(client, officer_user, name):
    case = PersonFactory(officer=officer_user.staff)
    access.exclude(case, officer_user)
    client.force_login(officer_user)

    response = client.get(_url(name, case.crn))

    assert response.status_code == 404, name
    assert access.audited() == [("refused", case.crn)], name


@pytest.mark.parametrize("name", [name for name in CASE_URLS if name != "people:api-person"])  # GET only
def test_a_denied_change_leaves_one_refusal_row_and_nothing_else(client, officer_user, name):
    case = PersonFactory(officer=officer_user.staff)
    access.exclude(case, officer_user)
    client.force_login(officer_user)

    response = client.post(_url(name, case.crn), {"version": "1"})

    assert response.status_code == 404, name
    assert access.audited() == [("refused", case.crn)], name


@pytest.mark.parametrize("name", CASE_URLS)
def test_a_crn_that_does_not_exist_leaves_one_refusal_row(client, officer_user, name):
    client.force_login(officer_user)

    response = client.get(_url(name, access.MISSING_CRN))

    assert response.status_code == 404, name
    assert access.audited() == [("refused", access.MISSING_CRN)], name
    assert AuditEvent.objects.get().detail["url_name"] == name


@pytest.mark.parametrize("name", CRN_ONLY_URLS)
def test_a_permitted_user_leaves_one_view_row_naming_the_page(client, request, officer_user, name):
    case = PersonFactory(officer=officer_user.staff)
    user = request.getfixturevalue(PERMITTED_USER.get(name, "officer_user"))
    client.force_login(user)

    response = client.get(_url(name, case.crn))

    assert response.status_code == 200, name
    assert access.audited() == [("view", case.crn)], name


def test_a_form_page_about_one_record_names_the_page_and_the_record(client, officer_user):
    case = PersonFactory(officer=officer_user.staff)
    address = AddressFactory(person=case)
    client.force_login(officer_user)

    response = client.get(reverse("people:address-edit", args=[case.crn, address.pk]))

    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id, event.detail) == (
        "view",
        case.crn,
        "address",
        str(address.pk),
        {"section": "addresses", "page": "address-edit"},
    )
