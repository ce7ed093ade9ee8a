"""Account administration is audited and safe (issue 9 item 4): role and team changes, unlocking a
sign-in and resetting two-factor happen on service pages that write the compliance audit; the admin
site only shows users, staff and teams."""

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.models import Role
from probation.accounts.tests.factories import TeamFactory, UserFactory
from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_changing_a_role_and_team_is_audited_with_before_and_after(client, admin_user, officer_user):
    new_team = TeamFactory()
    old_team = officer_user.staff.team
    client.force_login(admin_user)

    response = client.post(
        reverse("accounts:user-change", args=[officer_user.pk]), {"role": Role.SENIOR_PO, "team": new_team.pk}
    )

    assert response.status_code == 302
    officer_user.refresh_from_db()
    assert officer_user.role == Role.SENIOR_PO
    assert officer_user.staff.team == new_team
    entry = AuditEvent.objects.get(action="account_change")
    assert entry.username == admin_user.username
    assert entry.detail == {
        "user": officer_user.username,
        "role": [Role.PRACTITIONER, Role.SENIOR_PO],
        "team": [old_team.code, new_team.code],
    }


def test_an_administrator_cannot_change_their_own_role(client, admin_user):
    client.force_login(admin_user)

    response = client.post(reverse("accounts:user-change", args=[admin_user.pk]), {"role": Role.PRACTITIONER})

    assert response.status_code == 200
    assert "ask another system administrator" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.role == Role.SYSTEM_ADMIN
    assert not AuditEvent.objects.filter(action="account_change").exists()


def test_an_administrator_unlocks_a_locked_sign_in_and_it_is_audited(client, admin_user, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("accounts:login"),
            {"username": "officer", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
        )
    admin = client.__class__()
    admin.force_login(admin_user)
    listing = admin.get(reverse("accounts:user-list")).content.decode()
    assert "198.51.100.7" in listing

    admin.post(reverse("accounts:sign-in-unlock"), {"username": "officer", "ip_address": "198.51.100.7"})

    response = client.post(
        reverse("accounts:login"),
        {"username": "officer", "password": "correct-horse-battery"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302
    entry = AuditEvent.objects.get(action="account_unlocked")
    assert entry.username == admin_user.username
    assert entry.detail["username"] == "officer"
    assert "No sign-ins are locked" in admin.get(reverse("accounts:user-list")).content.decode()


def test_an_administrator_resets_two_factor_and_it_is_audited(client, admin_user, officer_user):
    TOTPDevice.objects.create(user=officer_user, name="Authenticator app", confirmed=True)
    client.force_login(admin_user)

    client.post(reverse("accounts:two-factor-reset", args=[officer_user.pk]))

    assert not TOTPDevice.objects.filter(user=officer_user).exists()
    assert AuditEvent.objects.get(action="2fa_reset").detail == {"user": officer_user.username}


def test_the_admin_site_shows_users_staff_and_teams_read_only(client):
    superuser = UserFactory(role=Role.SYSTEM_ADMIN, staff=None, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    other = UserFactory(role=Role.PRACTITIONER)

    for model in ("user", "staff", "team"):
        assert client.get(f"/admin/accounts/{model}/add/").status_code == 403
    response = client.post(
        f"/admin/accounts/user/{other.pk}/change/", {"username": other.username, "role": Role.SYSTEM_ADMIN}
    )
    assert response.status_code in (200, 403)
    other.refresh_from_db()
    assert other.role == Role.PRACTITIONER
    assert client.get(f"/admin/accounts/user/{other.pk}/change/").status_code == 200


def test_the_users_page_is_in_the_system_administrators_navigation(client, admin_user):
    client.force_login(admin_user)

    assert 'href="/users"' in client.get(reverse("accounts:user-list")).content.decode()


def test_the_admin_site_has_no_pages_for_authenticators_or_lockouts(client):
    superuser = UserFactory(role=Role.SYSTEM_ADMIN, staff=None, is_staff=True, is_superuser=True)
    client.force_login(superuser)

    for path in ("otp_totp/totpdevice", "otp_static/staticdevice", "axes/accessattempt"):
        assert client.get(f"/admin/{path}/").status_code == 404
