"""The compliance page and the record-an-action page against every kind of user: anonymous, system
admin, partner (even with a share), VLO, outside the managing PDU, excluded, restricted, permitted.
Denied users get exactly the page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.enforcement.services.actions import ActionChoice, enforcement_action_record
from probation.people.models import PersonChange
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db

PAGES = ["enforcement:compliance", "enforcement:action-record"]
MATRIX_URLS = [*PAGES, "enforcement:warning-letter"]
VALID_POST = {"action": "refer_to_offender_manager", "version": "1"}


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(clock, "today_uk", lambda: dt.date(2026, 4, 20))


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    sentence = SentenceFactory(event__person=person)
    contact = ContactFactory(
        sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 4, 14, 10, tzinfo=dt.UTC)
    )
    return EnforcementCaseFactory(contact=contact)


def _url(name, crn, case):
    if name == "enforcement:compliance":
        return reverse(name, args=[crn, case.sentence_id])
    return reverse(name, args=[crn, case.pk])


def _get(client, user, name, crn, case):
    return access.get(client, user, _url(name, crn, case))


def _state():
    return (
        list(EnforcementCase.objects.values_list("pk", "status", "version")),
        EnforcementStep.objects.count(),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(_url(name, case.person.crn, case))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, admin_user, name):
    denied = _get(client, admin_user, name, case.person.crn, case)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, admin_user, name, access.MISSING_CRN, case))


@pytest.mark.parametrize("name", PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, name):
    partner = access.partner_user(agency="Police")
    access.share(case.person, partner)

    assert _get(client, partner, name, case.person.crn, case).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_permitted_practitioner_sees_every_page_and_it_is_audited(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.person.crn, case).status_code == 200
    assert AuditEvent.objects.filter(action="view", crn=case.person.crn).count() == 1


@pytest.mark.parametrize("name", PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case.person, officer_user)

    denied = _get(client, officer_user, name, case.person.crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case.person)

    assert _get(client, officer_user, name, case.person.crn, case).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_sentence_or_case_of_another_person_is_not_found(client, case, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, name, other.crn, case).status_code == 404


def test_vlo_sees_compliance_but_cannot_act(client, case):
    vlo = access.team_user(Role.VLO, case.person)

    response = _get(client, vlo, "enforcement:compliance", case.person.crn, case)

    assert response.status_code == 200
    assert b"Planned office visit on 14 April 2026" in response.content
    assert b"Record an action" not in response.content
    assert _get(client, vlo, "enforcement:action-record", case.person.crn, case).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_act(client, case):
    elsewhere = access.other_pdu_user()

    response = _get(client, elsewhere, "enforcement:compliance", case.person.crn, case)

    assert response.status_code == 200
    assert b"Record an action" not in response.content


@pytest.mark.parametrize(
    "make_user",
    [
        lambda case: access.other_pdu_user(),
        lambda case: access.team_user(Role.VLO, case.person),
        lambda case: access.partner_user(),
    ],
    ids=["other_pdu", "vlo", "partner"],
)
def test_users_who_may_not_act_posting_change_nothing(client, case, make_user):
    client.force_login(make_user(case))
    before = _state()

    response = client.post(_url("enforcement:action-record", case.person.crn, case), VALID_POST)

    assert response.status_code == 404
    assert _state() == before


def test_excluded_user_posting_changes_nothing(client, case, officer_user):
    access.exclude(case.person, officer_user)
    client.force_login(officer_user)
    before = _state()

    assert (
        client.post(_url("enforcement:action-record", case.person.crn, case), VALID_POST).status_code == 404
    )
    assert _state() == before


def test_permitted_practitioner_posting_records_the_action(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(_url("enforcement:action-record", case.person.crn, case), VALID_POST)

    assert response.status_code == 302
    assert response["Location"] == reverse("enforcement:compliance", args=[case.person.crn, case.sentence_id])
    case.refresh_from_db()
    assert (case.status, case.version) == ("referred_to_offender_manager", 2)


# --- The warning letter: only for those who may act on the case ------------------------------------


@pytest.fixture
def warned(case, officer_user):
    return enforcement_action_record(
        actor=officer_user,
        crn=case.person.crn,
        case_id=case.pk,
        expected_version=case.version,
        choice=ActionChoice("first_warning_letter", circumstances="You did not attend."),
    )


def _letter_url(crn, warned):
    return reverse("enforcement:warning-letter", args=[crn, warned.pk])


def test_anonymous_user_is_sent_to_sign_in_from_the_letter(client, warned):
    access.assert_sent_to_sign_in(client.get(_letter_url(warned.person.crn, warned)))


def test_permitted_practitioner_gets_the_letter(client, warned, officer_user):
    response = access.get(client, officer_user, _letter_url(warned.person.crn, warned))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("deny", ["excluded", "restricted", "admin"])
def test_excluded_restricted_or_admin_user_gets_the_missing_page_for_the_letter(
    client, warned, officer_user, admin_user, deny
):
    user = admin_user if deny == "admin" else officer_user
    if deny == "excluded":
        access.exclude(warned.person, officer_user)
    if deny == "restricted":
        access.restrict_to_someone_else(warned.person)
    before = AuditEvent.objects.count()

    denied = access.get(client, user, _letter_url(warned.person.crn, warned))
    missing = access.get(client, user, _letter_url(access.MISSING_CRN, warned))

    access.assert_same_as_missing(denied, missing)
    assert access.audited()[before:] == [("refused", warned.person.crn), ("refused", access.MISSING_CRN)]


def test_users_who_may_not_act_get_no_letter(client, warned):
    partner = access.partner_user()
    access.share(warned.person, partner)
    before = AuditEvent.objects.count()

    for user in (access.other_pdu_user(), access.team_user(Role.VLO, warned.person), partner):
        assert access.get(client, user, _letter_url(warned.person.crn, warned)).status_code == 404
    assert access.audited()[before:] == [("refused", warned.person.crn)] * 3


def test_a_letter_of_another_person_is_not_found(client, warned, officer_user):
    other = PersonFactory(officer=officer_user.staff)

    assert access.get(client, officer_user, _letter_url(other.crn, warned)).status_code == 404


def test_an_options_request_to_the_record_action_page_is_answered(client, case, officer_user):
    # The page's action options once shadowed View.options, so an OPTIONS request failed.
    client.force_login(officer_user)
    response = client.options(_url("enforcement:action-record", case.person.crn, case))
    assert response.status_code == 200
    assert "GET" in response["Allow"]
