"""The unit's management of its cases: allocating a case to a VLO (the unit's manager), closing a
case with a reason and reopening it (a VLO or the manager), and the unit's closed cases. Victim
liaison staff of the case's region only; anyone else gets the same 404 as a missing id."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, ServiceError
from probation.frontend.forms import GovukForm
from probation.victims.forms import AllocateForm, CloseForm, ReopenForm
from probation.victims.models import SchemeCase
from probation.victims.presenters.unit import unit_row
from probation.victims.selectors import scope
from probation.victims.services import scheme as scheme_services
from probation.victims.services import unit as services
from probation.victims.views.unit import UNIT, require_vlo


class _CaseFormView(View):
    title = ""
    success_message = ""
    permission = Permission.VICTIM_CASE_CLOSE
    case: SchemeCase

    def form(self, data: Any = None) -> GovukForm:
        raise NotImplementedError

    def save(self, data: dict[str, Any]) -> SchemeCase:
        raise NotImplementedError

    def load(self, request: AuthenticatedHttpRequest, case_id: int) -> None:
        require_vlo(request, self.permission)
        self.case = scope.scheme_case_get(user=request.user, case_id=case_id)

    def show(self, request: AuthenticatedHttpRequest, form: GovukForm, conflict: Any = None) -> HttpResponse:
        context = {
            "form": form,
            "title": self.title,
            "back_url": reverse("victims:scheme-case", args=[self.case.pk]),
            "case": self.case,
            "conflict": conflict,
        }
        return render(request, "victims/form.html", context, status=409 if conflict else 200)

    def get(self, request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
        self.load(request, case_id)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            crn=self.case.person.crn,
            object_type=scheme_services.SCHEME_CASE,
            object_id=self.case.pk,
            detail={"page": request.resolver_match.url_name if request.resolver_match else "form"},
        )
        return self.show(request, self.form())

    def post(self, request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
        self.load(request, case_id)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.show(request, form)
        try:
            self.save(form.cleaned_data)
        except ConflictError as conflict:
            return self.show(request, self.form(), conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self.show(request, form)
        messages.success(request, self.success_message)
        return redirect("victims:scheme-case", self.case.pk)


class SchemeCaseAllocateView(_CaseFormView):
    title = "Allocate the case to a victim liaison officer"
    success_message = "Case allocated"
    permission = Permission.VICTIM_UNIT_MANAGE

    def form(self, data: Any = None) -> GovukForm:
        vlos = [
            (staff.pk, f"{staff.name} ({open_cases} open case{'' if open_cases == 1 else 's'})")
            for staff, open_cases in scope.vlo_caseloads(self.request.user)  # type: ignore[arg-type]
        ]
        initial = {"vlo": self.case.vlo_id, "version": self.case.version}
        return AllocateForm(data=data, initial=initial, vlos=vlos)

    def save(self, data: dict[str, Any]) -> SchemeCase:
        return services.scheme_case_allocate(
            actor=self.request.user,  # type: ignore[arg-type]
            case_id=self.case.pk,
            vlo_id=data["vlo"],
            expected_version=data["version"],
        )


class SchemeCaseCloseView(_CaseFormView):
    title = "Close the case"
    success_message = "Case closed: it has left the unit's open list"

    def form(self, data: Any = None) -> GovukForm:
        return CloseForm(data=data, initial={"version": self.case.version})

    def save(self, data: dict[str, Any]) -> SchemeCase:
        return services.scheme_case_close(
            actor=self.request.user,  # type: ignore[arg-type]
            case_id=self.case.pk,
            reason=data["reason"],
            details=data["details"],
            expected_version=data["version"],
        )


class SchemeCaseReopenView(_CaseFormView):
    title = "Reopen the case"
    success_message = "Case reopened"

    def form(self, data: Any = None) -> GovukForm:
        return ReopenForm(data=data, initial={"version": self.case.version})

    def save(self, data: dict[str, Any]) -> SchemeCase:
        return services.scheme_case_reopen(
            actor=self.request.user,  # type: ignore[arg-type]
            case_id=self.case.pk,
            details=data["details"],
            expected_version=data["version"],
        )


class ClosedListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        require_vlo(request)
        today = today_uk()
        rows = [(unit_row(case, today), case) for case in scope.closed_list(request.user)]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type=UNIT,
            object_id=scope.vlo_region_id(request.user),
            detail={"closed_scheme_cases": [row.pk for row, _ in rows]},
        )
        return render(request, "victims/closed.html", {"rows": rows})
