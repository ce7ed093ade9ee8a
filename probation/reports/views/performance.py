"""Court performance (issue 11 item 7): the court team (their region's courts) and senior POs (their
PDU's courts). Everyone else gets the same 404 as a missing page. Each view and download is audited."""

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.csv_export import csv_write
from probation.reports.presenters import performance as presenters
from probation.reports.selectors import performance as selectors
from probation.reports.selectors.requests import is_court_manager, is_court_team


def _scope(request: AuthenticatedHttpRequest) -> tuple[list[Any], str, set[int]]:
    if not (is_court_team(request.user) or is_court_manager(request.user)):
        raise Http404
    courts = list(selectors.performance_courts(user=request.user))
    scope = request.GET.get("scope", "")[:40]
    court_ids = presenters.scope_court_ids(courts, scope)
    if court_ids is None:
        raise Http404
    return courts, scope, court_ids


def _audit(request: AuthenticatedHttpRequest, action: AuditAction, scope: str) -> None:
    audit_record(
        actor=request.user,
        action=action,
        object_type="court_performance",
        object_id=scope or "all",
    )


class CourtPerformanceView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        courts, scope, court_ids = _scope(request)
        performance = selectors.court_performance(user=request.user, court_ids=court_ids, today=today_uk())
        months = performance.by_month(court_ids)
        _audit(request, AuditAction.VIEW, scope)
        choices = presenters.scope_choices(courts)
        context = {
            "scope": scope,
            "scope_label": dict(choices)[scope],
            "choices": choices,
            "month_rows": [presenters.figure_row(presenters.month_label(m), f) for m, f in months],
            "court_rows": [presenters.figure_row(c.name, f) for c, f in performance.by_court()],
            "pdu_rows": [presenters.figure_row(p.name, f) for p, f in performance.by_pdu()],
            "chart": presenters.chart(months),
            "first_month": presenters.month_label(performance.months[0]),
            "last_month": presenters.month_label(performance.months[-1]),
        }
        return render(request, "reports/performance.html", context)


class CourtPerformanceCsvView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _, scope, court_ids = _scope(request)
        performance = selectors.court_performance(user=request.user, court_ids=court_ids, today=today_uk())
        _audit(request, AuditAction.EXPORT, scope)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="court-performance.csv"'
        csv_write(response, presenters.csv_rows(performance, court_ids))
        return response
