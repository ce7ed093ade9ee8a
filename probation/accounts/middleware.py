"""Idle-session expiry without a database write on every request."""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

TOUCHED_KEY = "_touched"


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
        return self.get_response(request)
