"""Test settings: the same stack as production, with a fast password hasher."""

from config.settings.base import *  # noqa: F403
from config.settings.base import INSTALLED_APPS, PASSWORD_HASHERS

SECRET_KEY = "test-only-not-secret"  # noqa: S105
AUDIT_HMAC_KEY = "test-only-audit-key-not-secret-0123456789"
AUDIT_ANCHOR_PATH = ""  # tests that anchor write to their own tmp_path
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Demo data commands: the generator's tests, browser journeys and bench/ (ADR 0019); never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "probation.demo"]
# Argon2 stays available (a test signs in with it); most tests use MD5 for speed.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
WHITENOISE_USE_FINDERS = True
# Find a static file when it is asked for, rather than indexing every file the finders know (about
# 1,400) whenever a test client builds the middleware: that index cost 0.4 s of each test using one.
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
