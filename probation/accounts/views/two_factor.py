"""The second step of signing in, and setting up an authenticator app (ADR 0023)."""

import time

import segno
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from probation.accounts.forms import TwoFactorCodeForm, TwoFactorSetUpForm
from probation.accounts.models import User
from probation.accounts.two_factor import (
    confirm_authenticator,
    has_two_factor,
    pending_authenticator,
    secret_for_manual_entry,
    signing_in_user,
    verify_code,
)
from probation.core.session_events import SessionEvent, session_event_record

PENDING_KEY = "_two_factor_pending"
# Wrong codes allowed in one sign-in before the password must be given again.
MAX_WRONG_CODES = 5


def start_two_factor(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    """After a correct password: remember who is signing in (not yet signed in) and ask for a code."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,  # type: ignore[attr-defined]  # set by authenticate()
        "next": next_url,
        "started": int(time.time()),
        "wrong": 0,
    }
    return redirect("accounts:two-factor")


def _pending_user(request: HttpRequest) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None, {}
    if time.time() - pending.get("started", 0) > settings.TWO_FACTOR_PENDING_SECONDS:
        del request.session[PENDING_KEY]
        return None, {}
    user = signing_in_user(pending.get("user"))
    return user, pending


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    user, pending = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verify_code(user=user, code=form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_KEY]
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            session_event_record(actor=user, event=SessionEvent.SIGN_IN)
            return redirect(pending["next"] or settings.LOGIN_REDIRECT_URL)
        pending["wrong"] = pending.get("wrong", 0) + 1
        if pending["wrong"] >= MAX_WRONG_CODES:
            del request.session[PENDING_KEY]
            return redirect("accounts:login")
        request.session[PENDING_KEY] = pending
        form.add_error(
            "code", "The security code is not right. Enter the code your app shows now, or a recovery code"
        )
    return render(request, "accounts/two_factor.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_set_up(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if has_two_factor(user):
        return redirect(settings.LOGIN_REDIRECT_URL)
    device = pending_authenticator(user)
    form = TwoFactorSetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = confirm_authenticator(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            return render(request, "accounts/two_factor_recovery_codes.html", {"codes": codes})
        form.add_error("code", "The security code is not right. Enter the code your app shows now")
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, border=2, title="QR code for your authenticator app", dark="#0b0c0c")
    context = {
        "form": form,
        "qr_svg": mark_safe(svg),  # noqa: S308 - made here by segno from the device's own URL
        "secret": secret_for_manual_entry(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "account": user.get_username(),
    }
    return render(request, "accounts/two_factor_set_up.html", context)
