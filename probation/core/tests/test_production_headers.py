"""Production sends a Permissions-Policy header switching off browser features the service never
uses (issue 9 item 7)."""

import importlib

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only-not-secret")
    monkeypatch.setenv("AUDIT_HMAC_KEY", "test-only-not-a-real-audit-key-0123456789")
    monkeypatch.setenv("AUDIT_ANCHOR_PATH", "/dev/null")
    return importlib.import_module("config.settings.production")


def test_production_sends_a_permissions_policy_header(client, production):
    with override_settings(
        MIDDLEWARE=production.MIDDLEWARE, PERMISSIONS_POLICY=production.PERMISSIONS_POLICY
    ):
        response = client.get(reverse("accounts:login"))

    policy = dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()"


def test_the_policy_is_set_right_after_the_security_middleware(production):
    assert production.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "django_permissions_policy.PermissionsPolicyMiddleware",
    ]
