"""The application pages on the case (the case shell, ADR 0017): the case's applications, starting one
(pre-filled from the record), the long form that saves as you type (ADR 0032's autosave), and
submitting it. Practitioners in the case's PDU apply (AP_APPLY); anyone else who may open the case
with AP_ESTATE_VIEW reads the applications; everything else is the 404 of a missing CRN."""

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.middleware import TOUCHED_KEY
from probation.approved_premises.forms.applications import ApplicationForm
from probation.approved_premises.forms.assessments import InformationAnswerForm
from probation.approved_premises.models import Application
from probation.approved_premises.presenters import applications as presenters
from probation.approved_premises.selectors import applications as selectors
from probation.approved_premises.selectors.prefill import application_prefill
from probation.approved_premises.services import applications as services
from probation.approved_premises.services import assessments as assessment_services
from probation.core.clock import LONDON, now, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.shell import CasePageView, CaseView

SECTION = "approved-premises"


class ApplicationsCaseView(CasePageView):
    section = SECTION
    template_name = "approved_premises/applications/case.html"

    def page_context(self) -> dict[str, Any]:
        applications = selectors.applications_for_person(user=self.request.user, person=self.person)
        self.shown = [a.pk for a in applications]
        at = now()
        return {
            "rows": [presenters.application_row(a, crn=self.person.crn, at=at) for a in applications],
            "can_apply": selectors.may_apply(self.request.user, self.person),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"applications": self.shown}


class ApplicationStartView(CasePageView):
    """GET: what the application will start with (from the record); POST: start it."""

    section = SECTION
    page = "application-start"
    template_name = "approved_premises/applications/start.html"

    def may_open(self) -> bool:
        return selectors.may_apply(self.request.user, self.person)

    def page_context(self) -> dict[str, Any]:
        known = application_prefill(self.person)
        return {
            "known": [
                ("Tier", known.tier or "No tier: you will be asked for the RoSH level"),
                (
                    "RoSH summary",
                    "From the latest RoSH assessment" if known.rosh_summary else "None recorded",
                ),
                ("Risk management plan", "From the plan" if known.risk_management_plan else "None recorded"),
                ("Offences", known.offences or "None recorded"),
                ("Licence or bail details", known.licence_details or "None recorded"),
            ]
        }

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        application = services.application_start(actor=request.user, person=self.person)
        messages.success(request, "Application started with what the record knows")
        return redirect(reverse("approved_premises:application", args=[self.person.crn, application.pk]))


def _saved_at() -> str:
    return f"{timezone.now().astimezone(LONDON):%H:%M}"


class ApplicationView(CaseView):
    """GET: the long form for its author's PDU while a draft, else the answers read-only. POST: save
    the draft ("Save draft") or submit it ("Submit")."""

    section = SECTION
    page = "application"
    template_name = "approved_premises/applications/application.html"
    application: Application

    def may_open(self) -> bool:
        try:
            self.application = selectors.application_get(
                user=self.request.user, person=self.person, application_id=self.kwargs["application_id"]
            )
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "ap_application", self.application.pk

    def context(self, form: ApplicationForm, **extra: Any) -> dict[str, Any]:
        application = self.application
        return (
            self.case_context()
            | {
                "application": application,
                "form": form,
                "editable": selectors.may_edit(self.request.user, application)
                and not services.is_expired(application, at=now()),
                "status": presenters.status_of(application, at=now()),
                "summary": presenters.application_summary(application),
                "notice": presenters.provisional_notice(application, today=today_uk()),
                "eligibility": presenters.eligibility_text(application, is_woman=self.person.gender == "F"),
                "expires": presenters.when(application.expires_at),
                "autosave_url": reverse(
                    "approved_premises:application-autosave", args=[self.person.crn, application.pk]
                ),
                "assessment": getattr(application, "assessment", None),
                "questions": self.questions(),
            }
            | extra
        )

    def questions(self, answering: InformationAnswerForm | None = None) -> list[dict[str, Any]]:
        """The assessor's questions, each open one with its answer form if this user may answer."""
        assessment = getattr(self.application, "assessment", None)
        if assessment is None:
            return []
        may_answer = selectors.may_apply(self.request.user, self.person)
        rows = []
        for question in assessment.information_requests.all():
            form = None
            if question.answered_at is None and may_answer:
                prefix = f"q{question.pk}"
                form = answering if answering is not None and answering.prefix == prefix else None
                form = form or InformationAnswerForm(prefix=prefix)
            rows.append({"question": question, "form": form})
        return rows

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        context = self.context(ApplicationForm(initial=ApplicationForm.initial_from(self.application)))
        self.record_view()
        return render(request, self.template_name, context)

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not selectors.may_edit(request.user, self.application):
            raise NotFound(self.application.pk)
        form = ApplicationForm(data=request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(form))
        try:
            saved = services.application_save_draft(
                actor=request.user,
                application_id=self.application.pk,
                expected_version=form.cleaned_data["version"],
                data=form.application_data(),
            )
            if request.POST.get("action") == "submit":
                services.application_submit(
                    actor=request.user,
                    application_id=self.application.pk,
                    expected_version=saved.application.version,
                )
                messages.success(request, "Application submitted for assessment")
                return redirect(reverse("approved_premises:case", args=[self.person.crn]))
        except ConflictError as conflict:
            self.application.refresh_from_db()
            fresh = ApplicationForm(initial=ApplicationForm.initial_from(self.application))
            return render(request, self.template_name, self.context(fresh, conflict=conflict), status=409)
        except ServiceError as error:
            self.application.refresh_from_db()
            form = ApplicationForm(data=_with_version(request.POST, self.application.version))
            form.is_valid()
            form.add_service_error(error)
            return render(request, self.template_name, self.context(form))
        messages.success(request, f"Draft saved at {_saved_at()}")
        return redirect(request.path)


