"""Every custody page against every kind of user: anonymous, the officer and senior PO of the case's
PDU, staff of another PDU, roles that only read, excluded, restricted, partner, administrator. Denied
users get exactly the page a missing CRN gets; a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.custody.models import CustodyRecord
from probation.custody.tests.factories import custody_record
from probation.people.tests import access

pytestmark = pytest.mark.django_db

OVERVIEW = "custody:overview"
CREATE = "custody:create"
RECORD_FORMS = [
    "custody:inputs",
    "custody:confirm",
    "custody:prison-dates",
    "custody:release-plan",
    "custody:pathways",
]
FORMS = [CREATE, *RECORD_FORMS]
CASE_PAGES = [OVERVIEW, *FORMS]
LISTS = ["custody:handovers", "custody:releases"]
MATRIX_URLS = [*CASE_PAGES, *LISTS]
MISSING_ID = 999_999


@pytest.fixture
def record(case):
    return custody_record(case)


def _url(name, crn, custody_id):
    if name in (OVERVIEW, CREATE):
        return reverse(name, args=[crn])
    return reverse(name, args=[crn, custody_id])


def _get(client, user, name, record, *, crn=None, custody_id=None):
    return access.get(client, user, _url(name, crn or record.person.crn, custody_id or record.pk))


def _state():
    return (
        list(CustodyRecord.objects.values_list("pk", "version", "dates_status", "release_address")),
        AuditEvent.objects.exclude(action__in=["refused", "view"]).count(),
    )


@pytest.mark.parametrize("name", CASE_PAGES)
def test_anonymous_users_are_sent_to_sign_in(client, record, name):
    access.assert_sent_to_sign_in(client.get(_url(name, record.person.crn, record.pk)))


@pytest.mark.parametrize("name", LISTS)
def test_anonymous_users_are_sent_to_sign_in_from_the_lists(client, name):
    access.assert_sent_to_sign_in(client.get(reverse(name)))


@pytest.mark.parametrize("name", CASE_PAGES)
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SENIOR_PO])
def test_staff_of_the_cases_pdu_open_every_page(client, record, role, name):
    user = access.team_user(role, record.person)
    assert _get(client, user, name, record).status_code == 200


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("role", [Role.VLO, Role.CASE_ADMIN, Role.COURT_OFFICER])
def test_roles_that_only_read_see_the_overview_and_no_form(client, record, role, name):
    user = access.team_user(role, record.person)
    assert _get(client, user, OVERVIEW, record).status_code == 200
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, record), _get(client, user, name, record, crn=access.MISSING_CRN)
    )
    response = client.post(_url(name, record.person.crn, record.pk), {"version": 1})
    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", [OVERVIEW, *FORMS])
def test_approved_premises_staff_see_nothing_of_a_prisoner_not_resident_with_them(client, record, name):
    """AP staff see only their premises' residents (issue 16, ADR 0040): a prisoner is none."""
    user = access.team_user(Role.AP_STAFF, record.person)
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, record), _get(client, user, name, record, crn=access.MISSING_CRN)
    )
    assert client.post(_url(name, record.person.crn, record.pk), {"version": 1}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", FORMS)
def test_a_senior_po_of_another_pdu_reads_but_cannot_change(client, record, name):
    user = access.other_pdu_user()
    assert _get(client, user, OVERVIEW, record).status_code == 200
    before = _state()
    access.assert_same_as_missing(
        _get(client, user, name, record), _get(client, user, name, record, crn=access.MISSING_CRN)
    )
    assert client.post(_url(name, record.person.crn, record.pk), {"version": 1}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", RECORD_FORMS)
def test_a_missing_record_id_is_the_same_404(client, record, officer_user, name):
    denied = _get(client, officer_user, name, record, custody_id=MISSING_ID)
    assert denied.status_code == 404


@pytest.mark.parametrize("name", CASE_PAGES)
def test_an_excluded_officer_gets_the_page_a_missing_case_gets(client, record, officer_user, name):
    access.exclude(record.person, officer_user)
    before = _state()
    access.assert_same_as_missing(
        _get(client, officer_user, name, record),
        _get(client, officer_user, name, record, crn=access.MISSING_CRN),
    )
    assert _state() == before


@pytest.mark.parametrize("name", CASE_PAGES)
def test_an_officer_not_on_the_restriction_list_gets_not_found(client, record, officer_user, name):
    access.restrict_to_someone_else(record.person)
    access.assert_same_as_missing(
        _get(client, officer_user, name, record),
        _get(client, officer_user, name, record, crn=access.MISSING_CRN),
    )


@pytest.mark.parametrize("name", CASE_PAGES)
def test_partners_even_with_a_share_and_administrators_get_not_found(client, record, admin_user, name):
    partner = access.partner_user()
    access.share(record.person, partner)
    for user in (partner, admin_user):
        access.assert_same_as_missing(
            _get(client, user, name, record), _get(client, user, name, record, crn=access.MISSING_CRN)
        )


@pytest.mark.parametrize(
    ("role", "handovers", "releases"),
    [
        (Role.SENIOR_PO, 200, 200),
        (Role.PRACTITIONER, 404, 200),
        (Role.VLO, 404, 404),
        (Role.CASE_ADMIN, 404, 404),
        (Role.PARTNER, 404, 404),
        (Role.SYSTEM_ADMIN, 404, 404),
    ],
)
def test_who_sees_the_handover_and_release_lists(client, team, role, handovers, releases):
    from probation.accounts.tests.factories import StaffFactory

    staff = None if role in (Role.PARTNER, Role.SYSTEM_ADMIN) else StaffFactory(team=team)
    user = UserFactory(role=role, staff=staff)
    assert access.get(client, user, reverse("custody:handovers")).status_code == handovers
    assert access.get(client, user, reverse("custody:releases")).status_code == releases


def test_lists_show_restricted_cases_by_crn_only(client, spo_user, team):
    from probation.people.tests.factories import PersonFactory

    person = PersonFactory(pdu=team.pdu, team=team, first_name="Zebedee")
    custody_record(person, sentence_date=__import__("datetime").date(2026, 1, 5), months=30)
    access.restrict_to_someone_else(person)
    client.force_login(spo_user)
    page = client.get(reverse("custody:releases")).content.decode()
    assert person.crn in page
    assert "Zebedee" not in page
