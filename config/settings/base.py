"""Settings shared by every environment. Secrets come only from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    # Before crispy_forms_gds so its templates can override the template pack's (error summary).
    "probation.frontend",
    "crispy_forms",
    "crispy_forms_gds",
    "probation.core",
    "probation.accounts",
    "probation.audit",
    "probation.people",
    "probation.sentences",
    "probation.risk",
    "probation.mappa",
    "probation.assessments",
    "probation.safeguarding",
    "probation.contacts",
    "probation.enforcement",
    "probation.scores",
    "probation.tiers",
    "probation.reports",
    "probation.court",
    "probation.workload",
    "probation.worklists",
    "probation.plans",
    "probation.unpaid_work",
    "probation.custody",
    "probation.approved_premises",
    "probation.victims",
    "probation.insights",
    "probation.programmes",
    "probation.referrals",
    "probation.drug_testing",
    "probation.parole",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "probation.accounts.middleware.SessionIdleMiddleware",
    "probation.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "probation.core.middleware.BadInputMiddleware",
    "probation.audit.middleware.AuditContextMiddleware",
    "probation.core.middleware.NoStoreMiddleware",
    "probation.core.middleware.NotFoundMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "probation.accounts.context_processors.service",
            ],
            "builtins": [
                "probation.frontend.templatetags.govuk",
                "probation.frontend.templatetags.components",
            ],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the single writer; IMMEDIATE takes the write lock at BEGIN so two
    # writers queue instead of failing half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# Two PostgreSQL roles (ADR 0020): the service connects as DATABASE_URL's role, which may only append
# to the audit; DATABASE_MIGRATION_URL's role owns the tables and triggers, and `manage.py migrate`
# connects as it. Without DATABASE_MIGRATION_URL one role does both (SQLite, quick local runs).
_migration_url = os.environ.get("DATABASE_MIGRATION_URL", "")
_migration_database = dj_database_url.parse(_migration_url) if _migration_url else {}
_CREDENTIALS = ("USER", "PASSWORD", "HOST", "PORT")
DATABASE_ROLES: dict[str, dict[str, object]] = (
    {
        "app": {key: DATABASES["default"].get(key, "") for key in _CREDENTIALS},
        "owner": {key: _migration_database.get(key, "") for key in _CREDENTIALS},
    }
    if _migration_database
    else {}
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "probation.accounts.backends.StaffModelBackend",
]

# Lockout after repeated failures (django-axes, ADR 0023): failures are counted per username *and*
# source address together, so a stranger elsewhere cannot lock someone else's account, and an office
# behind one gateway address is not locked out by one person's mistakes. Each further lockout of the
# same pair doubles the cool-off (probation.accounts.lockout.cool_off), from 5 minutes to a day.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = "probation.accounts.lockout.cool_off"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "probation.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Lockouts are ended only on the audited users page, not by deleting records in the admin site.
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "username"

# Two-factor sign-in (django-otp, ADR 0023): TOTP with single-use recovery codes. OTP_REQUIRED makes
# every user without a confirmed authenticator set one up before using the service; production sets
# it, the demo and tests run without it and say so on the sign-in page.
OTP_REQUIRED = False
OTP_TOTP_ISSUER = "OpenProbation"
TWO_FACTOR_RECOVERY_CODES = 10
TWO_FACTOR_PENDING_SECONDS = 5 * 60

# Idle-session expiry: the session is renewed (at most once a minute, SessionIdleMiddleware) while
# the user is active and ends after 30 idle minutes. The browser shows a GOV.UK timeout warning
# SESSION_WARNING_SECONDS before it ends.
SESSION_COOKIE_AGE = 30 * 60
# Django's database sessions, reading the session row with SQL built once a process (accounts/sessions.py).
SESSION_ENGINE = "probation.accounts.sessions"
SESSION_RENEW_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_WARNING_SECONDS = 2 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# No STATIC_ROOT outside production: WhiteNoise serves from the finders there, and a STATIC_ROOT that
# collectstatic never filled made it warn "No directory at: staticfiles/" on every start (issue 10).
STATIC_ROOT: Path | None = None
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    ("moj", BASE_DIR / "node_modules" / "@ministryofjustice" / "frontend" / "moj"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Logs carry no personal data: request paths are redacted of CRNs and query strings.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "probation.core.logging.RedactPersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "axes": {"level": "ERROR"},
        # WeasyPrint logs each rendering step at INFO; letters hold personal data, so keep it quiet.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The audit (ADR 0020): each entry's hash is an HMAC keyed with AUDIT_HMAC_KEY, which is never in the
# database; `manage.py audit_anchor` appends signed checkpoints of the chain head to AUDIT_ANCHOR_PATH
# (an append-only file outside the database, also logged). Each environment's settings set both.
# Entries written before keyed hashes keep their unkeyed SHA-256; AUDIT_UNKEYED_UNTIL is the last of
# them (the entry count `audit_verify` reported just before upgrading), so that nobody can pass off a
# rewritten chain as unkeyed. Databases created since have none: 0.
AUDIT_HMAC_KEY = ""
AUDIT_ANCHOR_PATH = ""
AUDIT_UNKEYED_UNTIL = int(os.environ.get("AUDIT_UNKEYED_UNTIL", "0"))

SEARCH_RESULT_LIMIT = 50
PAGE_SIZE = 25
# A set-password link a system administrator issues works once, for 3 days (accounts.administration).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60

# Appointment reminders (ADR 0016): the recording backend stores messages and sends nothing.
NOTIFICATION_BACKEND = "probation.contacts.notify.RecordingBackend"
