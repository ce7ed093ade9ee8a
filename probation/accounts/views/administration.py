"""Account administration pages for system administrators (issue 9 item 4): every change goes
through the audited services in accounts.administration; others get a 404."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from probation.accounts.administration import (
    AccountAdministrationRefused,
    NewAccount,
    locked_sign_in_list,
    sign_in_link_issue,
    sign_in_unlock,
    two_factor_reset,
    user_active_set,
    user_change,
    user_create,
    user_for_administration,
    user_list_for_administration,
)
from probation.accounts.forms import UserChangeForm, UserCreateForm, UserSearchForm
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
    actor = _administrator(request)
    search = UserSearchForm(request.GET)
    criteria = search.cleaned_data if search.is_valid() else {}
    users = user_list_for_administration(
        actor=actor, query=criteria.get("q", ""), role=criteria.get("role", "")
    )
    page = Paginator(users, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"search": search, "page": page, "locked": locked_sign_in_list()}
    return render(request, "accounts/users/list.html", context)


@require_http_methods(["GET", "POST"])
def user_create_view(request: HttpRequest) -> HttpResponse:
    actor = _administrator(request)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account = NewAccount(
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role=data["role"],
            team=data.get("team"),
            grade=data.get("grade", ""),
            agency=data.get("agency", ""),
        )
        try:
            user = user_create(actor=actor, account=account)
        except AccountAdministrationRefused as refused:
            form.add_error("username" if "username" in str(refused) else None, str(refused))
        else:
            return _show_link(request, user, sign_in_link_issue(actor=actor, user=user), created=True)
    return render(request, "accounts/users/create.html", {"form": form})


def _show_link(request: HttpRequest, user: User, path: str, *, created: bool) -> HttpResponse:
    context = {
        "subject": user,
        "link": request.build_absolute_uri(path),
        "created": created,
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    return render(request, "accounts/users/link.html", context)


@require_POST
def sign_in_link_view(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = _administrator(request)
    user = user_for_administration(actor=actor, user_id=user_id)
    try:
        path = sign_in_link_issue(actor=actor, user=user)
    except AccountAdministrationRefused as refused:
        messages.error(request, str(refused))
        return redirect("accounts:user-change", user_id=user.pk)
    return _show_link(request, user, path, created=False)


@require_POST
def user_active_view(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = _administrator(request)
    user = user_for_administration(actor=actor, user_id=user_id)
    active = request.POST.get("active") == "1"
    try:
        user_active_set(actor=actor, user=user, active=active)
    except AccountAdministrationRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"{user.username} {'reactivated' if active else 'deactivated'}")
    return redirect("accounts:user-change", user_id=user.pk)


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
