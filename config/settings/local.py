"""Local development: the zero-setup SQLite default. Not for production."""

import os
import secrets

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, INSTALLED_APPS

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Demo data commands (generate_data, generate_case_history); never in production (ADR 0019).
INSTALLED_APPS = [*INSTALLED_APPS, "probation.demo"]


def _local_secret(name: str = "secret_key") -> str:
    """A random key per checkout, kept out of git, so no secret is ever a committed default."""
    path = BASE_DIR / "var" / name
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret()
AUDIT_HMAC_KEY = os.environ.get("AUDIT_HMAC_KEY") or _local_secret("audit_hmac_key")
AUDIT_ANCHOR_PATH = os.environ.get("AUDIT_ANCHOR_PATH") or str(BASE_DIR / "var" / "audit-anchors.jsonl")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
