"""Signing in and out: Argon2 hashes, lockout after repeated failures, idle expiry, security headers."""

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse

from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_the_service_hashes_passwords_with_argon2_by_default():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_user_signs_in_with_an_argon2_password_and_lands_on_their_cases(client, officer_user):
    officer_user.password = make_password("long-demo-passphrase", hasher="argon2")
    officer_user.save()

    response = _sign_in(client, "officer", "long-demo-passphrase")

    assert response.status_code == 302
    assert client.get("/").url == reverse("people:caseload")
    assert AuditEvent.objects.filter(action="sign_in", username="officer").count() == 1


def test_a_wrong_password_shows_a_govuk_error(client, officer_user):
    response = _sign_in(client, "officer", "wrong")

    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Enter a correct username and password" in body
    assert AuditEvent.objects.filter(action="sign_in_failed", username="officer").count() == 1


def test_empty_fields_name_each_missing_field(client):
    body = _sign_in(client, "", "").content.decode()

    assert "Enter your username" in body
    assert "Enter your password" in body


def test_five_failures_lock_the_account_even_with_the_right_password(client, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "officer", "wrong")

    response = _sign_in(client, "officer", "correct-horse-battery")

    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session_and_is_audited(client, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert client.get(reverse("people:caseload")).status_code == 302
    assert AuditEvent.objects.filter(action="sign_out").count() == 1


def test_sessions_expire_after_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_an_active_user_has_the_session_renewed_at_most_once_a_minute(client, officer_user):
    client.force_login(officer_user)
    client.get(reverse("people:caseload"))
    first = client.session["_touched"]

    client.get(reverse("people:caseload"))

    assert client.session["_touched"] == first
    session = client.session
    session["_touched"] = first - settings.SESSION_RENEW_SECONDS
    session.save()
    client.get(reverse("people:caseload"))
    assert client.session["_touched"] >= first


def test_an_expired_session_is_sent_back_to_sign_in(client, officer_user):
    client.force_login(officer_user)
    session = client.session
    session.set_expiry(-1)
    session.save()

    assert client.get(reverse("people:caseload")).status_code == 302


def test_keepalive_restarts_the_idle_timer(client, officer_user):
    client.force_login(officer_user)

    data = client.get(reverse("accounts:session-keepalive")).json()

    assert data["expires_in"] == settings.SESSION_COOKIE_AGE


def test_pages_carry_csp_and_security_headers_and_are_not_cached(client, officer_user):
    client.force_login(officer_user)

    response = client.get(reverse("people:caseload"))

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store, private"


def test_the_timeout_warning_is_on_every_signed_in_page(client, officer_user):
    client.force_login(officer_user)

    body = client.get(reverse("people:caseload")).content.decode()

    assert 'data-session-timeout="1800"' in body
    assert "You’re about to be signed out" in body


@override_settings(DEBUG=False)
def test_unknown_pages_get_the_govuk_not_found_page(client, officer_user):
    client.force_login(officer_user)

    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_session_that_expired_is_audited_once_when_the_browser_comes_back(client, officer_user):
    client.force_login(officer_user)
    session = client.session
    session.set_expiry(-1)
    session.save()

    assert client.get(reverse("people:caseload")).status_code == 302
    client.get(reverse("accounts:login"))

    expired = AuditEvent.objects.filter(action="session_expired")
    assert expired.count() == 1
    assert expired.get().username == "officer"


def test_signing_out_is_not_counted_as_an_expired_session(client, officer_user):
    client.force_login(officer_user)
    client.post(reverse("accounts:logout"))

    client.get(reverse("accounts:login"))

    assert not AuditEvent.objects.filter(action="session_expired").exists()
