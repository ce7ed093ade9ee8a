from django.conf import settings
from django.http import HttpRequest

from probation.accounts.policy import Permission, has_permission


def service(request: HttpRequest) -> dict[str, object]:
    """Navigation (by role) and session-timeout values for the layout (frontend/base.html)."""
    user = request.user
    nav = []
    if user.is_authenticated:
        if has_permission(user, Permission.WORKLIST_OWN) and user.staff_id:
            nav.append(("My work", "worklists:mine", "/work"))
        if has_permission(user, Permission.CASELOAD_OWN):
            nav.append(("My cases", "people:caseload", "/cases/mine"))
        if has_permission(user, Permission.DIARY_OWN) and user.staff_id:
            nav.append(("Diary", "contacts:diary", "/diary"))
            nav.append(("Needs an outcome", "contacts:outstanding", "/contacts/outstanding"))
        if has_permission(user, Permission.CASE_SEARCH):
            nav.append(("Search", "people:search", "/search"))
        if has_permission(user, Permission.PERSON_CREATE):
            nav.append(("Add a person", "people:person-create", "/cases/new"))
        if has_permission(user, Permission.CASELOAD_OWN):
            nav.append(("Reviews due", "risk:registration-reviews-due", "/risk/reviews-due"))
            nav.append(("MAPPA actions", "mappa:actions-due", "/mappa/actions-due"))
        if has_permission(user, Permission.PREDICTOR_CALCULATE):
            nav.append(("Risk calculators", "risk:calculator-list", "/risk/calculators"))
        if has_permission(user, Permission.TEAM_CASELOAD_VIEW):
            nav.append(("My team", "people:team", "/teams/mine"))
        if has_permission(user, Permission.WORKLIST_TEAM):
            nav.append(("Team work", "worklists:team", "/work/team"))
        if has_permission(user, Permission.CASE_VIEW) and user.role == "partner":
            nav.append(("Shared cases", "people:shared", "/cases/shared"))
        if has_permission(user, Permission.AUDIT_VIEW):
            nav.append(("Audit", "audit:search", "/audit"))
        if has_permission(user, Permission.LIMITED_ACCESS_MANAGE):
            nav.append(("Limited access", "people:limited-access-find", "/limited-access"))
        if has_permission(user, Permission.ACCOUNT_MANAGE):
            nav.append(("Users", "accounts:user-list", "/users"))
    return {
        "service_name": "Manage a probation case",
        "primary_nav": nav,
        "session_timeout_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