class InformationAnswerView(ApplicationView):
    """POST only: the practitioner answers one of the assessor's questions."""

    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request_id = self.kwargs["request_id"]
        if not selectors.may_apply(request.user, self.person):
            raise NotFound(request_id)
        form = InformationAnswerForm(data=request.POST, prefix=f"q{request_id}")
        blank = ApplicationForm(initial=ApplicationForm.initial_from(self.application))
        if not form.is_valid():
            return render(request, self.template_name, self.context(blank, questions=self.questions(form)))
        try:
            assessment_services.information_request_answer(
                actor=request.user,
                person=self.person,
                request_id=request_id,
                answer=form.cleaned_data["answer"],
            )
        except ConflictError as conflict:
            self.application.refresh_from_db()
            return render(request, self.template_name, self.context(blank, conflict=conflict), status=409)
        except ServiceError as error:
            form.add_service_error(error)
            return render(request, self.template_name, self.context(blank, questions=self.questions(form)))
        messages.success(request, "Answer sent to the assessor")
        return redirect(reverse("approved_premises:application", args=[self.person.crn, self.application.pk]))


def _with_version(data: Any, version: int) -> Any:
    copy = data.copy()
    copy["version"] = str(version)
    return copy


def _session_seconds_left(request: AuthenticatedHttpRequest) -> int:
    touched = int(request.session.get(TOUCHED_KEY, 0)) or int(time.time())
    return max(0, touched + settings.SESSION_COOKIE_AGE - int(time.time()))


class ApplicationAutosaveView(ApplicationView):
    """POST only: save what is valid of the form and answer in JSON (the report editor's autosave,
    static/js/report-autosave.js, drives it)."""

    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not selectors.may_edit(request.user, self.application):
            raise NotFound(self.application.pk)
        form = ApplicationForm(data=request.POST)
        form.is_valid()  # the valid fields are saved; the others are reported
        version = form.cleaned_data.get("version")
        if version is None:
            return JsonResponse(
                {"saved": False, "message": "The application could not be saved."}, status=400
            )
        errors = [str(message) for messages_ in form.errors.values() for message in messages_]
        try:
            saved = services.application_save_draft(
                actor=request.user,
                application_id=self.application.pk,
                expected_version=version,
                data=form.application_data(),
                autosave=True,
            )
        except ConflictError as conflict:
            return JsonResponse({"saved": False, "conflict": True, "message": conflict.message}, status=409)
        except ServiceError as error:
            return JsonResponse({"saved": False, "message": error.message}, status=409)
        return JsonResponse(
            {
                "saved": True,
                "version": saved.application.version,
                "saved_at": _saved_at(),
                "changed": bool(saved.changed),
                "errors": errors,
                "session_seconds_left": _session_seconds_left(request),
            }
        )
