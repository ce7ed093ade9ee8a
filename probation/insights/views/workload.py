"""A team's workload for the heads of PDU and regional leads over it (issue 17 § Access: "heads of PDU
and regional roles their area"): each officer's capacity, points, case count and tier mix, from the
workload app's own selectors and presenters. Figures only: no case is named, and officers' own pages
(reductions and their reasons) stay with the team's senior PO."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.insights.models import AreaLevel
from probation.insights.selectors.areas import area_get, area_team
from probation.workload.presenters.capacity import officer_row
from probation.workload.selectors.caseload import officer_workloads
from probation.workload.selectors.team import team_officers


class TeamWorkloadView(View):
    def get(self, request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
        area = area_get(user=request.user, level=AreaLevel.TEAM, code=code)
        team = area_team(area)
        on = today_uk()
        officers = list(team_officers(team))
        workloads = officer_workloads(officers, on)
        rows = [officer_row(officer, workloads[officer.pk]) for officer in officers]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="workload_team",
            object_id=team.code,
            detail={"officers": [row.code for row in rows]},
        )
        return render(request, "insights/team_workload.html", {"area": area, "on": on, "rows": rows})
