"""Two-factor sign-in (django-otp, ADR 0023): an authenticator app (TOTP) and single-use recovery
codes. Pages call these; every step is recorded in the audit through core.session_events."""

from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.models import User
from probation.core.session_events import SessionEvent, session_event_record

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def signing_in_user(user_id: object) -> User | None:
    """The active user part-way through signing in (password given, code not yet)."""
    return User.objects.filter(pk=user_id, is_active=True).first() if isinstance(user_id, int) else None


def has_two_factor(user: User) -> bool:
    """Whether the user has a confirmed authenticator, so signing in asks for a code."""
    return user_has_device(user, confirmed=True)


def pending_authenticator(user: User) -> TOTPDevice:
    """The user's authenticator being set up (made on first call, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The shared secret in base32, in groups of four, for typing into an app instead of scanning."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_authenticator(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code it made. Returns the new recovery codes (to show once), or None
    if the code is wrong. Earlier recovery codes stop working."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
    session_event_record(actor=user, event=SessionEvent.TWO_FACTOR_SET_UP)
    return codes


@transaction.atomic
def verify_code(*, user: User, code: str) -> TOTPDevice | StaticDevice | None:
    """The confirmed device that accepts ``code`` (a recovery code is used up), or None. Audited
    either way; each device throttles repeated wrong codes itself."""
    for device in devices_for_user(user, confirmed=True):
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            detail = {"method": "recovery_code" if isinstance(device, StaticDevice) else "authenticator"}
            if isinstance(device, StaticDevice):
                detail["recovery_codes_left"] = device.token_set.count()
            session_event_record(actor=user, event=SessionEvent.TWO_FACTOR_VERIFIED, detail=detail)
            return device
    session_event_record(actor=None, event=SessionEvent.TWO_FACTOR_FAILED, username=user.username)
    return None
