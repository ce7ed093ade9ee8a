"""The victim liaison unit's pages: the unit list, adding a case by hand, a case in the scheme and
its key-stage tasks. Victim liaison staff of the case's region only; anyone else, and any case of
another region, gets the same 404 as an id that does not exist. Every page showing victim data
writes one audit row naming what it showed (ids, never names)."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, ServiceError
from probation.victims.forms import SchemeCaseAddForm
from probation.victims.presenters.unit import first_contact_tag, unit_row
from probation.victims.selectors import performance, scope
from probation.victims.services import scheme as services

UNIT = "victim_unit"
UNIT_PAGE_SIZE = 50


def require_vlo(
    request: AuthenticatedHttpRequest, permission: Permission = Permission.VICTIM_RECORDS
) -> None:
    if scope.vlo_region_id(request.user) is None or not has_permission(request.user, permission):
        raise Http404


class UnitListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        require_vlo(request)
        today = today_uk()
        totals = scope.unit_totals(request.user, today)
        paginator = Paginator(scope.unit_list(request.user), UNIT_PAGE_SIZE)
        paginator.count = totals["total"]  # counted above with the overdue figure
        page = paginator.get_page(request.GET.get("page"))
        rows = [unit_row(case, today) for case in page.object_list]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type=UNIT,
            object_id=scope.vlo_region_id(request.user),
            detail={"page": page.number, "scheme_cases": [row.pk for row in rows]},
        )
        context = {
            "rows": rows,
            "page": page,
            "total": totals["total"],
            "overdue": totals["overdue"],
            "today": today,
            "can_add": has_permission(request.user, Permission.VICTIM_RECORDS_MANAGE),
        }
        return render(request, "victims/unit.html", context)


class SchemeCaseAddView(View):
    def _render(self, request: AuthenticatedHttpRequest, form: SchemeCaseAddForm) -> HttpResponse:
        return render(
            request,
            "victims/form.html",
            {"form": form, "title": "Add a case to the scheme", "back_url": reverse("victims:unit")},
        )

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        return self._render(request, SchemeCaseAddForm())

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        form = SchemeCaseAddForm(data=request.POST)
        if form.is_valid():
            try:
                case = services.scheme_case_add(
                    actor=request.user,
                    crn=form.cleaned_data["crn"],
                    scheme=form.cleaned_data["scheme"],
                    reason=form.cleaned_data["reason"],
                    sentence_date=form.cleaned_data["sentence_date"],
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Case added to the scheme")
                return redirect("victims:scheme-case", case.pk)
        return self._render(request, form)


class SchemeCaseView(View):
    def get(self, request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
        require_vlo(request)
        case = scope.scheme_case_get(user=request.user, case_id=case_id)
        victims = list(
            case.victims.select_related("represents").order_by("role", "surname", "forename", "id")
        )
        tasks = list(case.tasks.order_by("done_on", "told_on", "id"))
        representations = list(case.representations.select_related("victim").order_by("sent_on", "id"))
        history = list(case.changes.select_related("by", "vlo"))
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            crn=case.person.crn,
            object_type=services.SCHEME_CASE,
            object_id=case.pk,
            detail={"victims": [v.pk for v in victims], "tasks": [t.pk for t in tasks]},
        )
        context = {
            "case": case,
            "status": first_contact_tag(case, today_uk()),
            "victims": victims,
            "tasks": tasks,
            "representations": representations,
            "history": history,
            "can_manage": case.closed_on is None
            and has_permission(request.user, Permission.VICTIM_RECORDS_MANAGE),
            "can_close": has_permission(request.user, Permission.VICTIM_CASE_CLOSE),
            "can_allocate": case.closed_on is None
            and has_permission(request.user, Permission.VICTIM_UNIT_MANAGE),
            "is_mine": case.vlo_id is not None and case.vlo_id == request.user.staff_id,
        }
        return render(request, "victims/scheme_case.html", context)


class SchemeCaseTakeView(View):
    def post(self, request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        version = request.POST.get("version", "")
        try:
            services.scheme_case_take(
                actor=request.user, case_id=case_id, expected_version=int(version) if version.isdigit() else 0
            )
        except ConflictError as conflict:
            messages.error(request, conflict.message)
        else:
            messages.success(request, "You are the case's victim liaison officer")
        return redirect("victims:scheme-case", case_id)


class TaskDoneView(View):
    def post(self, request: AuthenticatedHttpRequest, task_id: int) -> HttpResponse:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        try:
            task = services.task_complete(actor=request.user, task_id=task_id)
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("victims:unit")
        messages.success(request, "Task done")
        return redirect("victims:scheme-case", task.scheme_case_id)


def form_page(request: AuthenticatedHttpRequest, context: dict[str, Any]) -> HttpResponse:
    return render(request, "victims/form.html", context)


class UnitPerformanceView(View):
    """Every regional unit's figures (counts only), the user's own first."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        require_vlo(request)
        today = today_uk()
        own = scope.vlo_region_id(request.user)
        rows = sorted(
            performance.unit_performance(today=today), key=lambda r: (r.region.pk != own, r.region.name)
        )
        audit_record(actor=request.user, action=AuditAction.VIEW, object_type="victim_unit_performance")
        return render(request, "victims/performance.html", {"rows": rows, "today": today, "own": own})
