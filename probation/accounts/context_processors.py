from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission


def _has_staff(user: User) -> bool:
    return bool(user.staff_id)


def _is_partner(user: User) -> bool:
    return user.role == "partner"


def _anyone(user: User) -> bool:
    return True


def _without_team_work(user: User) -> bool:
    """A manager reaches the team's caseloads from Team work, which links to them."""
    return not has_permission(user, Permission.WORKLIST_TEAM)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: Permission
    applies: Callable[[User], bool] = _anyone


# The primary navigation in order, one item a line: each shows when the user has the permission and
# passes the extra check (their own worklist and diary need a staff record; shared cases are partners'
# view). Every role's list fits on one line at desktop width (tests/browser/test_layout.py): what an
# officer works through (needing an outcome, reviews due, MAPPA actions) is a section of My work,
# and a manager's team caseloads are a link from Team work.
_NAV: tuple[NavItem, ...] = (
    NavItem("Decisions", "worklists:decisions", Permission.WORKLIST_TEAM, _has_staff),
    NavItem("My work", "worklists:mine", Permission.WORKLIST_OWN, _has_staff),
    NavItem("My cases", "people:caseload", Permission.CASELOAD_OWN),
    NavItem("Diary", "contacts:diary", Permission.DIARY_OWN, _has_staff),
    NavItem("Victim liaison", "victims:unit", Permission.VICTIM_RECORDS, _has_staff),
    NavItem("Search", "people:search", Permission.CASE_SEARCH),
    NavItem("Add a person", "people:person-create", Permission.PERSON_CREATE),
    NavItem("Calculators", "risk:calculator-list", Permission.PREDICTOR_CALCULATE),
    # Court officers' daily work. POs and senior POs may read their PDU's duty pages (COURT_DUTY_VIEW)
    # at /courts, but their navigation is full (it must fit one line); a link from My work is to come.
    NavItem("Courts", "court:index", Permission.COURT_LIST_MANAGE, _has_staff),
    NavItem("Report requests", "reports:request-list", Permission.COURT_LIST_MANAGE, _has_staff),
    NavItem("Projects", "unpaid_work:projects", Permission.UPW_MANAGE, _has_staff),
    NavItem("My sessions", "unpaid_work:sessions", Permission.UPW_SESSION_RECORD, _has_staff),
    # Accredited programmes (issue 12): the treatment manager's waiting list, groups and training;
    # facilitators reach their registers from My work.
    NavItem("Programmes", "programmes:waiting-list", Permission.PROGRAMME_MANAGE, _has_staff),
    # Approved premises (issue 16): assessors' and the CRU's work lists, the premises AP staff run.
    NavItem("Assessments", "approved_premises:assessment-list", Permission.AP_ASSESS),
    NavItem("Placements", "approved_premises:placement-list", Permission.AP_MATCH),
    NavItem("Premises", "approved_premises:premises-list", Permission.AP_PREMISES_MANAGE),
    # Commissioned providers' staff (issue 12 item 3): their organisation's referrals.
    NavItem("Referrals", "referrals:provider-list", Permission.REFERRAL_PROVIDER_WORK),
    NavItem("My team", "people:team", Permission.TEAM_CASELOAD_VIEW, _without_team_work),
    NavItem("Team work", "worklists:team", Permission.WORKLIST_TEAM),
    NavItem("Shared cases", "people:shared", Permission.CASE_VIEW, _is_partner),
    NavItem("Local information", "insights:index", Permission.INSIGHTS_AREA_VIEW, _has_staff),
    NavItem("Audit", "audit:search", Permission.AUDIT_VIEW),
    NavItem("Limited access", "people:limited-access-find", Permission.LIMITED_ACCESS_MANAGE),
    NavItem("Users", "accounts:user-list", Permission.ACCOUNT_MANAGE),
)


def primary_nav(user: User | AnonymousUser) -> list[NavItem]:
    """The navigation items this user sees, in order."""
    if not isinstance(user, User) or not user.is_authenticated:
        return []
    return [item for item in _NAV if has_permission(user, item.permission) and item.applies(user)]


def service(request: HttpRequest) -> dict[str, object]:
    """Navigation (by role) and session-timeout values for the layout (frontend/base.html)."""
    return {
        "service_name": "Manage a probation case",
        "primary_nav": primary_nav(request.user),
        "session_timeout_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
