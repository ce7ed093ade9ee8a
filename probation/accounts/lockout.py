"""Sign-in throttling (django-axes, ADR 0023): lockout by username *and* source address, with a
cool-off that doubles while failures go on, and a GOV.UK page that tells a locked-out user how to
recover."""

from datetime import timedelta

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from probation.core.session_events import SessionEvent, session_event_record

BASE_COOL_OFF = timedelta(minutes=5)
MAX_COOL_OFF = timedelta(days=1)


def _failures(request: HttpRequest | None) -> int:
    if request is None:
        return 0
    ip_address = getattr(request, "axes_ip_address", None)
    username = get_client_username(request)
    if not username or not ip_address:
        return 0
    failures = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .values_list("failures_since_start", flat=True)
        .first()
    )
    return failures or 0


def cool_off_after(failures: int) -> timedelta:
    """How long a username and address stay locked after ``failures`` failures in a row: 5 minutes at
    the first lockout, doubling for each further ``AXES_FAILURE_LIMIT`` failures, at most a day."""
    limit = settings.AXES_FAILURE_LIMIT
    steps = max(0, failures - limit) // limit
    return min(BASE_COOL_OFF * 2 ** min(steps, 20), MAX_COOL_OFF)


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """AXES_COOLOFF_TIME: the cool-off for this request's username and address. Failures stop
    counting once a cool-off passes with none."""
    return cool_off_after(_failures(request))


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The response to a sign-in refused by the lockout (AXES_LOCKOUT_CALLABLE): audited, 429."""
    username = get_client_username(request, credentials) or ""
    session_event_record(actor=None, event=SessionEvent.SIGN_IN_LOCKED_OUT, username=str(username)[:150])
    minutes = int(cool_off(request).total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"cool_off_minutes": minutes}, status=429)
