"""The supervisor's session sheet (issue 13 item 4): GET shows who is expected; POST saves every row
in one request through ``session_sheet_save``. Refusals re-show the sheet with each problem beside
its input; nothing is written."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ServiceError
from probation.rules.unpaid_work.credit import SUPERVISOR_OUTCOMES
from probation.unpaid_work.forms.sheet import sheet_rows
from probation.unpaid_work.presenters.sheet import sheet_rows_for_display
from probation.unpaid_work.selectors.projects import sheet_get
from probation.unpaid_work.services.sheets import session_sheet_save


class SessionSheetView(View):
    def _render(
        self,
        request: AuthenticatedHttpRequest,
        session_id: int,
        errors: list[ServiceError],
        status: int = 200,
    ) -> HttpResponse:
        session, people = sheet_get(user=request.user, session_id=session_id)
        data = request.POST if request.method == "POST" else None
        rows = sheet_rows_for_display(people, data=data, errors=errors)
        context = {
            "session": session,
            "rows": rows,
            "errors": list(errors),
            "outcomes": list(SUPERVISOR_OUTCOMES.items()),
            "open_rows": any(not r.saved and not r.person.restricted for r in rows),
        }
        return render(request, "unpaid_work/sheet.html", context, status=status)

    def get(self, request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
        session, people = sheet_get(user=request.user, session_id=session_id)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="upw_session",
            object_id=session.pk,
            detail={"crns": [p.crn for p in people]},
        )
        return self._render(request, session_id, [])

    def post(self, request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
        session, people = sheet_get(user=request.user, session_id=session_id)
        recordable = [p.place.pk for p in people if not p.restricted and not p.place.contact.outcome]
        try:
            rows = sheet_rows(request.POST, recordable)
            version = int(request.POST.get("version", "0") or 0)
            session_sheet_save(actor=request.user, session_id=session.pk, expected_version=version, rows=rows)
        except ServiceError as error:
            return self._render(request, session_id, list(error.errors))
        messages.success(request, "Session sheet saved: hours credited and any failures sent for enforcement")
        return redirect("unpaid_work:sheet", session.pk)
