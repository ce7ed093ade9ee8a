"""Every sentences page against every kind of user: anonymous, system admin, partner (even with a
share), outside the managing PDU, excluded, restricted, permitted, and the roles that key in
sentences. Denied users get exactly the page a missing CRN gets; a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.people.models import PersonChange
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.sentences.models import Event, EventOffence, Licence, LicenceCondition, Requirement, Sentence
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    EventOffenceFactory,
    LicenceConditionFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["sentences:list", "sentences:sentence-detail"]
CHANGE_PAGES = [
    "sentences:event-create",
    "sentences:offence-add",
    "sentences:sentence-terminate",
    "sentences:requirement-add",
    "sentences:requirement-terminate",
    "sentences:licence-create",
    "sentences:condition-add",
    "sentences:condition-end",
]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = ALL_PAGES


def _date(name, day, month, year):
    return {f"{name}_0": str(day), f"{name}_1": str(month), f"{name}_2": str(year)}


VALID_POSTS = {
    "sentences:event-create": {
        "court": "Leeds Magistrates' Court",
        "main_code": "10400",
        "sentence_type": "community_order",
        "length_months": "12",
        "kind": "standard_determinate",
        "requirement_type": "unpaid_work",
        "requirement_amount": "100",
        **_date("conviction_date", 2, 3, 2026),
        **_date("main_date", 15, 1, 2026),
        **_date("sentence_date", 2, 3, 2026),
        **_date("start_date", 2, 3, 2026),
    },
    "sentences:offence-add": {"code": "02700", "counts": "1", **_date("date", 1, 2, 2026)},
    "sentences:sentence-terminate": {
        "reason": "completed",
        "version": "1",
        **_date("terminated_on", 1, 9, 2026),
    },
    "sentences:requirement-add": {"type": "unpaid_work", "amount": "80", **_date("start_date", 2, 3, 2026)},
    "sentences:requirement-terminate": {
        "reason": "completed",
        "version": "1",
        **_date("terminated_on", 1, 9, 2026),
    },
    "sentences:licence-create": {
        **_date("release_date", 1, 6, 2026),
        **_date("licence_expiry_date", 1, 3, 2028),
    },
    "sentences:condition-add": {
        "kind": "bespoke",
        "text": "Attend the drug intervention programme",
        **_date("start", 1, 7, 2026),
    },
    "sentences:condition-end": {"version": "1", **_date("end_date", 1, 9, 2026)},
}


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    order = SentenceFactory(event__person=person)
    EventOffenceFactory(event=order.event)
    RequirementFactory(sentence=order)
    CustodialSentenceFactory(event__person=person)  # no licence yet
    licence = LicenceFactory(sentence__event__person=person)
    LicenceConditionFactory(licence=licence)
    return person


def _url(name, crn, case):
    order = Sentence.objects.get(person=case, type="community_order")
    unreleased = Sentence.objects.get(person=case, type="custodial", licence__isnull=True)
    licence = Licence.objects.get(sentence__person=case)
    args = {
        "sentences:list": [crn],
        "sentences:event-create": [crn],
        "sentences:sentence-detail": [crn, order.pk],
        "sentences:offence-add": [crn, order.pk],
        "sentences:sentence-terminate": [crn, order.pk],
        "sentences:requirement-add": [crn, order.pk],
        "sentences:requirement-terminate": [crn, order.pk, order.requirements.get().pk],
        "sentences:licence-create": [crn, unreleased.pk],
        "sentences:condition-add": [crn, licence.sentence_id],
        "sentences:condition-end": [crn, licence.sentence_id, licence.conditions.get(kind="additional").pk],
    }[name]
    return reverse(name, args=args)


def _get(client, user, name, crn, case):
    return access.get(client, user, _url(name, crn, case))


def _state():
    return (
        Event.objects.count(),
        EventOffence.objects.count(),
        list(Sentence.objects.values_list("pk", "version", "terminated_on")),
        list(Requirement.objects.values_list("pk", "version", "terminated_on")),
        Licence.objects.count(),
        list(LicenceCondition.objects.values_list("pk", "version", "end_date")),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(_url(name, case.crn, case))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, admin_user, name):
    denied = _get(client, admin_user, name, case.crn, case)
    missing = _get(client, admin_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, name):
    partner = access.partner_user(agency="Police")
    access.share(case, partner)

    assert _get(client, partner, name, case.crn, case).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page(client, case, officer_user, name):
    assert _get(client, officer_user, name, case.crn, case).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, case, officer_user, name):
    access.restrict(case, to=officer_user)

    assert _get(client, officer_user, name, case.crn, case).status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES[1:] + ["sentences:sentence-detail"])
def test_a_sentence_of_another_person_is_not_found(client, case, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    assert client.get(_url(name, other.crn, case)).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, case):
    elsewhere = access.other_pdu_user()  # a different PDU
    order = Sentence.objects.get(person=case, type="community_order")
    client.force_login(elsewhere)

    listing = client.get(reverse("sentences:list", args=[case.crn]))
    detail = client.get(reverse("sentences:sentence-detail", args=[case.crn, order.pk]))

    assert listing.status_code == detail.status_code == 200
    assert b"Theft from the person of another" in detail.content
    for link in (
        b"Record a conviction and sentence",
        b"Terminate sentence",
        b"Add a requirement",
        b"Add an offence",
    ):
        assert link not in listing.content + detail.content


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, case, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    response = client.post(_url(name, case.crn, case), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, case, officer_user, name):
    access.exclude(case, officer_user)
    client.force_login(officer_user)
    before = _state()

    assert client.post(_url(name, case.crn, case), VALID_POSTS[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_partner_with_a_share_posting_changes_nothing(client, case, name):
    partner = access.partner_user()
    access.share(case, partner)
    client.force_login(partner)
    before = _state()

    assert client.post(_url(name, case.crn, case), VALID_POSTS[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_permitted_practitioner_posting_makes_the_change_and_audits_it(client, case, officer_user, name):
    client.force_login(officer_user)

    response = client.post(_url(name, case.crn, case), VALID_POSTS[name])

    assert response.status_code == 302, response.content.decode()[:3000]
    assert AuditEvent.objects.filter(action__in=["create", "update"]).count() == 1


@pytest.mark.parametrize("role", [Role.COURT_OFFICER, Role.CASE_ADMIN])
def test_court_officer_and_case_admin_may_record_a_sentence(client, case, role):
    client.force_login(access.team_user(role, case))

    response = client.post(
        _url("sentences:event-create", case.crn, case), VALID_POSTS["sentences:event-create"]
    )

    assert response.status_code == 302
    assert Event.objects.filter(person=case).count() == 4


@pytest.mark.parametrize("role", [Role.VLO])
def test_read_only_roles_see_sentences_but_cannot_change_them(client, case, role):
    user = access.team_user(role, case)

    for name in VIEW_PAGES:
        assert _get(client, user, name, case.crn, case).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, case).status_code == 404
