"""A system administrator finds, creates and deactivates accounts, and issues set-password links
(issue 9 item 4 gaps): every change audited, every error shown at once, a leaver locked out at once,
and the users page stays one page of 25 with the same number of queries however many users there are."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.models import Role, Staff, User
from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-passphrase-42"


def _create(client, **overrides):
    team = overrides.pop("team", None) or TeamFactory()
    data = {
        "username": "j.doe",
        "first_name": "Jo",
        "last_name": "Doe",
        "email": "jo.doe@justice.example",
        "role": Role.PRACTITIONER,
        "team": team.pk,
        "grade": "PSO",
        "agency": "",
    } | overrides
    return client.post(reverse("accounts:user-create"), data)


def _link_path(response) -> str:
    match = re.search(
        r'data-testid="set-password-link">https?://[^/]+(/account/set-password/[^<]+)<', response.text
    )
    assert match, response.text
    return match.group(1)


def test_the_users_page_finds_users_by_name_and_role_one_page_at_a_time(client, admin_user):
    UserFactory(username="alex.qwzx", first_name="Alex", last_name="Qwzx")
    UserFactory(username="sam.qwzx", role=Role.COURT_OFFICER, last_name="Qwzx")
    for _ in range(30):
        UserFactory()
    client.force_login(admin_user)

    page = client.get(reverse("accounts:user-list"), {"q": "qwzx"})
    assert "alex.qwzx" in page.text
    assert "sam.qwzx" in page.text
    assert "2 users." in page.text
    page = client.get(reverse("accounts:user-list"), {"q": "qwzx", "role": Role.COURT_OFFICER})
    assert "sam.qwzx" in page.text
    assert "alex.qwzx" not in page.text

    everyone = client.get(reverse("accounts:user-list"))
    assert "33 users." in everyone.text
    assert (
        everyone.text.count("/users/")
        - everyone.text.count("/users/new")
        - everyone.text.count("/users/unlock")
        == 25
    )
    assert "Page 1 of 2" in everyone.text
    assert 'name="csrfmiddlewaretoken"' not in everyone.text.split("Find a user")[1].split("</form>")[0]


def test_the_users_page_makes_the_same_queries_for_5_or_50_users(client, admin_user):
    client.force_login(admin_user)
    for _ in range(5):
        UserFactory()
    client.get(reverse("accounts:user-list"))  # the session's first request loads more
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts:user-list"))
    for _ in range(45):
        UserFactory()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accounts:user-list"))
    assert len(many) == len(few)


def test_creating_an_account_shows_every_error_at_once_and_creates_nothing(client, admin_user):
    client.force_login(admin_user)
    before = User.objects.count()

    response = client.post(reverse("accounts:user-create"), {"role": Role.PRACTITIONER, "email": "nope"})

    assert response.status_code == 200
    for message in (
        "Enter a username",
        "Enter the first name",
        "Enter the last name",
        "Enter an email address in the right format, like name@example.gov.uk",
        "Choose the team this person works in",
        "Choose a grade",
    ):
        assert message in response.text
    assert response.text.count('class="govuk-error-summary"') == 1
    assert User.objects.count() == before


def test_a_grade_must_fit_the_role_and_a_partner_names_their_agency(client, admin_user):
    client.force_login(admin_user)

    wrong_grade = _create(client, grade="SPO")
    assert "A practitioner (po/pso) must have the grade" in wrong_grade.text
    partner = _create(client, role=Role.PARTNER, team="", grade="")
    assert "Enter the partner agency this person works for" in partner.text
    odd_name = _create(client, username="jo doe<script>")
    assert "Username must contain only letters, digits and . - _" in odd_name.text
    assert not User.objects.filter(first_name="Jo").exists()


def test_a_taken_username_is_refused_whatever_its_case(client, admin_user):
    UserFactory(username="j.doe")
    client.force_login(admin_user)

    response = _create(client, username="J.Doe")

    assert "A user with that username already exists" in response.text
    assert User.objects.filter(username__iexact="j.doe").count() == 1


def test_an_account_is_created_with_a_staff_record_audited_and_a_link_to_set_the_password(client, admin_user):
    pdu = PDUFactory(code="N07ABC")
    team = TeamFactory(pdu=pdu)
    StaffFactory(code="N07ABC0041", team=team)
    client.force_login(admin_user)

    response = _create(client, team=team)

    assert response.status_code == 200
    assert "Account created" in response.text
    user = User.objects.select_related("staff").get(username="j.doe")
    assert not user.has_usable_password()
    assert user.staff.code == "N07ABC0042"
    assert user.staff.grade == "PSO"
    assert user.staff.team == team
    created = AuditEvent.objects.get(action="account_created")
    assert created.user == admin_user
    assert created.detail == {
        "user": "j.doe",
        "role": "practitioner",
        "team": team.code,
        "grade": "PSO",
        "staff_code": "N07ABC0042",
    }
    assert AuditEvent.objects.filter(action="sign_in_link", detail__user="j.doe").exists()
    assert _link_path(response).startswith("/account/set-password/")


def test_the_new_user_sets_a_password_once_with_the_link_and_can_then_sign_in(client, admin_user):
    client.force_login(admin_user)
    path = _link_path(_create(client))
    client.logout()

    form = client.get(path, follow=True)
    assert "Set your password" in form.text
    assert "j.doe" in form.text
    set_url = form.redirect_chain[-1][0]
    assert "set-password/" in set_url
    assert path.rsplit("/", 1)[-1] not in set_url

    mismatch = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert "The two passwords do not match" in mismatch.text
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    assert "Password set. Sign in with your username and new password." in done.text
    assert AuditEvent.objects.filter(action="password_set", username="j.doe").exists()

    again = client.get(path, follow=True)
    assert "This link does not work" in again.text
    signed_in = client.post(reverse("accounts:login"), {"username": "j.doe", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_a_deactivated_account_cannot_sign_in_its_open_session_ends_and_its_link_stops(
    client, admin_user, officer_user
):
    officer = client.__class__()
    officer.force_login(officer_user)
    assert officer.get(reverse("people:caseload")).status_code == 200
    client.force_login(admin_user)
    link = _link_path(client.post(reverse("accounts:sign-in-link", args=[officer_user.pk])))

    client.post(reverse("accounts:user-active", args=[officer_user.pk]), {"active": "0"})

    officer_user.refresh_from_db()
    assert not officer_user.is_active
    assert AuditEvent.objects.filter(action="account_disabled", detail__user="officer").exists()
    assert officer.get(reverse("people:caseload"))["Location"].startswith("/sign-in")
    refused = client.__class__().post(
        reverse("accounts:login"), {"username": "officer", "password": "correct-horse-battery"}
    )
    assert refused.status_code == 200
    assert "This link does not work" in client.__class__().get(link, follow=True).text
    page = client.get(reverse("accounts:user-change", args=[officer_user.pk]))
    assert "Deactivated" in page.text
    assert "Reactivate account" in page.text

    client.post(reverse("accounts:user-active", args=[officer_user.pk]), {"active": "1"})
    officer_user.refresh_from_db()
    assert officer_user.is_active
    assert AuditEvent.objects.filter(action="account_enabled", detail__user="officer").exists()


def test_an_administrator_cannot_deactivate_themselves(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("accounts:user-active", args=[admin_user.pk]), {"active": "0"}, follow=True
    )

    assert "You cannot deactivate your own account" in response.text
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert not AuditEvent.objects.filter(action="account_disabled").exists()


def test_the_staff_code_is_the_next_in_the_pdu(admin_user):
    from probation.accounts.administration import NewAccount, user_create

    team = TeamFactory()
    user = user_create(
        actor=admin_user,
        account=NewAccount(
            username="first",
            first_name="A",
            last_name="B",
            email="a@b.example",
            role=Role.COURT_OFFICER,
            team=team,
            grade="CO",
        ),
    )
    assert user.staff.code == f"{team.pdu.code}0001"
    assert Staff.objects.filter(team=team).count() == 1
