"""Production: every secret and host from the environment; HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, MIDDLEWARE

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
# The audit's keys and anchor store (ADR 0020): required, never defaulted. The key is not kept in the
# database, so the database's own roles cannot re-chain the audit.
AUDIT_HMAC_KEY = os.environ["AUDIT_HMAC_KEY"]
if len(AUDIT_HMAC_KEY) < 32:
    raise ImproperlyConfigured("AUDIT_HMAC_KEY must be at least 32 characters")
AUDIT_ANCHOR_PATH = os.environ["AUDIT_ANCHOR_PATH"]
# collectstatic writes here; WhiteNoise serves the compressed files from it.
STATIC_ROOT = BASE_DIR / "staticfiles"
# Two-factor sign-in is required for everyone in production (ADR 0023).
OTP_REQUIRED = True
# Behind N reverse proxies the sign-in lockout takes the client's address from X-Forwarded-For, not the
# proxy's (ADR 0023); with none it uses REMOTE_ADDR.
if _proxies := int(os.environ.get("DJANGO_PROXY_COUNT", "0")):
    AXES_IPWARE_PROXY_COUNT = _proxies
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# One cache for every worker process, so the search rate limits and probing alerts (ADR 0021) count
# each user once whatever worker serves them. In the database: no extra service to run; the table is
# made by migration accounts/0002.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "openprobation_cache",
    }
}

# GOV.UK Notify in production; the API key and template ids come only from the environment
# (NOTIFY_API_KEY, NOTIFY_TEMPLATE_APPOINTMENT_{BOOKED,REMINDER}_{SMS,EMAIL}).
NOTIFICATION_BACKEND = os.environ.get("NOTIFICATION_BACKEND", "probation.contacts.notify.GovukNotifyBackend")

# Browser features the service never uses are switched off for it and anything it embeds
# (ASVS 5.0 V3.4; django-permissions-policy). Right after SecurityMiddleware so every response has it.
MIDDLEWARE = [MIDDLEWARE[0], "django_permissions_policy.PermissionsPolicyMiddleware", *MIDDLEWARE[1:]]
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
