"""Every drug testing page against every kind of user: anonymous, a role without the permission, staff
outside the managing PDU, excluded, restricted, partner, approved-premises staff with and without the
person as a resident, and the permitted officer. Denials look like a missing case and change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.approved_premises.tests.factories import ap_staff_at, booking, premises_with_beds
from probation.audit.models import AuditEvent
from probation.core.clock import now
from probation.drug_testing.models import DrugTest
from probation.drug_testing.tests.factories import basis_key, confirm, drr_case, hours_ago, record
from probation.people.tests import access

pytestmark = pytest.mark.django_db

MATRIX_URLS = [
    "drug_testing:tests",
    "drug_testing:test-record",
    "drug_testing:test",
    "drug_testing:test-lab-result",
    "drug_testing:test-decide",
]
ONE_TEST = MATRIX_URLS[2:]


@pytest.fixture
def case(officer_user):
    return drr_case(officer_user)


@pytest.fixture
def test(officer_user, case):
    return confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}))


def _url(name, case, test, crn=None):
    args = [crn or case.crn] + ([test.pk] if name in ONE_TEST else [])
    return reverse(name, args=args)


def _state():
    return (
        DrugTest.objects.count(),
        list(DrugTest.objects.values_list("version", flat=True)),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


def _post(client, url, case):
    return client.post(
        url, {"version": "2", "decision": "enforcement", "notes": "x", "basis": basis_key(case)}
    )


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, case, test, name):
    access.assert_sent_to_sign_in(access.get(client, None, _url(name, case, test)))


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_the_officer_sees_every_page_audited(client, officer_user, case, test, name):
    response = access.get(client, officer_user, _url(name, case, test))

    assert response.status_code == 200


@pytest.mark.parametrize("name", MATRIX_URLS)
@pytest.mark.parametrize("who", ["excluded", "restricted", "partner", "admin", "case_admin", "vlo"])
def test_denied_users_get_the_missing_page_and_change_nothing(
    client, officer_user, admin_user, case, test, name, who
):
    user = {"excluded": officer_user, "restricted": officer_user, "admin": admin_user}.get(who)
    if who == "excluded":
        access.exclude(case, officer_user)
    if who == "restricted":
        access.restrict_to_someone_else(case)
    if who == "partner":
        user = access.partner_user()
        access.share(case, user)
    if who in ("case_admin", "vlo"):
        user = access.team_user(who, case)
    before = _state()

    denied = access.get(client, user, _url(name, case, test))
    missing = access.get(client, user, _url(name, case, test, access.MISSING_CRN))

    access.assert_same_as_missing(denied, missing)
    assert _post(client, _url(name, case, test), case).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_staff_outside_the_managing_pdu_may_read_but_not_write(client, case, test, name):
    user = access.other_pdu_user()
    read_only = name in ("drug_testing:tests", "drug_testing:test")
    before = _state()

    response = access.get(client, user, _url(name, case, test))

    assert response.status_code == (200 if read_only else 404)
    assert _post(client, _url(name, case, test), case).status_code == (405 if read_only else 404)
    assert _state() == before


def test_another_persons_test_is_not_found(client, officer_user, case, test):
    other = drr_case(officer_user)

    for name in ONE_TEST:
        assert access.get(client, officer_user, _url(name, other, test)).status_code == 404


@pytest.fixture
def premises():
    return premises_with_beds(2)


def _resident(case, premises):
    today = dt.date.today()
    return booking(
        case, premises, today - dt.timedelta(days=10), today + dt.timedelta(days=60),
        status="arrived", arrived_at=now() - dt.timedelta(days=10),
    )  # fmt: skip


def test_approved_premises_staff_see_only_their_residents(client, case, test, premises):
    staff = ap_staff_at(premises)
    for name in MATRIX_URLS:
        assert access.get(client, staff, _url(name, case, test)).status_code == 404
    _resident(case, premises)

    assert access.get(client, staff, _url("drug_testing:tests", case, test)).status_code == 200
    assert access.get(client, staff, _url("drug_testing:test", case, test)).status_code == 200
    assert access.get(client, staff, _url("drug_testing:test-decide", case, test)).status_code == 404
    # The test was taken under the DRR: not theirs to update.
    assert access.get(client, staff, _url("drug_testing:test-lab-result", case, test)).status_code == 404


def test_approved_premises_staff_record_on_the_approved_premises_basis_only(client, case, test, premises):
    staff = ap_staff_at(premises)
    _resident(case, premises)
    client.force_login(staff)
    day = hours_ago()
    form = {
        "submission_key": "4c7a3c52-8bd1-4f7b-9d8d-2f1e7b1f3b10",
        "method": "breath",
        "substances": ["alcohol"],
        "taken_on_0": day.day,
        "taken_on_1": day.month,
        "taken_on_2": day.year,
        "taken_time": day.strftime("%H:%M"),
        "sample": "tested",
        "no_medication": "on",
        "result_alcohol": "negative",
    }

    page = client.get(_url("drug_testing:test-record", case, test)).content.decode()
    refused = client.post(_url("drug_testing:test-record", case, test), form | {"basis": basis_key(case)})
    recorded = client.post(
        _url("drug_testing:test-record", case, test), form | {"basis": basis_key(case, "approved_premises")}
    )

    assert "Drug rehabilitation requirement" not in page
    assert refused.status_code == 200
    assert recorded.status_code == 302
    assert DrugTest.objects.filter(basis="approved_premises", method="breath").count() == 1


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO])
def test_practitioners_and_senior_pos_in_the_pdu_may_decide(client, case, test, role):
    user = access.team_user(role, case)

    assert access.get(client, user, _url("drug_testing:test-decide", case, test)).status_code == 200
