from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission


def _has_staff(user: User) -> bool:
    return bool(user.staff_id)


def _is_partner(user: User) -> bool:
    return user.role == "partner"


def _anyone(user: User) -> bool:
    return True


# The primary navigation in order: each group shows when the user has the permission and passes the
# extra check (their own worklist and diary need a staff record; shared cases are partners' view).
_NAV: tuple[tuple[Permission, Callable[[User], bool], tuple[tuple[str, str, str], ...]], ...] = (
    (Permission.WORKLIST_TEAM, _has_staff, (("Decisions", "worklists:decisions", "/work/decisions"),)),
    (Permission.WORKLIST_OWN, _has_staff, (("My work", "worklists:mine", "/work"),)),
    (Permission.CASELOAD_OWN, _anyone, (("My cases", "people:caseload", "/cases/mine"),)),
    (
        Permission.DIARY_OWN,
        _has_staff,
        (
            ("Diary", "contacts:diary", "/diary"),
            ("Needs an outcome", "contacts:outstanding", "/contacts/outstanding"),
        ),
    ),
    (Permission.CASE_SEARCH, _anyone, (("Search", "people:search", "/search"),)),
    (Permission.PERSON_CREATE, _anyone, (("Add a person", "people:person-create", "/cases/new"),)),
    (
        Permission.CASELOAD_OWN,
        _anyone,
        (
            ("Reviews due", "risk:registration-reviews-due", "/risk/reviews-due"),
            ("MAPPA actions", "mappa:actions-due", "/mappa/actions-due"),
        ),
    ),
    (
        Permission.PREDICTOR_CALCULATE,
        _anyone,
        (("Risk calculators", "risk:calculator-list", "/risk/calculators"),),
    ),
    (Permission.TEAM_CASELOAD_VIEW, _anyone, (("My team", "people:team", "/teams/mine"),)),
    (Permission.WORKLIST_TEAM, _anyone, (("Team work", "worklists:team", "/work/team"),)),
    (Permission.COURT_DUTY_VIEW, _has_staff, (("Courts", "court:index", "/courts"),)),
    (Permission.CASE_VIEW, _is_partner, (("Shared cases", "people:shared", "/cases/shared"),)),
    (Permission.AUDIT_VIEW, _anyone, (("Audit", "audit:search", "/audit"),)),
    (
        Permission.LIMITED_ACCESS_MANAGE,
        _anyone,
        (("Limited access", "people:limited-access-find", "/limited-access"),),
    ),
    (Permission.ACCOUNT_MANAGE, _anyone, (("Users", "accounts:user-list", "/users"),)),
)


def service(request: HttpRequest) -> dict[str, object]:
    """Navigation (by role) and session-timeout values for the layout (frontend/base.html)."""
    user = request.user
    nav: list[tuple[str, str, str]] = []
    if user.is_authenticated:
        for permission, applies, items in _NAV:
            if has_permission(user, permission) and applies(user):
                nav.extend(items)
    return {
        "service_name": "Manage a probation case",
        "primary_nav": nav,
        "session_timeout_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
