"""Sign-in throttling (ADR 0023): lockout by username and source address together, a cool-off that
grows while failures go on, an audited lockout page that says how to recover."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from probation.accounts.lockout import cool_off_after
from probation.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
STRANGER = "203.0.113.9"


def _sign_in(client, password, address="127.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": "officer", "password": password}, REMOTE_ADDR=address
    )


def test_a_stranger_elsewhere_cannot_lock_someone_out(client, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT * 3):
        stranger = _sign_in(client, "guess", address=STRANGER)

    assert stranger.status_code == 429
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer_user.pk)


def test_the_lockout_is_audited_and_says_how_to_recover(client, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong")

    response = _sign_in(client, PASSWORD)

    body = response.content.decode()
    assert response.status_code == 429
    assert "try again in 5 minutes" in body
    assert "ask your service desk or system administrator to unlock" in body
    assert AuditEvent.objects.filter(action="sign_in_locked", username="officer").exists()


def test_the_cool_off_doubles_while_failures_go_on_up_to_a_day():
    limit = settings.AXES_FAILURE_LIMIT

    assert cool_off_after(limit) == timedelta(minutes=5)
    assert cool_off_after(2 * limit) == timedelta(minutes=10)
    assert cool_off_after(3 * limit) == timedelta(minutes=20)
    assert cool_off_after(1000 * limit) == timedelta(days=1)


def test_more_failures_while_locked_lengthen_the_wait(client, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT * 2):
        response = _sign_in(client, "wrong")

    assert "try again in 10 minutes" in response.content.decode()


def test_the_lock_ends_when_the_cool_off_has_passed(client, officer_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=11))

    assert _sign_in(client, PASSWORD).status_code == 302
