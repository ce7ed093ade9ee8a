"""The signed-in officer's open MAPPA actions across their caseload, soonest due first."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.mappa import selectors
from probation.mappa.presenters import actions_due_rows
from probation.mappa.services.actions import ACTION


class ActionsDueView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        user = request.user
        allowed = has_permission(user, Permission.CASELOAD_OWN) and has_permission(
            user, Permission.MAPPA_VIEW
        )
        if not allowed or user.staff is None:
            raise Http404
        today = today_uk()
        rows = actions_due_rows(selectors.actions_due_list(user=user, officer=user.staff), today=today)
        audit_record(
            actor=user,
            action=AuditAction.VIEW,
            object_type=ACTION,
            object_id=user.staff.code,
            detail={"list": "actions_due", "rows": len(rows)},
        )
        return render(request, "mappa/actions_due.html", {"rows": rows})
