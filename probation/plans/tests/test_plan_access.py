"""Every plan page against every kind of user: anonymous, system admin, outside the managing PDU,
excluded, restricted, partner, read-only roles, permitted. Denied users get exactly the page a missing
CRN gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion
from probation.plans.tests.factories import PlanFactory, PlanVersionFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["plans:plan", "plans:history", "plans:version", "plans:pdf"]
CHANGE_PAGES = ["plans:answer"]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES
MATRIX_URLS = ALL_PAGES
POSTS = {
    "plans:plan": {"version": "1", "goal-count": "0"},
    "plans:autosave": {"version": "1", "goal-count": "0"},
    "plans:answer": {
        "version": "1",
        "answer": "agreed",
        "answered_on_0": "1",
        "answered_on_1": "1",
        "answered_on_2": "2026",
    },
}


@pytest.fixture
def plan(officer_user):
    plan = PlanFactory(person=PersonFactory(officer=officer_user.staff), created_by=officer_user)
    PlanVersionFactory(plan=plan)
    Plan.objects.filter(pk=plan.pk).update(versions_count=1)
    return plan


def _url(name, crn):
    if name == "plans:version":
        return reverse(name, args=[crn, 1])
    if name == "plans:pdf":
        return reverse(
            name, args=[crn, Plan.objects.order_by("pk").values_list("pk", flat=True).first() or 1]
        )
    if name == "plans:autosave":  # the editor's autosave posts to the plan's own URL asking for JSON
        return reverse("plans:plan", args=[crn])
    return reverse(name, args=[crn])


def _get(client, user, name, crn):
    return access.get(client, user, _url(name, crn))


def _state():
    return (
        list(Plan.objects.values_list("pk", "version", "goals")),
        PlanVersion.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused", "export"]).count(),
    )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, plan, name):
    access.assert_sent_to_sign_in(_get(client, None, name, plan.person.crn))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_gets_not_found(client, plan, admin_user, name):
    assert _get(client, admin_user, name, plan.person.crn).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_permitted_practitioner_sees_every_page_audited(client, plan, officer_user, name):
    response = _get(client, officer_user, name, plan.person.crn)

    assert response.status_code == 200
    event = AuditEvent.objects.filter(action__in=["view", "export"]).get()
    assert (event.crn, event.object_type, event.object_id) == (plan.person.crn, "sentence_plan", str(plan.pk))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, plan, officer_user, name):
    access.exclude(plan.person, officer_user)

    denied = _get(client, officer_user, name, plan.person.crn)
    missing = _get(client, officer_user, name, access.MISSING_CRN)

    access.assert_same_as_missing(denied, missing)
    access.assert_only_refusals(plan.person.crn, access.MISSING_CRN)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, plan, officer_user, name):
    access.restrict_to_someone_else(plan.person)

    denied = _get(client, officer_user, name, plan.person.crn)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_on_restriction_list_sees_the_restricted_case(client, plan, officer_user, name):
    access.restrict(plan.person, to=officer_user)

    assert _get(client, officer_user, name, plan.person.crn).status_code == 200


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_staff_outside_the_managing_pdu_can_read_but_not_change(client, plan, name):
    response = _get(client, access.other_pdu_user(), name, plan.person.crn)

    assert response.status_code == 200
    if name != "plans:pdf":
        assert "/plan/answer" not in response.content.decode()
        assert "data-autosave-url" not in response.content.decode()


def test_no_plan_yet_and_a_reader_sees_that_there_is_none_and_nothing_is_created(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)

    response = _get(client, access.other_pdu_user(), "plans:plan", person.crn)

    assert response.status_code == 200
    assert Plan.objects.count() == 0


@pytest.mark.parametrize("name", ["plans:plan", "plans:autosave", "plans:answer"])
@pytest.mark.parametrize("who", ["other_pdu", "excluded", "read_only", "partner"])
def test_denied_users_posting_change_nothing(client, plan, officer_user, name, who):
    user = {
        "other_pdu": access.other_pdu_user,
        "excluded": lambda: officer_user,
        "read_only": lambda: access.team_user(Role.CASE_ADMIN, plan.person),
        "partner": access.partner_user,
    }[who]()
    if who == "excluded":
        access.exclude(plan.person, officer_user)
    if who == "partner":
        access.share(plan.person, user)
    client.force_login(user)
    before = _state()

    response = client.post(
        _url(name, plan.person.crn),
        POSTS[name],
        HTTP_ACCEPT="application/json" if name == "plans:autosave" else "",
    )

    assert response.status_code == 404
    assert _state() == before


@pytest.mark.parametrize("role", [Role.SENIOR_PO])
def test_the_team_manager_may_change_the_plan(client, plan, role):
    client.force_login(access.team_user(role, plan.person))

    response = client.post(
        _url("plans:autosave", plan.person.crn), POSTS["plans:autosave"], HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 200
    assert response.json()["saved"] is True


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO])
def test_read_only_roles_read_the_plan_but_cannot_change_it(client, plan, role):
    user = access.team_user(role, plan.person)

    for name in VIEW_PAGES:
        assert _get(client, user, name, plan.person.crn).status_code == 200
    assert _get(client, user, "plans:answer", plan.person.crn).status_code == 404


def test_approved_premises_staff_see_no_plan_of_someone_not_resident_with_them(client, plan):
    """AP staff see only their premises' residents (issue 16, ADR 0040)."""
    user = access.team_user(Role.AP_STAFF, plan.person)

    for name in ALL_PAGES:
        assert _get(client, user, name, plan.person.crn).status_code == 404


def test_partner_gets_not_found_even_for_a_shared_case(client, plan):
    partner = access.partner_user()
    access.share(plan.person, partner)

    for name in ALL_PAGES:
        assert _get(client, partner, name, plan.person.crn).status_code == 404


def test_a_version_of_another_persons_plan_is_not_found(client, plan, officer_user):
    other = PersonFactory(officer=officer_user.staff)

    assert _get(client, officer_user, "plans:version", other.crn).status_code == 404
