"""Every registration page against every kind of user: anonymous, wrong role, outside the managing
PDU, excluded, restricted, partner (shared and not), permitted. Denied users get exactly the page a
missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import NotFound, PermissionDenied
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration, RegistrationReview
from probation.risk.services.registrations import registration_add, registration_update
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["risk:registration-list", "risk:registration-detail"]
CHANGE_PAGES = [
    "risk:registration-add",
    "risk:registration-add-details",
    "risk:registration-review",
    "risk:registration-update",
    "risk:registration-deregister",
]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = [*ALL_PAGES, "risk:registration-reviews-due"]
# A POST that each change page would accept from a permitted user.
VALID_POSTS = {
    "risk:registration-add": {"register_type": "WEAP"},
    "risk:registration-add-details": {
        "registered_on_0": "1",
        "registered_on_1": "2",
        "registered_on_2": "2025",
    },
    "risk:registration-review": {
        "reviewed_on_0": "1",
        "reviewed_on_1": "3",
        "reviewed_on_2": "2025",
        "version": "1",
    },
    "risk:registration-update": {"notes": "Changed", "version": "1"},
    "risk:registration-deregister": {
        "deregistered_on_0": "1",
        "deregistered_on_1": "3",
        "deregistered_on_2": "2025",
        "reason": "Ended",
        "version": "1",
    },
}


@pytest.fixture
def case(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def registration(case):
    return RegistrationFactory(person=case, register_type="ALSH")


def _url(name, crn, registration_id):
    if name in ("risk:registration-list", "risk:registration-add"):
        return reverse(name, args=[crn])
    if name == "risk:registration-add-details":
        return reverse(name, args=[crn, "WEAP"])
    return reverse(name, args=[crn, registration_id])


def _get(client, user, name, crn, registration_id):
    return access.get(client, user, _url(name, crn, registration_id))


def _state():
    return (
        list(Registration.objects.values_list("pk", "version", "notes", "deregistered_on")),
        RegistrationReview.objects.count(),
        AuditEvent.objects.exclude(action="refused").count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, registration, name):
    response = _get(client, None, name, registration.person.crn, registration.pk)

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_without_case_role_gets_not_found(client, registration, admin_user, name):
    assert _get(client, admin_user, name, registration.person.crn, registration.pk).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page(client, registration, officer_user, name):
    assert _get(client, officer_user, name, registration.person.crn, registration.pk).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, registration, officer_user, name):
    case = registration.person
    access.exclude(case, officer_user)

    denied = _get(client, officer_user, name, case.crn, registration.pk)
    missing = _get(client, officer_user, name, access.MISSING_CRN, registration.pk)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, registration, officer_user, name):
    case = registration.person
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn, registration.pk)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(
        _get(client, officer_user, name, access.MISSING_CRN, registration.pk)
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, registration, officer_user, name):
    access.restrict(registration.person, to=officer_user)

    assert _get(client, officer_user, name, registration.person.crn, registration.pk).status_code == 200


@pytest.mark.parametrize(
    "name", [n for n in ALL_PAGES if n.endswith(("detail", "review", "update", "deregister"))]
)
def test_a_registration_of_another_person_is_not_found(client, registration, officer_user, name):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, name, other.crn, registration.pk).status_code == 404


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_staff_outside_the_managing_pdu_can_view_but_not_change(client, registration, name):
    elsewhere = access.other_pdu_user()  # a different PDU

    response = _get(client, elsewhere, name, registration.person.crn, registration.pk)

    assert response.status_code == 200
    assert "/deregister" not in response.content.decode()
    assert f"/registrations/{registration.pk}/review" not in response.content.decode()


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_staff_outside_the_pdu_posting_changes_nothing(client, registration, name):
    client.force_login(access.other_pdu_user())
    before = _state()

    response = client.post(_url(name, registration.person.crn, registration.pk), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_excluded_user_posting_changes_nothing(client, registration, officer_user, name):
    access.exclude(registration.person, officer_user)
    client.force_login(officer_user)
    before = _state()

    response = client.post(_url(name, registration.person.crn, registration.pk), VALID_POSTS[name])

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CHANGE_PAGES[1:])
def test_permitted_practitioner_posting_makes_the_change(client, registration, officer_user, name):
    client.force_login(officer_user)

    response = client.post(_url(name, registration.person.crn, registration.pk), VALID_POSTS[name])

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action__in=["create", "update"], object_type="registration").count() == 1


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_see_flags_but_cannot_change_them(client, registration, role):
    user = access.team_user(role, registration.person)
    case = registration.person

    assert _get(client, user, "risk:registration-list", case.crn, registration.pk).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, user, name, case.crn, registration.pk).status_code == 404


def test_partner_sees_flags_of_a_shared_case_but_cannot_change_them(client, registration):
    partner = access.partner_user()
    access.share(registration.person, partner)
    case = registration.person

    for name in VIEW_PAGES:
        assert _get(client, partner, name, case.crn, registration.pk).status_code == 200
    for name in CHANGE_PAGES:
        assert _get(client, partner, name, case.crn, registration.pk).status_code == 404
    add = "risk:registration-add-details"
    assert client.post(_url(add, case.crn, None), VALID_POSTS[add]).status_code == 404
    assert Registration.objects.count() == 1


def test_partner_gets_not_found_for_an_unshared_or_expired_case(client, registration, officer_user):
    partner = access.partner_user()
    expired = RegistrationFactory(person=PersonFactory(officer=officer_user.staff))
    access.share(expired.person, partner, expires_on="2020-01-01")

    for name in VIEW_PAGES:
        assert _get(client, partner, name, registration.person.crn, registration.pk).status_code == 404
        assert _get(client, partner, name, expired.person.crn, expired.pk).status_code == 404


def test_choosing_a_type_writes_nothing_and_leads_to_its_details_page(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("risk:registration-add", args=[case.crn]), {"register_type": "MAPP"})

    assert response["Location"] == reverse("risk:registration-add-details", args=[case.crn, "MAPP"])
    assert (Registration.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_an_unknown_register_type_page_is_not_found(client, case, officer_user):
    client.force_login(officer_user)

    assert client.get(reverse("risk:registration-add-details", args=[case.crn, "RHHR"])).status_code == 404


def test_reviews_due_page_is_for_case_holding_staff_only(client, officer_user, admin_user):
    partner = access.partner_user()
    url = reverse("risk:registration-reviews-due")

    assert client.get(url).status_code == 302
    for user in (admin_user, partner, UserFactory(role=Role.VLO)):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(officer_user)
    assert client.get(url).status_code == 200


# --- The services refuse the same users whatever calls them ---------------------------------------


def _service_add(actor, case):
    registration_add(actor=actor, crn=case.crn, register_type="ALSH", registered_on=dt.date(2025, 1, 15))


def test_service_refuses_staff_outside_the_managing_pdu(case):
    with pytest.raises(PermissionDenied):
        _service_add(access.other_pdu_user(), case)

    assert (Registration.objects.count(), AuditEvent.objects.count()) == (0, 0)


@pytest.mark.parametrize("role", [Role.VLO, Role.CASE_ADMIN, Role.COURT_OFFICER])
def test_service_refuses_roles_without_registration_manage(case, role):
    with pytest.raises(PermissionDenied):
        _service_add(access.team_user(role, case), case)

    assert (Registration.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_service_tells_an_excluded_user_not_found(case, officer_user):
    access.exclude(case, officer_user)

    with pytest.raises(NotFound):
        _service_add(officer_user, case)

    assert (Registration.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_service_refuses_a_partner_even_for_a_shared_case(case):
    partner = access.partner_user()
    access.share(case, partner)

    with pytest.raises(PermissionDenied):
        _service_add(partner, case)


def test_service_finds_no_registration_of_another_person(case, officer_user, registration):
    other = PersonFactory(officer=officer_user.staff)

    with pytest.raises(NotFound):
        registration_update(
            actor=officer_user, crn=other.crn, registration_id=registration.pk, expected_version=1, notes="x"
        )
