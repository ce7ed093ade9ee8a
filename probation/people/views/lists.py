"""Caseloads, search and the partner's shared-cases list."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import Staff
from probation.accounts.policy import Permission, has_permission, is_partner
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.csv_export import csv_write
from probation.people import selectors
from probation.people.forms.other import SearchForm
from probation.people.policy import people_listable_to
from probation.people.presenters import person_row
from probation.people.search import person_search
from probation.people.search_guard import SearchRefused, search_audit_record, search_rate_limit


def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    if has_permission(user, Permission.WORKLIST_TEAM) and user.staff is not None:
        return redirect("worklists:decisions")  # a team manager starts with what waits for them
    if has_permission(user, Permission.CASELOAD_OWN) and user.staff is not None:
        return redirect("people:caseload")
    if has_permission(user, Permission.CASE_SEARCH):
        return redirect("people:search")
    if is_partner(user):
        return redirect("people:shared")
    if has_permission(user, Permission.AUDIT_VIEW):
        return redirect("audit:search")
    raise Http404


def _caseload_page(
    request: AuthenticatedHttpRequest, officer: Staff, title: str, *, own: bool
) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    sort = request.GET.get("sort", "name")
    sort = sort if sort in selectors.CASELOAD_SORTS else "name"
    people = selectors.caseload_list(user=request.user, officer=officer, query=query, sort=sort)
    page = Paginator(people, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="caseload",
        object_id=officer.code,
        detail={"page": page.number, "query": query, "sort": sort},
    )
    return render(
        request,
        "people/caseload.html",
        {
            "title": title,
            "officer": officer,
            "own": own,
            "rows": [person_row(p) for p in page.object_list],
            "page": page,
            "query": query,
        },
    )


class CaseloadView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.CASELOAD_OWN) or request.user.staff is None:
            raise Http404
        return _caseload_page(request, request.user.staff, "My cases", own=True)


class CaseloadExportView(View):
    """The user's own caseload as CSV. Limited-access cases appear as CRN and "Restricted" only."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.CASELOAD_EXPORT) or request.user.staff is None:
            raise Http404
        people = selectors.caseload_list(user=request.user, officer=request.user.staff)
        rows = [person_row(p) for p in people]
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT,
            object_type="caseload",
            object_id=request.user.staff.code,
            detail={"rows": len(rows), "crns": [r.crn for r in rows]},
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-cases.csv"'
        csv_write(
            response,
            [
                ["CRN", "Name", "Date of birth", "Location"],
                *(
                    [row.crn, "Restricted", "", ""]
                    if row.restricted
                    else [
                        row.crn,
                        row.name,
                        row.date_of_birth.isoformat() if row.date_of_birth else "",
                        row.location,
                    ]
                    for row in rows
                ),
            ],
        )
        return response


class TeamView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.TEAM_CASELOAD_VIEW) or request.user.staff is None:
            raise Http404
        team = request.user.staff.team
        audit_record(actor=request.user, action=AuditAction.VIEW, object_type="team", object_id=team.code)
        return render(
            request,
            "people/team.html",
            {"team": team, "members": selectors.team_members_with_caseloads(team=team)},
        )


class OfficerCaseloadView(View):
    """A team manager's view of one team member's caseload."""

    def get(self, request: AuthenticatedHttpRequest, staff_code: str) -> HttpResponse:
        if not has_permission(request.user, Permission.TEAM_CASELOAD_VIEW) or request.user.staff is None:
            raise Http404
        officer = selectors.team_member_get(team=request.user.staff.team, code=staff_code)
        return _caseload_page(request, officer, f"{officer.name}’s cases", own=False)


class SearchView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.CASE_SEARCH):
            raise Http404
        refused = search_rate_limit(request) if request.GET else None
        if refused is not None:
            return _search_refused_page(request, refused)
        form = SearchForm(request.GET or None)
        context: dict[str, Any] = {"form": form, "searched": False}
        if request.GET and form.is_valid():
            text: str = form.cleaned_data["q"]
            dob: date | None = form.cleaned_data["dob"]
            if not text.strip() and dob is None:
                form.add_error("q", "Enter a CRN, PNC number, name or date of birth")
            else:
                results = person_search(user=request.user, text=text, date_of_birth=dob)
                search_audit_record(request, results, query=text, date_of_birth=dob)
                context |= {
                    "searched": True,
                    "rows": [person_row(r.person, alias=r.matched_alias) for r in results],
                }
        return render(request, "people/search.html", context)


def _search_refused_page(request: AuthenticatedHttpRequest, refused: SearchRefused) -> HttpResponse:
    """HTTP 429 with a GOV.UK error summary saying how long to wait."""
    response = render(request, "people/search_limited.html", {"message": refused.message}, status=429)
    response["Retry-After"] = str(refused.retry_after)
    return response


class SharedCasesView(View):
    """A partner-agency user's list of the cases shared with them."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not is_partner(request.user):
            raise Http404
        people = (
            people_listable_to(request.user).select_related("officer").order_by("surname_key", "first_name")
        )
        page = Paginator(people, settings.PAGE_SIZE).get_page(request.GET.get("page"))
        audit_record(actor=request.user, action=AuditAction.VIEW, object_type="shared_cases")
        return render(
            request, "people/shared.html", {"rows": [person_row(p) for p in page.object_list], "page": page}
        )
