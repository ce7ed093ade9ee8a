import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.people.models import Exclusion, Person
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_admin_excludes_a_user_and_the_case_disappears_for_them(client, admin_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(admin_user)

    client.post(
        reverse("people:limited-access", args=[person.crn]),
        {"action": "add", "list_name": "exclusion", "username": "officer"},
    )

    person.refresh_from_db()
    assert person.has_exclusions
    assert AuditEvent.objects.get(action="access_change").detail == {"added": "officer"}
    client.force_login(officer_user)
    assert client.get(reverse("people:case-overview", args=[person.crn])).status_code == 404


def test_admin_removes_the_last_restriction_and_the_case_is_open_again(client, admin_user, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(admin_user)
    url = reverse("people:limited-access", args=[person.crn])
    client.post(url, {"action": "add", "list_name": "restriction", "username": "officer"})

    client.post(url, {"action": "remove", "list_name": "restriction", "user_id": officer_user.pk})

    assert not Person.objects.get(pk=person.pk).is_restricted


def test_adding_an_unknown_username_shows_an_error_and_changes_nothing(client, admin_user):
    person = PersonFactory()
    client.force_login(admin_user)

    response = client.post(
        reverse("people:limited-access", args=[person.crn]),
        {"action": "add", "list_name": "exclusion", "username": "nobody"},
    )

    assert "Enter the username of an active user" in response.content.decode()
    assert Exclusion.objects.count() == 0


def test_admin_does_not_see_the_case_contents(client, admin_user):
    person = PersonFactory(surname="Confidential")
    client.force_login(admin_user)

    body = client.get(reverse("people:limited-access", args=[person.crn])).content.decode()

    assert "Confidential" not in body
    assert client.get(reverse("people:case-overview", args=[person.crn])).status_code == 404


def test_officer_shares_a_case_with_a_partner_who_can_then_open_it(client, officer_user):
    from probation.accounts.tests.factories import UserFactory

    partner = UserFactory(username="police1", role="partner", staff=None)
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    response = client.post(
        reverse("people:partner-share", args=[person.crn]),
        {
            "username": "police1",
            "reason": "MAPPA level 2",
            "expires_on_0": "1",
            "expires_on_1": "1",
            "expires_on_2": str(today_uk().year + 1),
        },
    )

    assert response.status_code == 302
    assert AuditEvent.objects.get(action="access_change").detail["partner"] == "police1"
    client.force_login(partner)
    assert client.get(reverse("people:case-overview", args=[person.crn])).status_code == 200


def test_a_share_must_end_within_two_years(client, officer_user):
    from probation.accounts.tests.factories import UserFactory

    UserFactory(username="police1", role="partner", staff=None)
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)
    far = today_uk().replace(day=1) + dt.timedelta(days=3 * 365)

    response = client.post(
        reverse("people:partner-share", args=[person.crn]),
        {
            "username": "police1",
            "reason": "MAPPA level 2",
            "expires_on_0": far.day,
            "expires_on_1": far.month,
            "expires_on_2": far.year,
        },
    )

    assert response.status_code == 200
    assert "The share must end within 2 years of today" in response.content.decode()
    assert person.partner_shares.count() == 0


def test_sharing_with_a_staff_user_is_refused(client, officer_user, spo_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    response = client.post(
        reverse("people:partner-share", args=[person.crn]),
        {
            "username": "manager",
            "reason": "x",
            "expires_on_0": "1",
            "expires_on_1": "1",
            "expires_on_2": str(today_uk().year + 1),
        },
    )

    assert "Cases can only be shared with partner agency users" in response.content.decode()
    assert person.partner_shares.count() == 0
