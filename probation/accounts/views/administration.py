"""Account administration pages for system administrators (issue 9 item 4): every change goes
through the audited services in accounts.administration; others get a 404."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from probation.accounts.administration import (
    AccountAdministrationRefused,
    locked_sign_in_list,
    sign_in_unlock,
    two_factor_reset,
    user_change,
    user_for_administration,
    user_list_for_administration,
)
from probation.accounts.forms import UserChangeForm
from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.accounts.two_factor import has_two_factor


def _administrator(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not has_permission(user, Permission.ACCOUNT_MANAGE):
        raise Http404
    return user


@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    users = user_list_for_administration(actor=_administrator(request))
    return render(request, "accounts/users/list.html", {"users": users, "locked": locked_sign_in_list()})


@require_POST
def sign_in_unlock_view(request: HttpRequest) -> HttpResponse:
    actor = _administrator(request)
    username = request.POST.get("username", "")[:150]
    ip_address = request.POST.get("ip_address", "")[:45]
    sign_in_unlock(actor=actor, username=username, ip_address=ip_address)
    messages.success(request, f"Sign-in for {username} unlocked")
    return redirect("accounts:user-list")


@require_http_methods(["GET", "POST"])
def user_change_view(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = _administrator(request)
    user = user_for_administration(actor=actor, user_id=user_id)
    initial = {"role": user.role, "team": user.staff.team if user.staff else None}
    form = UserChangeForm(request.POST or None, initial=initial, has_staff=user.staff is not None)
    if request.method == "POST" and form.is_valid():
        try:
            user_change(
                actor=actor, user=user, role=form.cleaned_data["role"], team=form.cleaned_data.get("team")
            )
        except AccountAdministrationRefused as refused:
            form.add_error("role", str(refused))
        else:
            messages.success(request, f"{user.username} changed")
            return redirect("accounts:user-list")
    context = {"form": form, "subject": user, "has_two_factor": has_two_factor(user)}
    return render(request, "accounts/users/change.html", context)


@require_POST
def two_factor_reset_view(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = _administrator(request)
    user = user_for_administration(actor=actor, user_id=user_id)
    two_factor_reset(actor=actor, user=user)
    messages.success(request, f"Two-factor sign-in reset for {user.username}")
    return redirect("accounts:user-change", user_id=user.pk)
