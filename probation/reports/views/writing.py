"""The report editor (issue 11 item 4): the author writes the report section by section; a senior PO
of the author's team may open it to read. Saves go through ``services.writing`` from the Save draft
button (no JavaScript needed) and from the autosave endpoint the page's script posts to.

The autosave endpoint is a POST of the same form that answers in JSON: the new version and the time
saved, or why not (another window saved first; the report is locked). It renews the session like any
request (``SessionIdleMiddleware``), so an author who is typing is not signed out; it answers how long
the session has left so the page's timeout warning counts from the server's own idle timer.
"""

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
from probation.accounts.policy import Permission
from probation.core.clock import LONDON, age_on
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.shell import CaseView
from probation.reports.forms.writing import ReportForm
from probation.reports.models import Report, ReportRequest, ReportStatus, RequestStatus
from probation.reports.presenters.writing import editor_sections, report_state
from probation.reports.selectors.prefill import prefill_by_section, report_prefill
from probation.reports.selectors.writing import may_write_report, report_for_request, report_request_get
from probation.reports.services.writing import (
    CLOSED_REQUESTS,
    DraftSaved,
    report_open,
    report_save_draft,
    sentencing_date,
)


def _saved_at() -> str:
    return f"{timezone.now().astimezone(LONDON):%H:%M}"


class ReportEditorView(CaseView):
    section = "reports"
    page = "report"
    view_permission = Permission.CASE_VIEW
    template_name = "reports/writing/report.html"
    report_request: ReportRequest

    def may_open(self) -> bool:
        try:
            self.report_request = report_request_get(
                user=self.request.user, person=self.person, request_id=self.kwargs["request_id"]
            )
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        report = getattr(self, "report", None)
        return ("report", report.pk) if report is not None else ("report_request", self.report_request.pk)

    def load_report(self) -> Report | None:
        existing = report_for_request(self.report_request)
        if existing is None and may_write_report(self.request.user, self.report_request):
            try:
                return report_open(actor=self.request.user, request=self.report_request)
            except ServiceError:  # withdrawn or closed before it was started: nothing to write
                return None
        return existing

    def make_form(self, data: Any = None, initial: dict[str, Any] | None = None) -> ReportForm:
        on = sentencing_date(self.report_request)
        age = age_on(self.person.date_of_birth, on)
        return ReportForm(data=data, initial=initial, hearing_date=on, age=age)

    def editable(self, report: Report | None) -> bool:
        return (
            report is not None
            and report.status == ReportStatus.DRAFT
            and self.report_request.status not in CLOSED_REQUESTS
            and may_write_report(self.request.user, self.report_request)
        )

    def context(self, report: Report | None, form: ReportForm, **extra: Any) -> dict[str, Any]:
        prefill = prefill_by_section(report_prefill(request=self.report_request, today=timezone.localdate()))
        autosave_url = reverse("reports:report-autosave", args=[self.person.crn, self.report_request.pk])
        return (
            self.case_context()
            | report_state(report)
            | {
                "report_request": self.report_request,
                "report": report,
                "form": form,
                "sections": editor_sections(form, prefill),
                "editable": self.editable(report),
                "closed_message": CLOSED_REQUESTS.get(RequestStatus(self.report_request.status), ""),
                "sentence_hints": form.sentence_hints,
                "autosave_url": autosave_url,
            }
            | extra
        )

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.load_report()
        initial = ReportForm.initial_from(self.report) if self.report is not None else {}
        context = self.context(self.report, self.make_form(initial=initial))
        self.record_view()
        return render(request, self.template_name, context)

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = report_for_request(self.report_request)
        if report is None or not may_write_report(request.user, self.report_request):
            raise NotFound(self.report_request.pk)
        form = self.make_form(data=request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(report, form))
        try:
            report_save_draft(
                actor=request.user,
                report=report,
                expected_version=form.cleaned_data["version"],
                data=form.report_data(),
            )
        except ConflictError as conflict:
            fresh = self.make_form(initial=ReportForm.initial_from(report))
            return render(
                request, self.template_name, self.context(report, fresh, conflict=conflict), status=409
            )
        except ServiceError as error:
            form.add_rule_errors(error.errors)
            return render(request, self.template_name, self.context(report, form))
        messages.success(request, f"Draft saved at {_saved_at()}")
        return redirect(request.path)


def _session_seconds_left(request: AuthenticatedHttpRequest) -> int:
    touched = int(request.session.get(TOUCHED_KEY, 0)) or int(time.time())
    return max(0, touched + settings.SESSION_COOKIE_AGE - int(time.time()))


class ReportAutosaveView(ReportEditorView):
    """POST only: save what is valid of the form and answer in JSON."""

    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = report_for_request(self.report_request)
        if report is None or not may_write_report(request.user, self.report_request):
            raise NotFound(self.report_request.pk)
        form = self.make_form(data=request.POST)
        form.is_valid()  # the valid fields are saved; the others are reported
        version = form.cleaned_data.get("version")
        if version is None:
            return JsonResponse({"saved": False, "message": "The report could not be saved."}, status=400)
        errors = [str(message) for messages_ in form.errors.values() for message in messages_]
        data = form.report_data()
        try:
            saved = report_save_draft(
                actor=request.user, report=report, expected_version=version, data=data, autosave=True
            )
        except ConflictError as conflict:
            return JsonResponse({"saved": False, "conflict": True, "message": conflict.message}, status=409)
        except ServiceError as error:
            return JsonResponse({"saved": False, "message": error.message}, status=409)
        return JsonResponse(self.answer(saved, errors, proposal_refused="proposed_sentence" not in data))

    def answer(self, saved: DraftSaved, errors: list[str], *, proposal_refused: bool) -> dict[str, Any]:
        return {
            "saved": True,
            "version": saved.report.version,
            "saved_at": _saved_at(),
            "changed": bool(saved.changed),
            "errors": errors + [e.message for e in saved.check.errors],
            "warnings": list(saved.check.warnings),
            "proposal_kept": saved.proposal_kept or proposal_refused,
            "session_seconds_left": _session_seconds_left(self.request),
        }
