"""The sign-off pages against every kind of user: the court officer, the author, a senior PO of the
team, staff of another PDU, an excluded or restricted user, a partner (even with a share). The report
page and the PDF are for staff who may read the case; signing only for the author; countersigning only
for the senior PO the author named; the oral record only for the author of an oral request. Denied
users get exactly the page a missing CRN gets, the refusal is audited, and a denied POST changes
nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.reports.models import Report, ReportStep
from probation.reports.services.signoff import SignChoice, report_sign
from probation.reports.tests.factories import ReportRequestFactory
from probation.reports.tests.signoff_fixtures import report_for

pytestmark = pytest.mark.django_db

READ = ["reports:report-print", "reports:report-pdf"]
POLICY = "reports:report-countersignature-policy"
MATRIX_URLS = [*READ, "reports:report-sign", "reports:report-countersign", "reports:report-oral", POLICY]


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def report(person, officer_user):
    return report_for(person, officer_user)


@pytest.fixture
def signed(person, officer_user, spo_user):
    report = report_for(person, officer_user)
    return report_sign(
        actor=officer_user,
        crn=person.crn,
        request_id=report.request_id,
        expected_version=report.version,
        choice=SignChoice(dangerousness=True, reviewing_spo_id=spo_user.pk),
    )


@pytest.fixture
def oral(person, officer_user):
    return ReportRequestFactory(person=person, author=officer_user, status="allocated", type_requested="oral")


def _url(name, crn, request_id):
    return reverse(name, args=[crn, request_id])


def _users(kind, person, officer_user, spo_user):
    if kind == "court_officer":
        return access.team_user(Role.COURT_OFFICER, person)
    if kind == "author":
        return officer_user
    if kind == "senior_po":
        return spo_user
    if kind == "other_pdu":
        return access.other_pdu_user()
    if kind == "partner":
        partner = access.partner_user()
        access.share(person, partner)
        return partner
    if kind == "excluded":
        access.exclude(person, officer_user)
        return officer_user
    access.restrict_to_someone_else(person)
    return officer_user


KINDS = ["court_officer", "author", "senior_po", "other_pdu", "excluded", "restricted", "partner"]
READ_EXPECTED = {"court_officer": 200, "author": 200, "senior_po": 200, "other_pdu": 200}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", READ)
def test_the_report_page_and_pdf_are_for_staff_who_may_read_the_case(
    client, person, officer_user, spo_user, report, name, kind
):
    user = _users(kind, person, officer_user, spo_user)

    response = access.get(client, user, _url(name, person.crn, report.request_id))

    assert response.status_code == READ_EXPECTED.get(kind, 404)
    if response.status_code == 404:
        access.assert_same_as_missing(response, access.get(client, user, _url(name, access.MISSING_CRN, 1)))


SIGN_EXPECTED = {"author": 200}


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_author_may_open_the_sign_page(client, person, officer_user, spo_user, report, kind):
    user = _users(kind, person, officer_user, spo_user)

    response = access.get(client, user, _url("reports:report-sign", person.crn, report.request_id))

    assert response.status_code == SIGN_EXPECTED.get(kind, 404)


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_named_senior_po_may_open_the_countersign_page(
    client, person, officer_user, spo_user, signed, kind
):
    user = spo_user if kind == "excluded" else _users(kind, person, officer_user, spo_user)
    if kind == "excluded":
        access.exclude(person, spo_user)

    response = access.get(client, user, _url("reports:report-countersign", person.crn, signed.request_id))

    assert response.status_code == (200 if kind == "senior_po" else 404)


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_author_may_record_an_oral_report(client, person, officer_user, spo_user, oral, kind):
    user = _users(kind, person, officer_user, spo_user)

    response = access.get(client, user, _url("reports:report-oral", person.crn, oral.pk))

    assert response.status_code == SIGN_EXPECTED.get(kind, 404)


@pytest.mark.parametrize("kind", KINDS)
def test_only_a_senior_po_of_the_authors_team_may_set_the_countersignature(
    client, person, officer_user, spo_user, report, kind
):
    user = spo_user if kind == "excluded" else _users(kind, person, officer_user, spo_user)
    if kind == "excluded":
        access.exclude(person, spo_user)

    response = access.get(client, user, _url(POLICY, person.crn, report.request_id))

    assert response.status_code == (200 if kind == "senior_po" else 404)


def test_anonymous_users_are_sent_to_sign_in(client, person, report):
    for name in MATRIX_URLS:
        access.assert_sent_to_sign_in(client.get(_url(name, person.crn, report.request_id)))


def test_a_report_of_another_persons_request_is_not_found(client, officer_user, report):
    other = PersonFactory(officer=officer_user.staff)

    for name in [*READ, "reports:report-sign"]:
        assert access.get(client, officer_user, _url(name, other.crn, report.request_id)).status_code == 404


def _state():
    return (
        list(Report.objects.values_list("pk", "status", "version")),
        ReportStep.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


@pytest.mark.parametrize("kind", ["court_officer", "senior_po", "other_pdu", "excluded", "partner"])
def test_users_who_may_not_sign_posting_change_nothing(client, person, officer_user, spo_user, report, kind):
    client.force_login(_users(kind, person, officer_user, spo_user))
    before = _state()

    response = client.post(
        _url("reports:report-sign", person.crn, report.request_id), {"dangerousness": "no", "version": "1"}
    )

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("kind", ["court_officer", "author", "other_pdu", "partner"])
def test_users_who_may_not_countersign_posting_change_nothing(
    client, person, officer_user, spo_user, signed, kind
):
    client.force_login(_users(kind, person, officer_user, spo_user))
    before = _state()

    response = client.post(
        _url("reports:report-countersign", person.crn, signed.request_id),
        {"decision": "countersign", "version": str(signed.version)},
    )

    assert response.status_code == 404
    assert _state() == before
