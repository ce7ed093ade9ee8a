"""The PDU's prisoners whose handover is near with no COM (senior POs), and releases in the next 12
weeks with what is missing (senior POs: the PDU; officers: their own cases). Each list is a view of
many people's records: one audit entry naming the CRNs shown, never names."""

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.custody.presenters.custody import list_row
from probation.custody.selectors import custody as selectors
from probation.frontend.templatetags.govuk import govuk_date


def _audit(request: AuthenticatedHttpRequest, object_id: str, rows: list[dict[str, Any]]) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="custody_list",
        object_id=object_id,
        detail={"crns": [row["crn"] for row in rows]},
    )


class HandoverListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        today = today_uk()
        try:
            records = selectors.handovers_due(user=request.user, today=today)
        except NotFound:
            raise Http404 from None
        rows = []
        for r in records:
            row = list_row(r)
            if not row["restricted"]:
                row["handover"] = govuk_date(r.handover_date)
                row["overdue"] = r.handover_date is not None and r.handover_date <= today
                row["team"] = r.person.team.name if r.person.team else "No team"
                row["allocate_url"] = reverse("people:allocate", args=[r.person.crn])
            rows.append(row)
        _audit(request, "handovers", rows)
        return render(
            request, "custody/handovers.html", {"rows": rows, "window": selectors.HANDOVER_WINDOW_DAYS // 7}
        )


class ReleaseListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        today = today_uk()
        team = has_permission(request.user, Permission.CUSTODY_TEAM) and request.GET.get("mine") != "1"
        try:
            found = selectors.releases_due(user=request.user, today=today, team=team)
        except NotFound:
            raise Http404 from None
        rows = [list_row(r, vlo_told=found.vlo_told, with_missing=True) for r in found.rows]
        _audit(request, "releases", rows)
        return render(
            request,
            "custody/releases.html",
            {
                "rows": rows,
                "team": team,
                "vlo_unknown": found.vlo_told is None,
                "can_team": has_permission(request.user, Permission.CUSTODY_TEAM),
            },
        )
