"""The operations view for unpaid-work staff of a PDU (issue 13 item 7): the last eight weeks as a
table and an accessible chart, and the same figures as CSV."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.csv_export import csv_write
from probation.unpaid_work.presenters.operations import CHART_HEIGHT, CHART_WIDTH, chart_bars, csv_rows, hours
from probation.unpaid_work.selectors.operations import operations_weeks

WEEKS = 8


def _weeks(request: AuthenticatedHttpRequest) -> list:
    today = today_uk()
    return operations_weeks(
        user=request.user, last_monday=today - dt.timedelta(days=today.weekday()), weeks=WEEKS
    )


class OperationsView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        weeks = _weeks(request)
        audit_record(actor=request.user, action=AuditAction.VIEW, object_type="upw_operations", object_id="")
        rows = [(week, hours(week.minutes)) for week in weeks]
        context = {
            "rows": rows,
            "bars": chart_bars(weeks),
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "total_hours": hours(sum(w.minutes for w in weeks)),
        }
        return render(request, "unpaid_work/operations.html", context)


class OperationsCsvView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        weeks = _weeks(request)
        audit_record(
            actor=request.user, action=AuditAction.EXPORT, object_type="upw_operations", object_id=""
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="unpaid-work-operations.csv"'
        csv_write(response, csv_rows(weeks))
        return response
