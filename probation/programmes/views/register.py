"""The facilitator's register (issue 12 item 2): GET shows who is expected; POST saves every row in one
request through ``register_save``. Refusals re-show the register with each problem beside its input;
nothing is written."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.programmes.forms.register import register_rows
from probation.programmes.presenters.register import register_rows_for_display
from probation.programmes.selectors.groups import register_get
from probation.programmes.services.register import register_save
from probation.rules.programmes.delivery import REGISTER_OUTCOMES


class RegisterView(View):
    def _render(
        self, request: AuthenticatedHttpRequest, session_id: int, errors: list[ServiceError]
    ) -> HttpResponse:
        session, people = register_get(user=request.user, session_id=session_id)
        data = request.POST if request.method == "POST" else None
        rows = register_rows_for_display(people, data=data, errors=errors)
        context = {
            "session": session,
            "rows": rows,
            "errors": list(errors),
            "outcomes": [(code.value, label) for code, label in REGISTER_OUTCOMES.items()],
            "open_rows": any(not r.saved and not r.person.restricted for r in rows),
            "future": session.date > today_uk(),
        }
        return render(request, "programmes/register.html", context)

    def get(self, request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
        session, people = register_get(user=request.user, session_id=session_id)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="programme_session",
            object_id=session.pk,
            detail={"crns": [p.crn for p in people]},
        )
        return self._render(request, session_id, [])

    def post(self, request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
        session, people = register_get(user=request.user, session_id=session_id)
        recordable = [
            p.attendance.pk for p in people if not p.restricted and not p.attendance.contact.outcome
        ]
        try:
            rows = register_rows(request.POST, recordable)
            version = request.POST.get("version", "")
            register_save(
                actor=request.user,
                session_id=session.pk,
                expected_version=int(version) if version.isdigit() else 0,
                rows=rows,
            )
        except ServiceError as error:
            return self._render(request, session_id, list(error.errors))
        messages.success(request, "Register saved: attendance is on each person's record")
        return redirect("programmes:register", session.pk)
