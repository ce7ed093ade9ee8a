"""The estate pages: the national list of premises, one premises with its beds and the beds out of
service, and marking a bed out of service (AP staff of that premises, or the CRU).

Deny by default: AP_ESTATE_VIEW to read; changes need AP_PREMISES_MANAGE for that premises. A
premises out of scope is the same 404 as one that does not exist."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.forms.estate import OutOfServiceForm
from probation.approved_premises.models import Premises
from probation.approved_premises.presenters import estate as presenters
from probation.approved_premises.selectors import estate as selectors
from probation.approved_premises.services import estate as services
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError


class PremisesListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.AP_ESTATE_VIEW):
            raise Http404
        rows = [presenters.premises_row(p) for p in selectors.premises_list(request.user)]
        return render(
            request,
            "approved_premises/estate/list.html",
            {"rows": rows, "beds": sum(r.beds for r in rows)},
        )


def _premises(request: AuthenticatedHttpRequest, premises_id: int) -> Premises:
    try:
        return selectors.premises_get(user=request.user, premises_id=premises_id)
    except NotFound:
        raise Http404 from None


class PremisesDetailView(View):
    def get(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = _premises(request, premises_id)
        today = today_uk()
        beds = selectors.beds_of(premises)
        out = selectors.out_of_service_of(premises, today=today)
        audit_record(
            actor=request.user, action=AuditAction.VIEW, object_type="ap_premises", object_id=premises.code
        )
        return render(
            request,
            "approved_premises/estate/detail.html",
            {
                "premises": premises,
                "summary": presenters.premises_summary(premises),
                "beds": [presenters.bed_row(b) for b in beds],
                "out_of_service": [presenters.out_of_service_row(o, today=today) for o in out],
                "can_manage": selectors.may_manage_premises(request.user, premises),
            },
        )


class OutOfServiceCreateView(View):
    template_name = "approved_premises/estate/out_of_service_form.html"

    def setup_premises(self, request: AuthenticatedHttpRequest, premises_id: int) -> Premises:
        premises = _premises(request, premises_id)
        if not selectors.may_manage_premises(request.user, premises):
            raise Http404
        return premises

    def form(self, premises: Premises, data: Any = None) -> OutOfServiceForm:
        beds = [(b.pk, str(b)) for b in selectors.beds_of(premises) if b.active]
        return OutOfServiceForm(data=data, beds=beds)

    def show(
        self, request: AuthenticatedHttpRequest, premises: Premises, form: OutOfServiceForm
    ) -> HttpResponse:
        return render(request, self.template_name, {"premises": premises, "form": form})

    def get(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = self.setup_premises(request, premises_id)
        return self.show(request, premises, self.form(premises))

    def post(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = self.setup_premises(request, premises_id)
        form = self.form(premises, request.POST)
        if not form.is_valid():
            return self.show(request, premises, form)
        try:
            services.out_of_service_bed_create(
                actor=request.user, premises=premises, **_out_args(form.cleaned_data)
            )
        except ServiceError as error:
            form.add_service_error(error)
            return self.show(request, premises, form)
        messages.success(request, "Bed marked out of service")
        return redirect(reverse("approved_premises:premises-detail", args=[premises.pk]))


def _out_args(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "bed_id": data["bed"],
        "reason": data["reason"],
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
        "notes": data.get("notes", ""),
    }


class OutOfServiceCancelView(View):
    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, premises_id: int, record_id: int) -> HttpResponse:
        premises = _premises(request, premises_id)
        try:
            services.out_of_service_bed_cancel(actor=request.user, premises=premises, record_id=record_id)
        except NotFound:
            raise Http404 from None
        messages.success(request, "Bed back in service")
        return redirect(reverse("approved_premises:premises-detail", args=[premises.pk]))
