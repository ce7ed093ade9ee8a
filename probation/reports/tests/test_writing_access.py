"""The report editor and its autosave against every kind of user (issue 11: court officer, author,
senior PO, other PDU, excluded, restricted, partner; anonymous and system administrator too). Only
the author writes; a senior PO of the author's team reads; everyone else gets the page a missing CRN
gets, and a denied save changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.reports.models import Report
from probation.reports.services.writing import report_open
from probation.reports.tests.writing_setup import allocated_request

pytestmark = pytest.mark.django_db

PAGE = "reports:report"
AUTOSAVE = "reports:report-autosave"
MATRIX_URLS = [PAGE, AUTOSAVE]


@pytest.fixture
def report(officer_user):
    return report_open(actor=officer_user, request=allocated_request(officer_user))


def _url(name, report, crn=None):
    return reverse(name, args=[crn or report.request.person.crn, report.request_id])


def _state(report):
    return (
        list(Report.objects.values_list("pk", "version", "rationale")),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


def _assert_denied(client, user, report):
    before = _state(report)
    denied = access.get(client, user, _url(PAGE, report))
    missing = access.get(client, user, _url(PAGE, report, crn=access.MISSING_CRN))
    access.assert_same_as_missing(denied, missing)
    post = {"version": str(report.version), "rationale": "Not mine."}
    assert client.post(_url(PAGE, report), post).status_code == 404
    assert client.post(_url(AUTOSAVE, report), post).status_code == 404
    assert _state(report) == before


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, report, name):
    before = _state(report)

    response = client.post(_url(name, report), {"version": "1", "rationale": "x"})

    access.assert_sent_to_sign_in(response)
    access.assert_sent_to_sign_in(client.get(_url(PAGE, report)))
    assert _state(report) == before


def test_the_author_opens_and_saves(client, officer_user, report):
    response = access.get(client, officer_user, _url(PAGE, report))

    assert response.status_code == 200
    assert b"Save draft" in response.content
    assert client.post(_url(AUTOSAVE, report), {"version": "1", "rationale": "Mine."}).json()["saved"] is True


def test_a_senior_po_of_the_authors_team_reads_but_cannot_save(client, officer_user, report, team):
    senior = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))
    before = _state(report)

    response = access.get(client, senior, _url(PAGE, report))

    assert response.status_code == 200
    assert b"Save draft" not in response.content
    post = {"version": "1", "rationale": "Not mine."}
    assert client.post(_url(PAGE, report), post).status_code == 404
    assert client.post(_url(AUTOSAVE, report), post).status_code == 404
    assert _state(report) == before


def test_a_court_officer_gets_not_found(client, report, team):
    _assert_denied(
        client, UserFactory(role=Role.COURT_OFFICER, staff=StaffFactory(team=team, grade="CO")), report
    )


def test_another_officer_of_the_same_team_gets_not_found(client, report, team):
    _assert_denied(client, UserFactory(role=Role.PRACTITIONER, staff=StaffFactory(team=team)), report)


def test_a_senior_po_of_another_pdu_gets_not_found(client, report):
    _assert_denied(client, access.other_pdu_user(), report)


def test_an_excluded_author_gets_not_found(client, officer_user, report):
    access.exclude(report.request.person, officer_user)

    _assert_denied(client, officer_user, report)


def test_an_author_not_on_the_restriction_list_gets_not_found(client, officer_user, report):
    access.restrict_to_someone_else(report.request.person)

    _assert_denied(client, officer_user, report)


def test_a_partner_gets_not_found_even_for_a_shared_case(client, report):
    partner = access.partner_user(agency="Police")
    access.share(report.request.person, partner, expires_on=dt.date(2099, 1, 1))

    _assert_denied(client, partner, report)


def test_a_system_administrator_gets_not_found(client, admin_user, report):
    _assert_denied(client, admin_user, report)


def test_a_request_of_another_person_is_not_found_under_this_crn(client, officer_user, report):
    other = allocated_request(officer_user)

    response = access.get(client, officer_user, reverse(PAGE, args=[other.person.crn, report.request_id]))

    assert response.status_code == 404
