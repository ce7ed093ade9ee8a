"""The workload pages: a senior PO's team view, one officer's workload with its reductions, and the
forms that change reductions and contracted hours.

Deny by default: WORKLOAD_TEAM for the team view and the forms (officers of the user's own team);
WORKLOAD_OWN for an officer's own page. An officer out of scope is the same 404 as one that does not
exist. Pages listing cases write one audit entry each (CRNs, never names)."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.workload.forms import ContractedHoursForm, ReductionEndForm, ReductionForm
from probation.workload.models import Reduction
from probation.workload.presenters.capacity import officer_row
from probation.workload.presenters.untiered import untiered_row
from probation.workload.selectors import team as selectors
from probation.workload.selectors.caseload import officer_workloads
from probation.workload.services import reductions as services


class TeamWorkloadView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.WORKLOAD_TEAM) or request.user.staff is None:
            raise Http404
        found = selectors.team_workload(user=request.user, team=request.user.staff.team, on=today_uk())
        rows = [officer_row(officer, found.workloads[officer.pk]) for officer in found.officers]
        untiered = [untiered_row(person) for person in found.untiered]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="workload_team",
            object_id=found.team.code,
            detail={"officers": [row.code for row in rows], "crns": sorted(row.crn for row in untiered)},
        )
        return render(
            request,
            "workload/team.html",
            {
                "team": found.team,
                "on": found.on,
                "rows": rows,
                "untiered": untiered,
                "untiered_total": found.untiered_total,
            },
        )


class MyWorkloadView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.WORKLOAD_OWN) or request.user.staff is None:
            raise Http404
        return redirect("workload:officer", request.user.staff.code)


class OfficerWorkloadView(View):
    def get(self, request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
        officer = selectors.officer_get(user=request.user, code=code)
        on = today_uk()
        row = officer_row(officer, officer_workloads([officer], on)[officer.pk])
        history = list(selectors.reduction_history(officer=officer))
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="workload_officer",
            object_id=officer.code,
        )
        can_manage = has_permission(request.user, Permission.WORKLOAD_TEAM) and officer.team_id == (
            request.user.staff.team_id if request.user.staff else None
        )
        return render(
            request,
            "workload/officer.html",
            {"officer": officer, "row": row, "on": on, "history": history, "can_manage": can_manage},
        )


class _OfficerFormView(View):
    """A form about one officer of the senior PO's team (the scope check is the service's; the GET
    checks it too, so a page out of scope is a 404 before any form shows)."""

    title = ""
    template_name = "workload/form.html"
    success_message = ""

    def form(self, data: Any = None) -> GovukForm:
        raise NotImplementedError

    def save(self, code: str, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def _officer(self, request: AuthenticatedHttpRequest, code: str) -> Any:
        officer = selectors.officer_get(user=request.user, code=code)
        if not has_permission(request.user, Permission.WORKLOAD_TEAM):
            raise Http404
        return officer

    def _render(self, request: AuthenticatedHttpRequest, officer: Any, form: GovukForm) -> HttpResponse:
        context = {"officer": officer, "form": form, "title": self.title, "extra": self.extra()}
        return render(request, self.template_name, context)

    def extra(self) -> dict[str, Any]:
        return {}

    def get(self, request: AuthenticatedHttpRequest, code: str, **kwargs: Any) -> HttpResponse:
        officer = self._officer(request, code)
        return self._render(request, officer, self.form())

    def post(self, request: AuthenticatedHttpRequest, code: str, **kwargs: Any) -> HttpResponse:
        officer = self._officer(request, code)
        form = self.form(request.POST)
        if form.is_valid():
            try:
                self.save(code, form.cleaned_data)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, self.success_message)
                return redirect(reverse("workload:officer", args=[code]))
        return self._render(request, officer, form)


class ReductionCreateView(_OfficerFormView):
    title = "Add a workload reduction"
    success_message = "Reduction added"

    def form(self, data: Any = None) -> GovukForm:
        return ReductionForm(data=data)

    def save(self, code: str, data: dict[str, Any]) -> None:
        services.reduction_create(
            actor=self.request.user,  # type: ignore[arg-type]
            officer_code=code,
            reason=data["reason"],
            details=data["details"],
            hours=data["hours"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )


class ReductionEndView(_OfficerFormView):
    title = "End a workload reduction"
    success_message = "Reduction ended"
    reduction: Reduction

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        officer = selectors.officer_get(user=request.user, code=kwargs["code"])
        reduction = selectors.reduction_history(officer=officer).filter(pk=kwargs["reduction_id"]).first()
        if reduction is None:
            raise Http404
        self.reduction = reduction
        return super().dispatch(request, *args, **kwargs)

    def extra(self) -> dict[str, Any]:
        return {"reduction": self.reduction}

    def form(self, data: Any = None) -> GovukForm:
        return ReductionEndForm(data=data)

    def save(self, code: str, data: dict[str, Any]) -> None:
        services.reduction_end(
            actor=self.request.user,  # type: ignore[arg-type]
            officer_code=code,
            reduction_id=self.reduction.pk,
            ends_on=data["ends_on"],
        )


class ContractedHoursView(_OfficerFormView):
    title = "Change contracted hours"
    success_message = "Contracted hours saved"

    def form(self, data: Any = None) -> GovukForm:
        return ContractedHoursForm(data=data)

    def save(self, code: str, data: dict[str, Any]) -> None:
        services.contracted_hours_set(
            actor=self.request.user,  # type: ignore[arg-type]
            officer_code=code,
            hours=data["hours"],
        )
