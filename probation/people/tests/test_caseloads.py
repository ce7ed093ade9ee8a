"""Caseload lists: sorting, filtering, pagination, constant query counts, export and team views."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.people.models import Exclusion, Person
from probation.people.tests.factories import AddressFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _names(response):
    return [row.name for row in response.context["rows"]]


def test_caseload_lists_only_my_cases_sorted_by_name(client, officer_user):
    for surname in ("Young", "Adams", "Mills"):
        PersonFactory(officer=officer_user.staff, surname=surname, first_name="Sam")
    PersonFactory(officer=StaffFactory(team=officer_user.staff.team), surname="Other")
    client.force_login(officer_user)

    response = client.get(reverse("people:caseload"))

    assert _names(response) == ["ADAMS, Sam", "MILLS, Sam", "YOUNG, Sam"]


def test_caseload_sorts_descending_and_filters(client, officer_user):
    for surname in ("Young", "Adams", "Mills"):
        PersonFactory(officer=officer_user.staff, surname=surname, first_name="Sam")
    client.force_login(officer_user)

    assert _names(client.get(reverse("people:caseload"), {"sort": "-name"})) == [
        "YOUNG, Sam",
        "MILLS, Sam",
        "ADAMS, Sam",
    ]
    assert _names(client.get(reverse("people:caseload"), {"q": "mil"})) == ["MILLS, Sam"]


def test_caseload_is_paginated(client, officer_user, settings):
    settings.PAGE_SIZE = 5
    for _ in range(12):
        PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    page3 = client.get(reverse("people:caseload"), {"page": 3})

    assert len(page3.context["rows"]) == 2
    assert "Page 3 of 3" in page3.content.decode()


def test_caseload_query_count_is_constant(client, officer_user):
    client.force_login(officer_user)
    client.get(reverse("people:caseload"))  # the first page renews the session; later ones need not
    for _ in range(2):
        AddressFactory(person=PersonFactory(officer=officer_user.staff))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:caseload"))
    for _ in range(20):
        AddressFactory(person=PersonFactory(officer=officer_user.staff))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("people:caseload"))

    assert len(many) == len(few)
    assert (
        len(many) <= 10
    )  # session, user+staff+team, count, audit (savepoint, lock, insert, update, release), rows, addresses


def test_excluded_case_on_my_caseload_shows_only_restricted_and_crn(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="Hidden", has_exclusions=True)
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    client.force_login(officer_user)

    body = client.get(reverse("people:caseload")).content.decode()

    assert person.crn in body
    assert "Restricted" in body
    assert "HIDDEN" not in body


def test_caseload_export_never_leaks_restricted_cases_and_is_audited(client, officer_user):
    visible = PersonFactory(officer=officer_user.staff, surname="Seen")
    hidden = PersonFactory(officer=officer_user.staff, surname="Hidden", has_exclusions=True)
    Exclusion.objects.create(person=hidden, user=officer_user, added_by=officer_user)
    client.force_login(officer_user)

    response = client.get(reverse("people:caseload-export"))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["CRN", "Name", "Date of birth", "Location"]
    assert [hidden.crn, "Restricted", "", ""] in rows
    assert any(r[0] == visible.crn and r[1] == "SEEN, " + visible.first_name for r in rows)
    assert "Hidden" not in response.content.decode()
    assert AuditEvent.objects.get(action="export").detail["rows"] == 2


def test_team_manager_sees_team_caseloads(client, spo_user, officer_user):
    for _ in range(3):
        PersonFactory(officer=officer_user.staff)
    client.force_login(spo_user)

    team_page = client.get(reverse("people:team"))
    member_page = client.get(reverse("people:officer-caseload", args=[officer_user.staff.code]))

    assert (officer_user.staff, 3) in team_page.context["members"]
    assert len(member_page.context["rows"]) == 3


def test_team_manager_cannot_open_another_teams_caseload(client, spo_user):
    stranger = StaffFactory()
    client.force_login(spo_user)

    assert client.get(reverse("people:officer-caseload", args=[stranger.code])).status_code == 404


def test_partner_sees_only_shared_cases_in_their_list(client, officer_user):
    from probation.people.models import PartnerShare

    partner = UserFactory(role="partner", staff=None)
    shared = PersonFactory(officer=officer_user.staff)
    PersonFactory(officer=officer_user.staff)
    PartnerShare.objects.create(
        person=shared, user=partner, reason="MAPPA", granted_by=officer_user, expires_on="2099-01-01"
    )
    client.force_login(partner)

    response = client.get(reverse("people:shared"))

    assert [r.crn for r in response.context["rows"]] == [shared.crn]
    assert Person.objects.count() == 2


def test_caseload_export_neutralises_cells_a_spreadsheet_would_run_as_formulas(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="=HYPERLINK(1)", first_name="Al")
    AddressFactory(person=person, town_city="@SUM(1)", postcode="")
    client.force_login(officer_user)

    rows = list(csv.reader(io.StringIO(client.get(reverse("people:caseload-export")).content.decode())))

    assert rows[1] == [person.crn, "'=HYPERLINK(1), Al", "1985-03-27", "'@SUM(1)"]
