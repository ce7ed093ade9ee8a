"""The compliance page and the record-an-action page against every kind of user: anonymous, system
admin, partner (even with a share), VLO, outside the managing PDU, excluded, restricted, permitted.
Denied users get exactly the page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import clock
from probation.people.models import Exclusion, PartnerShare, Person, PersonChange, Restriction
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db

PAGES = ["enforcement:compliance", "enforcement:action-record"]
NONCE = re.compile(rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')
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
    if user is not None:
        client.force_login(user)
    return client.get(_url(name, crn, case))


def _body(response):
    return NONCE.sub(b"", response.content)


def _state():
    return (
        list(EnforcementCase.objects.values_list("pk", "status", "version")),
        EnforcementStep.objects.count(),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(action="view").count(),
    )


def _exclude(person, user):
    Exclusion.objects.create(person=person, user=user, added_by=user)
    Person.objects.filter(pk=person.pk).update(has_exclusions=True)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(_url(name, case.person.crn, case))

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("name", PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, admin_user, name):
    denied = _get(client, admin_user, name, case.person.crn, case)

    assert denied.status_code == 404
    assert _body(denied) == _body(_get(client, admin_user, name, "Z999999", case))


@pytest.mark.parametrize("name", PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, name):
    partner = UserFactory(role=Role.PARTNER, staff=None, agency="Police")
    PartnerShare.objects.create(
        person=case.person, user=partner, reason="MAPPA", granted_by=partner, expires_on="2099-01-01"
    )

    assert _get(client, partner, name, case.person.crn, case).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_permitted_practitioner_sees_every_page_and_it_is_audited(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.person.crn, case).status_code == 200
    assert AuditEvent.objects.filter(action="view", crn=case.person.crn).count() == 1


@pytest.mark.parametrize("name", PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    _exclude(case.person, officer_user)

    denied = _get(client, officer_user, name, case.person.crn, case)
    missing = _get(client, officer_user, name, "Z999999", case)

    assert denied.status_code == missing.status_code == 404
    assert _body(denied) == _body(missing)


@pytest.mark.parametrize("name", PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    other = UserFactory()
    Restriction.objects.create(person=case.person, user=other, added_by=other)
    Person.objects.filter(pk=case.person_id).update(is_restricted=True)

    assert _get(client, officer_user, name, case.person.crn, case).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_sentence_or_case_of_another_person_is_not_found(client, case, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, name, other.crn, case).status_code == 404


def test_vlo_sees_compliance_but_cannot_act(client, case):
    vlo = UserFactory(role=Role.VLO, staff=StaffFactory(team=case.person.team))

    response = _get(client, vlo, "enforcement:compliance", case.person.crn, case)

    assert response.status_code == 200
    assert b"Planned office visit on 14 April 2026" in response.content
    assert b"Record an action" not in response.content
    assert _get(client, vlo, "enforcement:action-record", case.person.crn, case).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_act(client, case):
    elsewhere = UserFactory(role=Role.SENIOR_PO)

    response = _get(client, elsewhere, "enforcement:compliance", case.person.crn, case)

    assert response.status_code == 200
    assert b"Record an action" not in response.content


@pytest.mark.parametrize(
    "make_user",
    [
        lambda case: UserFactory(role=Role.SENIOR_PO),
        lambda case: UserFactory(role=Role.VLO, staff=StaffFactory(team=case.person.team)),
        lambda case: UserFactory(role=Role.PARTNER, staff=None),
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
    _exclude(case.person, officer_user)
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
