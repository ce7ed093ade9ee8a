"""Every report request page and court performance against every kind of user: anonymous, court
officer, author, senior PO, another PDU or region, excluded, restricted, partner, roles without
court work. Denied users get exactly the page a missing CRN or request gets; a denied change writes
nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.reports.models import ReportRequest
from probation.reports.tests.factories import ReportRequestFactory

pytestmark = pytest.mark.django_db

CASE_VIEW_PAGES = ["reports:request-case-list", "reports:request-detail"]
CREATE_PAGE = "reports:request-create"
CHANGE_PAGES = ["reports:request-allocate", "reports:request-withdraw", "reports:request-type-delivered"]
CASE_PAGES = [*CASE_VIEW_PAGES, CREATE_PAGE, *CHANGE_PAGES]
TEAM_PAGES = ["reports:request-list", "reports:performance", "reports:performance-csv"]
MATRIX_URLS = [*CASE_PAGES, *TEAM_PAGES]
MISSING_ID = 999_999


@pytest.fixture
def report_request(court, person, author):
    return ReportRequestFactory(court=court, person=person, status="allocated", author=author)


def _url(name, crn, request_id):
    if name in ("reports:request-case-list", CREATE_PAGE):
        return reverse(name, args=[crn])
    return reverse(name, args=[crn, request_id])


def _get(client, user, name, report_request, *, crn=None, request_id=None):
    url = _url(name, crn or report_request.person.crn, request_id or report_request.pk)
    return access.get(client, user, url)


def _user(role, pdu, grade="PO"):
    return UserFactory(role=role, staff=StaffFactory(team=TeamFactory(pdu=pdu), grade=grade))


def _state():
    return (
        list(ReportRequest.objects.values_list("pk", "status", "author_id", "type_delivered", "version")),
        AuditEvent.objects.exclude(action__in=["refused", "view"]).count(),
    )


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, report_request, name):
    url = reverse(name) if name in TEAM_PAGES else _url(name, report_request.person.crn, report_request.pk)
    access.assert_sent_to_sign_in(client.get(url))


@pytest.mark.parametrize("name", CASE_PAGES)
def test_a_court_officer_of_the_region_opens_every_page(client, report_request, name):
    officer = _user(Role.COURT_OFFICER, PDUFactory(region=report_request.court.pdu.region), grade="CO")
    assert _get(client, officer, name, report_request).status_code == 200


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_the_court_team_and_senior_pos_see_the_list_and_performance(client, court_officer, spo_user, name):
    for user in (court_officer, spo_user):
        assert access.get(client, user, reverse(name)).status_code == 200


@pytest.mark.parametrize("name", CASE_PAGES)
def test_the_author_reads_the_request_and_changes_nothing(client, report_request, author, name):
    response = _get(client, author, name, report_request)
    if name in CASE_VIEW_PAGES:
        assert response.status_code == 200
    else:
        missing = _get(client, author, name, report_request, request_id=MISSING_ID, crn=access.MISSING_CRN)
        access.assert_same_as_missing(response, missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_a_senior_po_of_the_courts_pdu_allocates_but_does_not_record(client, report_request, spo_user, name):
    response = _get(client, spo_user, name, report_request)
    if name == CREATE_PAGE:
        access.assert_same_as_missing(
            response, _get(client, spo_user, name, report_request, crn=access.MISSING_CRN)
        )
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES)
@pytest.mark.parametrize("role", [Role.SENIOR_PO, Role.COURT_OFFICER])
def test_staff_outside_the_courts_scope_cannot_change_the_request(client, report_request, role, name):
    # A senior PO of another PDU in the region; a court officer of another region.
    region = report_request.court.pdu.region
    user = _user(role, PDUFactory(region=region) if role == Role.SENIOR_PO else PDUFactory())
    denied = _get(client, user, name, report_request)
    missing = _get(client, user, name, report_request, request_id=MISSING_ID)
    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_an_excluded_court_officer_gets_the_page_a_missing_case_gets(
    client, report_request, court_officer, name
):
    access.exclude(report_request.person, court_officer)
    denied = _get(client, court_officer, name, report_request)
    missing = _get(client, court_officer, name, report_request, crn=access.MISSING_CRN)
    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_a_court_officer_not_on_the_restriction_list_gets_not_found(
    client, report_request, court_officer, name
):
    access.restrict_to_someone_else(report_request.person)
    denied = _get(client, court_officer, name, report_request)
    missing = _get(client, court_officer, name, report_request, crn=access.MISSING_CRN)
    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", CASE_PAGES)
def test_a_partner_never_sees_court_reports_even_when_the_case_is_shared(client, report_request, name):
    partner = access.partner_user()
    access.share(report_request.person, partner)
    denied = _get(client, partner, name, report_request)
    missing = _get(client, partner, name, report_request, crn=access.MISSING_CRN)
    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("role", [Role.VLO, Role.AP_STAFF, Role.CASE_ADMIN, Role.SYSTEM_ADMIN])
def test_roles_without_court_work_never_see_report_requests(client, report_request, role):
    user = UserFactory(role=role)
    for name in CASE_PAGES:
        denied = _get(client, user, name, report_request)
        missing = _get(client, user, name, report_request, crn=access.MISSING_CRN)
        access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.VLO, Role.CASE_ADMIN, Role.PARTNER, Role.SYSTEM_ADMIN]
)
def test_only_the_court_team_and_senior_pos_see_the_list_and_performance(client, role):
    user = access.partner_user() if role == Role.PARTNER else UserFactory(role=role)
    for name in TEAM_PAGES:
        assert access.get(client, user, reverse(name)).status_code == 404


def test_denied_changes_change_nothing(client, report_request, author):
    outsider = _user(Role.COURT_OFFICER, PDUFactory(), grade="CO")
    before = _state()
    posts = {
        "reports:request-allocate": {"author": author.pk, "version": 1},
        "reports:request-withdraw": {"reason": "No longer needed", "version": 1},
        "reports:request-type-delivered": {"type_delivered": "oral", "version": 1},
    }
    for user in (outsider, author):
        client.force_login(user)
        for name, data in posts.items():
            response = client.post(_url(name, report_request.person.crn, report_request.pk), data)
            assert response.status_code == 404, (user, name)
    client.force_login(author)
    response = client.post(
        _url(CREATE_PAGE, report_request.person.crn, None),
        {"court": report_request.court_id, "type_requested": "oral", "remand_status": "custody"},
    )
    assert response.status_code == 404
    assert _state() == before
