"""Every parole page against every kind of user: anonymous, the case's officer and senior PO, the
author, roles that only read, another PDU, excluded, restricted, partner, administrator. Denied users
get exactly the page a missing CRN gets; a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.parole.models import GovernorReport, ParoleReview
from probation.parole.tests.factories import governor_report, lifer, parole_review
from probation.people.tests import access

pytestmark = pytest.mark.django_db

CASE = "parole:case"
CASE_FORMS = ["parole:review-request", "parole:governor-request"]
REVIEW_READ = ["parole:review", "parole:review-pdf"]
REVIEW_FORMS = ["parole:review-sign", "parole:review-hearing"]
AUTOSAVE = "parole:review-autosave"
GOVERNOR = "parole:governor-report"
MATRIX_URLS = [CASE, *CASE_FORMS, *REVIEW_READ, *REVIEW_FORMS, AUTOSAVE, GOVERNOR]
GETS = [CASE, *CASE_FORMS, *REVIEW_READ, *REVIEW_FORMS, GOVERNOR]
MISSING_ID = 999_999


@pytest.fixture
def records(case, officer_user):
    custody = lifer(case)
    return parole_review(case, author=officer_user, custody=custody), governor_report(
        case, author=officer_user, custody=custody
    )


def _url(name, crn, records, object_id=None):
    review, report = records
    if name in (CASE, *CASE_FORMS):
        return reverse(name, args=[crn])
    if name == GOVERNOR:
        return reverse(name, args=[crn, object_id or report.pk])
    return reverse(name, args=[crn, object_id or review.pk])


def _get(client, user, name, records, *, crn=None, object_id=None):
    return access.get(client, user, _url(name, crn or records[0].person.crn, records, object_id))


def _state():
    return (
        list(ParoleReview.objects.values_list("pk", "version", "status", "decision")),
        list(GovernorReport.objects.values_list("pk", "version", "status")),
        AuditEvent.objects.exclude(action__in=["refused", "view", "export"]).count(),
    )


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, records, name):
    access.assert_sent_to_sign_in(client.get(_url(name, records[0].person.crn, records)))


@pytest.mark.parametrize("name", GETS)
def test_the_author_opens_every_page(client, records, officer_user, name):
    assert _get(client, officer_user, name, records).status_code == 200


@pytest.mark.parametrize("name", [CASE, *CASE_FORMS, *REVIEW_READ, "parole:review-hearing"])
def test_a_senior_po_of_the_pdu_opens_the_pages_and_records_hearings(client, records, name):
    user = access.team_user(Role.SENIOR_PO, records[0].person)
    assert _get(client, user, name, records).status_code == 200


@pytest.mark.parametrize("name", ["parole:review-sign", GOVERNOR])
def test_only_the_author_signs_or_writes(client, records, name):
    user = access.team_user(Role.SENIOR_PO, records[0].person)
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, records), _get(client, user, name, records, crn=access.MISSING_CRN)
    )
    assert client.post(_url(name, records[0].person.crn, records), {"version": 1}).status_code == 404
    assert _state() == before


def test_only_the_author_autosaves(client, records):
    user = access.team_user(Role.SENIOR_PO, records[0].person)
    client.force_login(user)
    response = client.post(
        _url(AUTOSAVE, records[0].person.crn, records), {"version": 1, "current_risk": "x"}
    )
    assert response.status_code == 404
    assert ParoleReview.objects.get().current_risk == ""


@pytest.mark.parametrize("name", [*CASE_FORMS, *REVIEW_FORMS, GOVERNOR])
def test_a_case_administrator_reads_but_changes_nothing(client, records, name):
    user = access.team_user(Role.CASE_ADMIN, records[0].person)
    assert _get(client, user, CASE, records).status_code == 200
    assert _get(client, user, "parole:review", records).status_code == 200
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, records), _get(client, user, name, records, crn=access.MISSING_CRN)
    )
    assert client.post(_url(name, records[0].person.crn, records), {"version": 1}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", GETS)
@pytest.mark.parametrize("role", [Role.VLO, Role.COURT_OFFICER, Role.AP_STAFF])
def test_roles_without_parole_access_get_not_found(client, records, role, name):
    user = access.team_user(role, records[0].person)
    access.assert_same_as_missing(
        _get(client, user, name, records), _get(client, user, name, records, crn=access.MISSING_CRN)
    )


@pytest.mark.parametrize("name", [*CASE_FORMS, *REVIEW_FORMS, GOVERNOR])
def test_an_officer_of_another_pdu_reads_but_cannot_change(client, records, name):
    user = access.other_pdu_user()
    assert _get(client, user, CASE, records).status_code == 200
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, records), _get(client, user, name, records, crn=access.MISSING_CRN)
    )
    assert client.post(_url(name, records[0].person.crn, records), {"version": 1}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", [*REVIEW_READ, *REVIEW_FORMS, GOVERNOR])
def test_a_missing_or_another_persons_record_is_the_same_404(client, records, officer_user, name):
    from probation.people.tests.factories import PersonFactory

    other = PersonFactory(
        officer=officer_user.staff, team=officer_user.staff.team, pdu=officer_user.staff.team.pdu
    )
    assert _get(client, officer_user, name, records, object_id=MISSING_ID).status_code == 404
    assert _get(client, officer_user, name, records, crn=other.crn).status_code == 404


@pytest.mark.parametrize("name", GETS)
def test_an_excluded_officer_gets_the_page_a_missing_case_gets(client, records, officer_user, name):
    access.exclude(records[0].person, officer_user)
    before = _state()
    access.assert_same_as_missing(
        _get(client, officer_user, name, records),
        _get(client, officer_user, name, records, crn=access.MISSING_CRN),
    )
    assert _state() == before


@pytest.mark.parametrize("name", GETS)
def test_an_officer_not_on_the_restriction_list_gets_not_found(client, records, officer_user, name):
    access.restrict_to_someone_else(records[0].person)
    access.assert_same_as_missing(
        _get(client, officer_user, name, records),
        _get(client, officer_user, name, records, crn=access.MISSING_CRN),
    )


@pytest.mark.parametrize("name", GETS)
def test_partners_even_with_a_share_and_administrators_get_not_found(client, records, admin_user, name):
    partner = access.partner_user()
    access.share(records[0].person, partner)
    for user in (partner, admin_user):
        access.assert_same_as_missing(
            _get(client, user, name, records), _get(client, user, name, records, crn=access.MISSING_CRN)
        )
