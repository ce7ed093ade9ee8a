"""Assessment pages: the assessors' work list (routed by qualification) and the assessment of one
application on the case (the case shell audits it). Deny by default: AP_ASSESS, and the work routed
to the user; anything else is the 404 of a missing CRN or page."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.forms.assessments import DecisionForm, InformationRequestForm
from probation.approved_premises.models import Application, Assessment
from probation.approved_premises.presenters import applications as application_presenters
from probation.approved_premises.presenters import assessments as presenters
from probation.approved_premises.selectors import applications as selectors
from probation.approved_premises.services import assessments as services
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import now
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.frontend.forms import GovukForm
from probation.people.shell import CaseView

SECTION = "approved-premises"


class AssessmentListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.AP_ASSESS):
            raise Http404
        at = now()
        rows = [presenters.assessment_row(a, at=at) for a in selectors.open_assessments(request.user)]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="ap_assessments",
            object_id="open",
            detail={"crns": [row.crn for row in rows]},
        )
        return render(request, "approved_premises/assess/list.html", {"rows": rows})


class AssessView(CaseView):
    """GET: the application and the decision; POST: record the decision."""

    section = SECTION
    page = "assess"
    view_permission = Permission.AP_ASSESS
    template_name = "approved_premises/assess/assess.html"
    application: Application
    assessment: Assessment

    def may_open(self) -> bool:
        try:
            self.application = selectors.application_get(
                user=self.request.user, person=self.person, application_id=self.kwargs["application_id"]
            )
        except NotFound:
            return False
        found = selectors.assessment_for(user=self.request.user, application=self.application)
        if found is None:
            return False
        self.assessment = found
        return True

    def audit_object(self) -> tuple[str, object]:
        return "ap_assessment", self.assessment.pk

    def context(
        self, form: GovukForm | None = None, info: GovukForm | None = None, **extra: Any
    ) -> dict[str, Any]:
        version = {"version": self.assessment.version}
        return (
            self.case_context()
            | {
                "application": self.application,
                "assessment": self.assessment,
                "summary": application_presenters.application_summary(self.application),
                "due": application_presenters.when(self.assessment.due_at),
                "needs": presenters.needs_text(self.assessment),
                "form": form or DecisionForm(initial=version | {"stay_days": self.application.stay_days}),
                "info_form": info or InformationRequestForm(initial=version),
                "requests": list(self.assessment.information_requests.all()),
            }
            | extra
        )

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        context = self.context()
        self.record_view()
        return render(request, self.template_name, context)

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = DecisionForm(data=request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(form))
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                services.assessment_accept(
                    actor=request.user,
                    assessment_id=self.assessment.pk,
                    expected_version=data["version"],
                    criteria=data["criteria"],
                    stay_days=data["stay_days"],
                    notes=data["notes"],
                )
            else:
                services.assessment_reject(
                    actor=request.user,
                    assessment_id=self.assessment.pk,
                    expected_version=data["version"],
                    reason=data["rejection_reason"],
                    notes=data["notes"],
                )
        except ConflictError as conflict:
            return render(request, self.template_name, self.context(conflict=conflict), status=409)
        except ServiceError as error:
            form.add_service_error(error)
            return render(request, self.template_name, self.context(form))
        messages.success(request, f"Application {'accepted' if data['decision'] == 'accept' else 'rejected'}")
        return redirect(reverse("approved_premises:assessment-list"))


class AssessInformationView(AssessView):
    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        info = InformationRequestForm(data=request.POST)
        if not info.is_valid():
            return render(request, self.template_name, self.context(info=info))
        try:
            services.assessment_request_information(
                actor=request.user,
                assessment_id=self.assessment.pk,
                expected_version=info.cleaned_data["version"],
                question=info.cleaned_data["question"],
            )
        except ConflictError as conflict:
            return render(request, self.template_name, self.context(conflict=conflict), status=409)
        messages.success(request, "More information requested: the deadline still applies")
        return redirect(reverse("approved_premises:assess", args=[self.person.crn, self.application.pk]))
