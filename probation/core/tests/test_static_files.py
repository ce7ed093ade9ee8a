"""Static files: no "No directory at: staticfiles/" warning on every start outside production
(issue 10 item 9); production still collects into one directory that WhiteNoise serves."""

import importlib
import warnings

from django.conf import settings
from django.http import HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware  # type: ignore[import-untyped]


def test_starting_the_app_outside_production_warns_of_no_missing_static_directory():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        WhiteNoiseMiddleware(lambda request: HttpResponse())

    assert [str(w.message) for w in caught if "No directory at" in str(w.message)] == []
    assert settings.STATIC_ROOT is None


def test_production_collects_static_files_into_staticfiles(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only-not-secret")
    monkeypatch.setenv("AUDIT_HMAC_KEY", "test-only-not-a-real-audit-key-0123456789")
    monkeypatch.setenv("AUDIT_ANCHOR_PATH", "/dev/null")
    production = importlib.import_module("config.settings.production")

    assert production.STATIC_ROOT == settings.BASE_DIR / "staticfiles"
