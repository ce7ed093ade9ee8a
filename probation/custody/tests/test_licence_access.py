"""The licence pages and the recall report (Part A) against every kind of user: anonymous, the officer
and senior PO of the case's PDU, roles that only read, AP staff, another PDU, excluded, restricted,
partner and administrator. Denied users get exactly the page a missing CRN or id gets; a denied change
writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.core import clock
from probation.custody.models import CustodyLicence, DraftCondition, RecallReport
from probation.custody.tests.conftest import TODAY
from probation.custody.tests.factories import decided_recall, released_licence
from probation.people.tests import access

pytestmark = pytest.mark.django_db

LICENCE = "custody:licence"
RECORD_FORMS = ["custody:licence-start", "custody:condition-add", "custody:licence-release"]
CONDITION_FORMS = ["custody:condition-change", "custody:condition-remove"]
REPORT = "custody:recall-report"
PDF = "custody:recall-report-pdf"
FORMS = [*RECORD_FORMS, *CONDITION_FORMS, REPORT]
PAGES = [LICENCE, *FORMS, PDF]
MATRIX_URLS = PAGES
MISSING_ID = 999_999


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: TODAY)


@pytest.fixture
def setup(case, officer_user, spo_user):
    case.date_of_birth = dt.date(1990, 5, 1)
    case.save()
    record = released_licence(case, officer_user)
    recall = decided_recall(case, officer_user, spo_user, record)
    RecallReport.objects.create(recall=recall, victims_in_scheme="no", completed_by=officer_user)
    return {"record": record, "recall": recall, "condition": DraftCondition.objects.get()}


def _url(name, setup, *, crn=None, missing=None):
    crn = crn or setup["record"].person.crn
    record, recall, condition = setup["record"].pk, setup["recall"].pk, setup["condition"].pk
    if missing == "id":
        record = recall = condition = MISSING_ID
    if name in (REPORT, PDF):
        return reverse(name, args=[crn, recall])
    if name in CONDITION_FORMS:
        return reverse(name, args=[crn, record, condition])
    return reverse(name, args=[crn, record])


def _get(client, user, name, setup, **kwargs):
    return access.get(client, user, _url(name, setup, **kwargs))


def _state():
    return (
        list(CustodyLicence.objects.values_list("pk", "version", "status")),
        list(DraftCondition.objects.values_list("pk", "version")),
        list(RecallReport.objects.values_list("pk", "version")),
        AuditEvent.objects.exclude(action__in=["refused", "view", "export"]).count(),
    )


def _assert_denied(client, user, name, setup):
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, setup), _get(client, user, name, setup, crn=access.MISSING_CRN)
    )
    if name != PDF:
        assert client.post(_url(name, setup), {"version": 1}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_users_are_sent_to_sign_in(client, setup, name):
    access.assert_sent_to_sign_in(client.get(_url(name, setup)))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO])
def test_staff_of_the_cases_pdu_open_every_page(client, setup, role, name):
    user = access.team_user(role, setup["record"].person)
    assert _get(client, user, name, setup).status_code == 200


@pytest.mark.parametrize("name", [*FORMS, PDF])
@pytest.mark.parametrize("role", [Role.VLO, Role.CASE_ADMIN, Role.COURT_OFFICER])
def test_roles_that_only_read_see_the_licence_and_nothing_else(client, setup, role, name):
    user = access.team_user(role, setup["record"].person)
    assert _get(client, user, LICENCE, setup).status_code == 200
    _assert_denied(client, user, name, setup)


@pytest.mark.parametrize("name", PAGES)
def test_approved_premises_staff_see_nothing_of_a_case_not_resident_with_them(client, setup, name):
    _assert_denied(client, access.team_user(Role.AP_STAFF, setup["record"].person), name, setup)


@pytest.mark.parametrize("name", FORMS)
def test_a_senior_po_of_another_pdu_reads_but_cannot_change(client, setup, name):
    user = access.other_pdu_user()
    assert _get(client, user, LICENCE, setup).status_code == 200
    assert _get(client, user, PDF, setup).status_code == 200
    _assert_denied(client, user, name, setup)


@pytest.mark.parametrize("name", PAGES)
def test_a_missing_id_is_the_same_404(client, setup, officer_user, name):
    assert _get(client, officer_user, name, setup, missing="id").status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_an_excluded_officer_gets_the_page_a_missing_case_gets(client, setup, officer_user, name):
    access.exclude(setup["record"].person, officer_user)
    _assert_denied(client, officer_user, name, setup)


@pytest.mark.parametrize("name", PAGES)
def test_an_officer_not_on_the_restriction_list_gets_not_found(client, setup, officer_user, name):
    access.restrict_to_someone_else(setup["record"].person)
    _assert_denied(client, officer_user, name, setup)


@pytest.mark.parametrize("name", PAGES)
def test_partners_even_with_a_share_and_administrators_get_not_found(client, setup, admin_user, name):
    partner = access.partner_user()
    access.share(setup["record"].person, partner)
    for user in (partner, admin_user):
        access.assert_same_as_missing(
            _get(client, user, name, setup), _get(client, user, name, setup, crn=access.MISSING_CRN)
        )
