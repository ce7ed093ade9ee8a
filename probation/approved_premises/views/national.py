"""The national view (issue 16 item 7), for the Central Referral Unit (AP_NATIONAL_VIEW): tables with
accessible charts, and the same figures as a CSV download. Anyone else gets the 404 of a missing page.
Each view and download is audited (figures only: no CRNs)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.approved_premises.presenters import national as presenters
from probation.approved_premises.selectors.national import National, national_view
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.csv_export import csv_write
from probation.core.errors import NotFound


def _load(request: AuthenticatedHttpRequest, action: AuditAction) -> National:
    try:
        national = national_view(user=request.user, today=today_uk())
    except NotFound:
        raise Http404 from None
    audit_record(
        actor=request.user,
        action=action,
        object_type="ap_national_view",
        object_id=national.today.isoformat(),
    )
    return national


class NationalView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        national = _load(request, AuditAction.VIEW)
        regions = presenters.region_rows(national)
        context = {
            "national": national,
            "week_rows": presenters.week_rows(national.total),
            "occupancy_chart": presenters.occupancy_chart(national),
            "region_rows": regions,
            "vacancies_chart": presenters.vacancies_chart(regions),
            "premises_rows": presenters.premises_rows(national),
            "waiting_rows": presenters.waiting_rows(national),
            "waiting_chart": presenters.waiting_chart(national),
            "stays_chart": presenters.stays_chart(national),
            "stay_rows": list(national.stays.items()),
        }
        return render(request, "approved_premises/national.html", context)


class NationalCsvView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        national = _load(request, AuditAction.EXPORT)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="approved-premises-national-{national.today.isoformat()}.csv"'
        )
        csv_write(response, presenters.csv_rows(national))
        return response
