"""Every unpaid-work page against every kind of user: anonymous, system admin, partner (even with a
share), practitioner, supervisor, unpaid-work staff of another PDU, excluded, restricted, permitted.
Denied users get the page a missing CRN or id gets, and a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.people.tests import access
from probation.unpaid_work.models import Assessment, DeadlineExtension, EteCredit, Place, ProjectDay
from probation.unpaid_work.tests.factories import place

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    "unpaid_work:assessment",
    "unpaid_work:allocate",
    "unpaid_work:extension-create",
    "unpaid_work:ete-create",
]
PROJECT_PAGES = [
    "unpaid_work:project",
    "unpaid_work:day-create",
    "unpaid_work:project-edit",
    "unpaid_work:day-edit",
]
SHEET = "unpaid_work:sheet"
LISTS = [
    "unpaid_work:projects",
    "unpaid_work:project-create",
    "unpaid_work:sessions",
    "unpaid_work:operations",
    "unpaid_work:operations-csv",
]
MATRIX_URLS = [*CASE_PAGES, *PROJECT_PAGES, SHEET, *LISTS]
MISSING_ID = 999999


@pytest.fixture
def booked(session, requirement, supervisor):
    return place(session, requirement, by=supervisor)


def _url(name, *, requirement=None, crn=None, project_id=None, session_id=None):
    if name in CASE_PAGES:
        return reverse(name, args=[crn or requirement.sentence.person.crn, requirement.pk])
    if name == "unpaid_work:day-edit":
        day = ProjectDay.objects.filter(project_id=project_id).first()
        return reverse(name, args=[project_id, day.pk if day else MISSING_ID])
    if name in PROJECT_PAGES:
        return reverse(name, args=[project_id])
    if name == SHEET:
        return reverse(name, args=[session_id])
    return reverse(name)


def _state():
    return (
        list(Contact.objects.values_list("pk", "version", "outcome")),
        Place.objects.count(),
        Assessment.objects.count(),
        ProjectDay.objects.count(),
        DeadlineExtension.objects.count(),
        EteCredit.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, booked, requirement, day, session, name):
    url = _url(name, requirement=requirement, project_id=day.project_id, session_id=session.pk)
    access.assert_sent_to_sign_in(client.get(url))


@pytest.mark.parametrize("name", CASE_PAGES)
@pytest.mark.parametrize("role", ["admin", "partner", "practitioner", "supervisor", "other_pdu_staff"])
def test_case_pages_are_the_missing_crn_page_for_everyone_but_the_pdus_upw_staff(
    client, booked, requirement, supervisor, officer_user, admin_user, name, role
):
    user = {
        "admin": admin_user,
        "partner": access.partner_user(),
        "practitioner": officer_user,
        "supervisor": supervisor,
        "other_pdu_staff": UserFactory(role=Role.UPW_STAFF),
    }[role]
    if role == "partner":
        access.share(requirement.sentence.person, user)
    before = _state()

    denied = access.get(client, user, _url(name, requirement=requirement))
    missing = access.get(client, user, _url(name, requirement=requirement, crn=access.MISSING_CRN))

    access.assert_same_as_missing(denied, missing)
    assert client.post(_url(name, requirement=requirement), {"placement": "mixed"}).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", CASE_PAGES)
@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_excluded_or_restricted_upw_staff_get_the_missing_crn_page(
    client, booked, requirement, upw_staff, name, lock
):
    person = requirement.sentence.person
    if lock == "excluded":
        access.exclude(person, upw_staff)
    else:
        access.restrict_to_someone_else(person)

    denied = access.get(client, upw_staff, _url(name, requirement=requirement))

    access.assert_same_as_missing(
        denied, access.get(client, upw_staff, _url(name, requirement=requirement, crn=access.MISSING_CRN))
    )


@pytest.mark.parametrize("name", CASE_PAGES)
def test_upw_staff_of_the_pdu_see_the_case_pages(client, booked, requirement, upw_staff, name):
    assert access.get(client, upw_staff, _url(name, requirement=requirement)).status_code == 200


def test_another_requirement_id_on_the_case_is_not_found(client, booked, requirement, upw_staff):
    url = reverse("unpaid_work:assessment", args=[requirement.sentence.person.crn, MISSING_ID])
    assert access.get(client, upw_staff, url).status_code == 404


@pytest.mark.parametrize("name", [*PROJECT_PAGES, SHEET])
@pytest.mark.parametrize("role", ["admin", "partner", "practitioner", "other_pdu_staff", "other_supervisor"])
@pytest.mark.usefixtures("booked")
def test_project_pages_and_sheets_are_not_found_outside_scope(
    client, day, session, officer_user, admin_user, team, name, role
):
    user = {
        "admin": admin_user,
        "partner": access.partner_user(),
        "practitioner": officer_user,
        "other_pdu_staff": UserFactory(role=Role.UPW_STAFF),
        "other_supervisor": UserFactory(
            role=Role.UPW_SUPERVISOR, staff=StaffFactory(team=team, grade="UPWS")
        ),
    }[role]
    before = _state()
    client.force_login(user)

    denied = client.get(_url(name, project_id=day.project_id, session_id=session.pk))
    missing = client.get(_url(name, project_id=MISSING_ID, session_id=MISSING_ID))

    access.assert_same_as_missing(denied, missing)
    post = client.post(_url(name, project_id=day.project_id, session_id=session.pk), {"version": 1})
    assert post.status_code == (405 if name == "unpaid_work:project" else 404)  # the project page only reads
    assert _state() == before


def test_a_supervisor_sees_their_sheet_but_not_the_project_pages(client, booked, day, session, supervisor):
    client.force_login(supervisor)

    assert client.get(_url(SHEET, session_id=session.pk)).status_code == 200
    assert client.get(_url("unpaid_work:project", project_id=day.project_id)).status_code == 404
    assert client.get(reverse("unpaid_work:projects")).status_code == 404
    assert client.get(reverse("people:case-overview", args=[booked.contact.person.crn])).status_code == 404


@pytest.mark.parametrize("name", [*PROJECT_PAGES, SHEET, *LISTS])
def test_upw_staff_of_the_pdu_see_every_project_page(client, booked, day, session, upw_staff, name):
    client.force_login(upw_staff)
    assert client.get(_url(name, project_id=day.project_id, session_id=session.pk)).status_code == 200


@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_a_sheet_shows_an_excluded_or_restricted_person_only_as_restricted(
    client, booked, session, supervisor, lock
):
    person = booked.contact.person
    if lock == "excluded":
        access.exclude(person, supervisor)
    else:
        access.restrict_to_someone_else(person)
    client.force_login(supervisor)

    page = client.get(_url(SHEET, session_id=session.pk)).content.decode()

    assert person.surname not in page
    assert "This case is restricted" in page
    assert person.crn in page


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("role", ["admin", "partner", "practitioner"])
def test_unpaid_work_lists_are_not_found_for_other_roles(client, officer_user, admin_user, name, role):
    user = {"admin": admin_user, "partner": access.partner_user(), "practitioner": officer_user}[role]
    client.force_login(user)
    assert client.get(reverse(name)).status_code == 404
