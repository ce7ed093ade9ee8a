"""The MAPPA page as each kind of user sees it (the partner view decided by ``mappa_view_for``),
constant query counts for the lists, the conflict page and the actions-due list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.frontend.tests.forms import date_fields
from probation.mappa.models import MappaMeeting
from probation.mappa.policy import FULL_VIEW, MappaView, mappa_view_for
from probation.mappa.presenters import meeting_rows
from probation.mappa.selectors import meeting_list
from probation.mappa.tests.factories import MappaActionFactory, MappaMeetingFactory
from probation.people.models import Exclusion, PartnerShare, Person
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    RegistrationFactory(person=person, register_type="MAPP", category="M2", level="M3")
    meeting = MappaMeetingFactory(person=person, chair="DI Jane Harper", minutes="SECRET MINUTES")
    MappaActionFactory(meeting=meeting, description="Police home visit", owner_agency="Police")
    MappaActionFactory(meeting=meeting, description="Housing referral", owner_agency="Housing")
    return person


@pytest.fixture
def partner(case):
    user = UserFactory(role=Role.PARTNER, staff=None, agency="Police")
    PartnerShare.objects.create(
        person=case, user=user, reason="MAPPA level 2", granted_by=user, expires_on="2099-01-01"
    )
    return user


def _page(client, user, crn):
    client.force_login(user)
    return client.get(reverse("mappa:case", args=[crn])).content.decode()


def test_mappa_view_for_gives_partners_their_agency_and_staff_the_full_view(officer_user):
    assert mappa_view_for(officer_user) == FULL_VIEW
    assert mappa_view_for(UserFactory(role=Role.VLO)) == FULL_VIEW
    assert mappa_view_for(UserFactory(role=Role.PARTNER, staff=None, agency=" Police ")) == MappaView(
        full=False, agency="Police"
    )


@pytest.mark.parametrize(
    ("view", "owner", "shown"),
    [
        (FULL_VIEW, "Housing", True),
        (MappaView(full=False, agency="Police"), "Police", True),
        (MappaView(full=False, agency="police"), "Police", True),
        (MappaView(full=False, agency="Police"), "Housing", False),
        (MappaView(full=False, agency=""), "Other", False),
    ],
)
def test_a_partner_view_shows_only_its_own_agencys_actions(view, owner, shown):
    assert view.shows_action_of(owner) is shown


def test_partner_rows_carry_no_minutes_and_only_their_agencys_actions(case):
    view = MappaView(full=False, agency="Police")

    (row,) = meeting_rows(
        meeting_list(person=case, view=view),
        view=view,
        crn=case.crn,
        today=dt.date(2025, 1, 1),
        can_manage=False,
    )

    assert (row.chair, row.minutes, row.decisions, row.next_review_on, row.change_url) == (
        "",
        "",
        "",
        None,
        "",
    )
    assert [a.description for a in row.actions] == ["Police home visit"]
    assert row.agencies == "Probation, Police, Housing"


def test_practitioner_sees_minutes_decisions_every_action_and_the_review_dates(client, case, officer_user):
    page = _page(client, officer_user, case.crn)

    for text in (
        "SECRET MINUTES",
        "DI Jane Harper",
        "Exclusion zone",
        "Police home visit",
        "Housing referral",
    ):
        assert text in page
    assert "Category 2: violent offenders" in page
    assert "Level 3: senior multi-agency management" in page
    assert "Next registration review" in page
    assert "Record a MAPPA meeting" in page


def test_partner_sees_category_level_meeting_and_only_the_police_action(client, case, partner):
    page = _page(client, partner, case.crn)

    assert "Category 2: violent offenders" in page
    assert "Level 3: senior multi-agency management" in page
    assert "10 February 2025" in page
    assert "Probation, Police, Housing" in page
    assert "Police home visit" in page
    for hidden in (
        "SECRET MINUTES",
        "DI Jane Harper",
        "Exclusion zone",
        "Housing referral",
        "Next registration",
    ):
        assert hidden not in page
    assert "Mark as done" not in page
    assert "Add an action" not in page


def test_partner_of_another_agency_sees_no_actions(client, case, partner):
    partner.agency = "Housing association"
    partner.save()

    page = _page(client, partner, case.crn)

    assert "No actions for your agency." in page
    assert "Police home visit" not in page
    assert "Housing referral" not in page


def test_viewing_is_audited_with_what_the_user_was_shown(client, case, partner):
    _page(client, partner, case.crn)

    event = AuditEvent.objects.get()
    police = case.mappa_meetings.get().actions.get(owner_agency="Police")
    assert (event.action, event.crn, event.object_type) == ("view", case.crn, "mappa_meeting")
    assert event.detail == {
        "section": "mappa",
        "view": "partner",
        "meetings": [police.meeting_id],
        "actions": [police.pk],
    }


def test_a_person_without_mappa_is_shown_as_not_managed_with_a_link_to_add_the_flag(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)

    page = _page(client, officer_user, person.crn)

    assert "This person is not MAPPA-managed" in page
    assert reverse("risk:registration-add-details", args=[person.crn, "MAPP"]) in page


def _count(client, url):
    client.get(url)  # the first request after signing in also saves the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_partner", [False, True])
def test_case_page_queries_do_not_grow_with_meetings_and_actions(
    client, case, partner, officer_user, as_partner
):
    client.force_login(partner if as_partner else officer_user)
    url = reverse("mappa:case", args=[case.crn])
    one = _count(client, url)
    for _ in range(3):
        MappaActionFactory(meeting=MappaMeetingFactory(person=case), owner_agency="Police")

    assert _count(client, url) == one


def test_a_stale_meeting_edit_gets_409_with_what_changed(client, case, officer_user):
    meeting = case.mappa_meetings.get()
    MappaMeeting.objects.filter(pk=meeting.pk).update(version=2)
    client.force_login(officer_user)

    response = client.post(
        reverse("mappa:meeting-update", args=[case.crn, meeting.pk]),
        {
            **date_fields("held_on", dt.date(2025, 2, 10)),
            "level": "M2",
            "chair": "Someone",
            "agencies": ["Probation", "Police"],
            **date_fields("next_review_on", dt.date(2025, 5, 10)),
            "version": "1",
        },
    )

    assert response.status_code == 409
    assert b"Your changes were not saved" in response.content
    meeting.refresh_from_db()
    assert meeting.chair == "DI Jane Harper"


# --- Actions due ----------------------------------------------------------------------------------


def test_actions_due_lists_open_actions_on_visible_cases_of_the_officers_caseload(client, case, officer_user):
    excluded = PersonFactory(officer=officer_user.staff)
    MappaActionFactory(meeting=MappaMeetingFactory(person=excluded), description="Hidden case action")
    Exclusion.objects.create(person=excluded, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=excluded.pk).update(has_exclusions=True)
    MappaActionFactory(meeting=MappaMeetingFactory(person=PersonFactory()), description="Someone else's case")
    MappaActionFactory(
        meeting=case.mappa_meetings.get(), description="Already done", completed_on=dt.date(2025, 2, 20)
    )
    client.force_login(officer_user)

    page = client.get(reverse("mappa:actions-due")).content.decode()

    assert "Police home visit" in page
    assert "Housing referral" in page
    assert "Overdue" in page
    for absent in ("Hidden case action", "Someone else", "Already done"):
        assert absent not in page
    assert AuditEvent.objects.get().detail == {"list": "actions_due", "rows": 2}


def test_actions_due_queries_do_not_grow_with_the_list(client, case, officer_user):
    client.force_login(officer_user)
    url = reverse("mappa:actions-due")
    one = _count(client, url)
    for _ in range(4):
        person = PersonFactory(officer=officer_user.staff)
        MappaActionFactory(meeting=MappaMeetingFactory(person=person))

    assert _count(client, url) == one
