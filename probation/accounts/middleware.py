"""Idle-session expiry without a database write on every request."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from probation.accounts.models import User
from probation.accounts.two_factor import has_two_factor
from probation.core.session_events import SessionEvent, session_event_record

TOUCHED_KEY = "_touched"
# Session stores that keep sessions in the Session table (probation.accounts.sessions is Django's).
DATABASE_SESSION_ENGINES = ("django.contrib.sessions.backends.db", "probation.accounts.sessions")


class SessionIdleMiddleware:
    """Renew a signed-in user's session at most once every SESSION_RENEW_SECONDS.

    Sessions end after SESSION_COOKIE_AGE seconds without a renewal, so a user idle for the full
    period (give or take the renewal interval) is signed out, while busy users cost one session write
    a minute instead of one per page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - session.get(TOUCHED_KEY, 0) >= settings.SESSION_RENEW_SECONDS:
                session[TOUCHED_KEY] = now
        elif session is not None:
            record_expired_session(request)
        return self.get_response(request)


def record_expired_session(request: HttpRequest) -> None:
    """Audit a session that ended by expiry (issue 9 item 4). The browser comes back with the cookie
    of a session that has expired (the timeout warning sends it to the sign-in page at that moment):
    the expired row names its user, is recorded once as ``session_expired`` and deleted. A session
    ended by signing out was deleted then, so it is never counted as expired."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        return
    expired = Session.objects.filter(session_key=key, expire_date__lte=timezone.now()).first()
    if expired is None:
        return
    user_id = expired.get_decoded().get(SESSION_KEY)
    deleted, _ = Session.objects.filter(pk=expired.pk).delete()
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if deleted and user is not None:
        session_event_record(actor=user, event=SessionEvent.SESSION_EXPIRED)


class TwoFactorRequiredMiddleware:
    """With OTP_REQUIRED (production, ADR 0023), a signed-in user whose session was not verified with
    a second factor may only set one up or sign out: a user without an authenticator is sent to set
    one up, and a session that skipped the code it should have asked for is ended."""

    ALLOWED = ("accounts:two-factor-set-up", "accounts:logout", "accounts:session-keepalive")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.OTP_REQUIRED
            and user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]  # set by django-otp's OTPMiddleware
            and not request.path.startswith(settings.STATIC_URL)
            and request.path not in self._allowed_paths()
        ):
            if has_two_factor(user):
                logout(request)
                return redirect("accounts:login")
            return redirect("accounts:two-factor-set-up")
        return self.get_response(request)

    @staticmethod
    def _allowed_paths() -> set[str]:
        return {reverse(name) for name in TwoFactorRequiredMiddleware.ALLOWED}
