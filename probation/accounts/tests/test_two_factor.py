"""Two-factor sign-in (ADR 0023): a code from an authenticator app, or a single-use recovery code,
after the password; required for everyone when OTP_REQUIRED (production)."""

import re
from base64 import b32encode
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.two_factor import confirm_authenticator, pending_authenticator
from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _code(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def _sign_in(client, username="officer", password=PASSWORD, **extra):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


@pytest.fixture
def enrolled(officer_user):
    device = pending_authenticator(officer_user)
    codes = confirm_authenticator(user=officer_user, device=device, code=_code(device))
    device.refresh_from_db()
    # The enrolment code is spent; the next code must come from a later time step.
    device.last_t = -1
    device.save()
    return device, codes


def test_a_user_with_an_authenticator_is_not_signed_in_by_the_password_alone(client, enrolled):
    response = _sign_in(client)

    assert response.status_code == 302
    assert response.url == reverse("accounts:two-factor")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("people:caseload")).status_code == 302


def test_the_code_from_the_app_completes_signing_in_and_is_audited(client, enrolled):
    device, _ = enrolled
    _sign_in(client)

    page = client.get(reverse("accounts:two-factor"))
    response = client.post(reverse("accounts:two-factor"), {"code": _code(device)})

    assert "Enter your security code" in page.content.decode()
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    assert client.get(reverse("people:caseload")).status_code == 200
    steps = AuditEvent.objects.filter(username="officer", action__in=["2fa_verified", "sign_in"]).order_by(
        "seq"
    )
    assert list(steps.values_list("action", flat=True)) == ["2fa_verified", "sign_in"]


def test_a_wrong_code_is_refused_audited_and_after_five_the_password_is_asked_again(client, enrolled):
    _sign_in(client)

    response = client.post(reverse("accounts:two-factor"), {"code": "000000x"})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="2fa_failed", username="officer").count() == 1
    for _ in range(4):
        response = client.post(reverse("accounts:two-factor"), {"code": "000000x"})
    assert response.url == reverse("accounts:login")
    assert client.get(reverse("accounts:two-factor")).url == reverse("accounts:login")


def test_a_recovery_code_signs_in_once_only(client, enrolled):
    _, codes = enrolled
    _sign_in(client)
    assert client.post(reverse("accounts:two-factor"), {"code": codes[0].upper()}).status_code == 302
    assert AuditEvent.objects.filter(action="2fa_verified").last().detail["method"] == "recovery_code"
    client.post(reverse("accounts:logout"))

    _sign_in(client)
    response = client.post(reverse("accounts:two-factor"), {"code": codes[0]})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_correct_password_goes_back_to_sign_in(client, enrolled):
    device, _ = enrolled

    response = client.post(reverse("accounts:two-factor"), {"code": _code(device)})

    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_the_demo_says_two_factor_is_off(client):
    assert "Two-factor authentication is off" in client.get(reverse("accounts:login")).content.decode()


@override_settings(OTP_REQUIRED=True)
def test_when_required_the_notice_is_gone_and_a_user_without_an_authenticator_must_set_one_up(
    client, officer_user
):
    assert "Two-factor authentication is off" not in client.get(reverse("accounts:login")).content.decode()
    _sign_in(client)

    response = client.get(reverse("people:caseload"))

    assert response.url == reverse("accounts:two-factor-set-up")


@override_settings(OTP_REQUIRED=True)
def test_setting_up_shows_a_qr_code_and_key_then_ten_recovery_codes_once(client, officer_user):
    _sign_in(client)
    page = client.get(reverse("accounts:two-factor-set-up")).content.decode()
    assert "<svg" in page
    secret = re.search(r'data-testid="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=officer_user, confirmed=False)

    wrong = client.post(reverse("accounts:two-factor-set-up"), {"code": "123"})
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second
    response = client.post(reverse("accounts:two-factor-set-up"), {"code": _code(device)})

    assert "govuk-error-summary" in wrong.content.decode()
    assert secret.replace(" ", "") in b32encode(device.bin_key).decode()
    body = response.content.decode()
    assert "Save your recovery codes" in body
    assert StaticToken.objects.filter(device__user=officer_user).count() == 10
    assert all(token.token in body for token in StaticToken.objects.filter(device__user=officer_user))
    assert client.get(reverse("people:caseload")).status_code == 200
    assert client.get(reverse("accounts:two-factor-set-up")).status_code == 302
    assert AuditEvent.objects.filter(action="2fa_set_up", username="officer").count() == 1


@override_settings(OTP_REQUIRED=True)
def test_when_required_a_session_that_skipped_the_code_is_ended(client, enrolled, officer_user):
    client.force_login(officer_user)

    response = client.get(reverse("people:caseload"))

    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_production_requires_two_factor():
    source = Path("config/settings/production.py").read_text()

    assert "OTP_REQUIRED = True" in source


def test_the_admin_site_signs_in_through_the_service(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
