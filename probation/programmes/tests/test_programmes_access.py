"""Every programmes page against every kind of user: anonymous, partner (even with a share), AP staff,
system admin, the case's practitioner, a practitioner of another PDU, a treatment manager of another
PDU, a facilitator not on the group, excluded, restricted, permitted. Denied users get the page a
missing CRN or id gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.people.tests import access
from probation.programmes.models import FacilitatorTraining, Group, Participant, ProgrammeNeeds, Referral
from probation.programmes.tests.factories import expect, referral

pytestmark = pytest.mark.django_db

CASE_READ = ["programmes:case"]
CASE_REFER = ["programmes:needs", "programmes:refer"]
CASE_MANAGE = ["programmes:assess", "programmes:complete"]
GROUP_PAGES = ["programmes:group", "programmes:participant-add", "programmes:catch-up"]
REGISTER = "programmes:register"
LISTS = ["programmes:waiting-list", "programmes:training", "programmes:groups", "programmes:group-create"]
MINE = "programmes:my-sessions"
MATRIX_URLS = [*CASE_READ, *CASE_REFER, *CASE_MANAGE, *GROUP_PAGES, REGISTER, *LISTS, MINE]
MISSING_ID = 999999


@pytest.fixture
def booked(session, waiting, officer_user):
    return expect(session, waiting, by=officer_user)


def _url(name, *, waiting=None, crn=None, group_id=None, session_id=None):
    if name in (*CASE_READ, *CASE_REFER):
        return reverse(name, args=[crn or waiting.person.crn])
    if name in CASE_MANAGE:
        return reverse(name, args=[crn or waiting.person.crn, waiting.pk])
    if name in GROUP_PAGES:
        return reverse(name, args=[group_id])
    if name == REGISTER:
        return reverse(name, args=[session_id])
    return reverse(name)


def _state():
    return (
        list(Contact.objects.values_list("pk", "version", "outcome")),
        list(Referral.objects.values_list("pk", "version", "status")),
        Participant.objects.count(),
        Group.objects.count(),
        ProgrammeNeeds.objects.count(),
        FacilitatorTraining.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


def _user(role, person, team):
    if role == "partner":
        user = access.partner_user()
        access.share(person, user)
        return user
    return {
        "admin": lambda: UserFactory(role=Role.SYSTEM_ADMIN, staff=None),
        "ap_staff": lambda: UserFactory(role=Role.AP_STAFF, staff=StaffFactory(team=team, grade="AP")),
        "other_pdu_practitioner": lambda: UserFactory(role=Role.PRACTITIONER),
        "other_pdu_manager": lambda: UserFactory(role=Role.PROGRAMME_MANAGER),
        "upw_staff": lambda: UserFactory(role=Role.UPW_STAFF, staff=StaffFactory(team=team, grade="CPO")),
    }[role]()


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, booked, bc_group, session, name):
    url = _url(name, waiting=booked.participant.referral, group_id=bc_group.pk, session_id=session.pk)
    access.assert_sent_to_sign_in(client.get(url))


@pytest.mark.parametrize("name", [*CASE_REFER, *CASE_MANAGE])
@pytest.mark.parametrize(
    "role", ["admin", "partner", "ap_staff", "other_pdu_practitioner", "other_pdu_manager"]
)
def test_case_forms_are_the_missing_crn_page_outside_the_pdu(client, waiting, team, name, role):
    user = _user(role, waiting.person, team)
    before = _state()

    denied = access.get(client, user, _url(name, waiting=waiting))
    missing = access.get(client, user, _url(name, waiting=waiting, crn=access.MISSING_CRN))

    access.assert_same_as_missing(denied, missing)
    assert client.post(_url(name, waiting=waiting), {"programme": "BC", "suitable": "yes"}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("role", ["admin", "partner", "ap_staff", "upw_staff"])
def test_the_case_page_is_the_missing_crn_page_for_roles_without_programmes(client, waiting, team, role):
    user = _user(role, waiting.person, team)

    denied = access.get(client, user, _url("programmes:case", waiting=waiting))

    access.assert_same_as_missing(
        denied, access.get(client, user, _url("programmes:case", waiting=waiting, crn=access.MISSING_CRN))
    )


def test_the_practitioner_refers_but_does_not_assess(client, waiting, officer_user):
    for name in [*CASE_READ, *CASE_REFER]:
        assert access.get(client, officer_user, _url(name, waiting=waiting)).status_code == 200
    for name in CASE_MANAGE:
        assert access.get(client, officer_user, _url(name, waiting=waiting)).status_code == 404


def test_the_treatment_manager_assesses_but_does_not_refer(client, waiting, manager):
    for name in [*CASE_READ, "programmes:needs", *CASE_MANAGE]:
        assert access.get(client, manager, _url(name, waiting=waiting)).status_code == 200
    assert access.get(client, manager, _url("programmes:refer", waiting=waiting)).status_code == 404


@pytest.mark.parametrize("name", [*CASE_READ, *CASE_REFER, *CASE_MANAGE])
@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_excluded_or_restricted_staff_get_the_missing_crn_page(
    client, waiting, officer_user, manager, name, lock
):
    user = manager if name in CASE_MANAGE else officer_user
    if lock == "excluded":
        access.exclude(waiting.person, user)
    else:
        access.restrict_to_someone_else(waiting.person)

    denied = access.get(client, user, _url(name, waiting=waiting))

    access.assert_same_as_missing(
        denied, access.get(client, user, _url(name, waiting=waiting, crn=access.MISSING_CRN))
    )


def test_another_referral_id_on_the_case_is_not_found(client, waiting, manager):
    url = reverse("programmes:assess", args=[waiting.person.crn, MISSING_ID])
    assert access.get(client, manager, url).status_code == 404


@pytest.mark.parametrize("name", [*GROUP_PAGES, REGISTER])
@pytest.mark.parametrize(
    "role", ["admin", "partner", "ap_staff", "practitioner", "other_pdu_manager", "facilitator_not_on_group"]
)
@pytest.mark.usefixtures("booked")
def test_group_pages_and_registers_are_not_found_outside_scope(
    client, bc_group, session, officer_user, team, manager, name, role
):
    if role == "practitioner":
        user = officer_user
    elif role == "facilitator_not_on_group":
        user = UserFactory(role=Role.PRACTITIONER, staff=StaffFactory(team=team, grade="PSO"))
        FacilitatorTraining.objects.create(
            staff=user.staff, programme="BC", trained_on="2025-01-01", recorded_by=manager
        )
    else:
        user = _user(role, session.group, team) if role != "partner" else access.partner_user()
    before = _state()
    client.force_login(user)

    denied = client.get(_url(name, group_id=bc_group.pk, session_id=session.pk))
    missing = client.get(_url(name, group_id=MISSING_ID, session_id=MISSING_ID))

    access.assert_same_as_missing(denied, missing)
    post = client.post(_url(name, group_id=bc_group.pk, session_id=session.pk), {"version": 1})
    assert post.status_code == (405 if name == "programmes:group" else 404)
    assert _state() == before


def test_a_facilitator_on_the_group_sees_their_register_but_not_the_group_pages(
    client, booked, bc_group, session, facilitator
):
    client.force_login(facilitator)

    assert client.get(_url(REGISTER, session_id=session.pk)).status_code == 200
    assert client.get(_url("programmes:group", group_id=bc_group.pk)).status_code == 404
    assert client.get(reverse("programmes:groups")).status_code == 404


@pytest.mark.parametrize("name", [*GROUP_PAGES, REGISTER, *LISTS, MINE])
def test_the_treatment_manager_of_the_pdu_sees_every_page(client, booked, bc_group, session, manager, name):
    client.force_login(manager)
    assert client.get(_url(name, group_id=bc_group.pk, session_id=session.pk)).status_code == 200


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("role", ["admin", "partner", "practitioner", "ap_staff"])
def test_manager_lists_are_not_found_for_other_roles(client, officer_user, team, name, role):
    user = (
        officer_user
        if role == "practitioner"
        else _user(role, None, team)
        if role != "partner"
        else access.partner_user()
    )
    client.force_login(user)
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("role", ["admin", "partner", "ap_staff"])
def test_my_sessions_is_not_found_for_roles_that_do_not_facilitate(client, team, role):
    user = _user(role, None, team) if role != "partner" else access.partner_user()
    client.force_login(user)
    assert client.get(reverse(MINE)).status_code == 404


def test_every_view_and_change_is_audited(client, requirement, manager, officer_user):
    other = referral(requirement, by=officer_user, status="awaiting_assessment", programme="BBR")
    client.force_login(manager)
    before = AuditEvent.objects.count()

    client.get(reverse("programmes:waiting-list"))
    client.post(
        _url("programmes:assess", waiting=other), {"version": 1, "suitable": "no", "reasons": "No consent"}
    )

    actions = list(AuditEvent.objects.order_by("seq").values_list("action", "object_type")[before:])
    assert ("view", "programme_waiting_list") in actions
    assert ("update", "programme_referral") in actions
