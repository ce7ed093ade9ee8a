"""Signing off a report and producing it: sign (the author), countersign or return (the named senior
PO), the printable report page, the PDF for court and an oral report's record.

The person comes through the case-page shell (denied looks exactly like missing). Signing is open to
the request's author only, countersigning to the senior PO the author named; anyone else gets the 404
a missing CRN gets. The report page and the PDF are open to staff who may read the case's sentences
(the court team, the author, managers; never a partner). Every page is audited as a case view; the PDF
as an export, before it is given out.
"""

from functools import cached_property
from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.enforcement.selectors.actions import letter_office, main_address_lines
from probation.frontend.forms import GovukForm
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.reports.forms.signoff import (
    CountersignaturePolicyForm,
    OralReportForm,
    ReportCountersignForm,
    ReportSignForm,
)
from probation.reports.models import Report, ReportRequest, ReportStatus, ReportType
from probation.reports.pdf import defendant_of, render_report_pdf, report_pdf_context
from probation.reports.presenters.signoff import report_locating_details, report_page_context
from probation.reports.selectors.signoff import countersigners, report_get, report_request_get
from probation.reports.services import signoff as services
from probation.rules.court_reports.signoff import report_language

# Report pages sit under the case's sentences until the reports section is registered (see report).
SECTION = "sentences"


def pdf_context(report: Report) -> dict[str, Any]:
    person = report.request.person
    if report.status == ReportStatus.DRAFT:
        # A draft follows the person's language choice as it is now; signing fixes it (unsaved here).
        report.language = report_language(person.preferred_language)
    signer = report.signed_by or report.request.author
    return report_pdf_context(
        report=report,
        defendant=defendant_of(
            person,
            address=main_address_lines(person=person),
            on=report.locked_at.date() if report.locked_at else today_uk(),
        ),
        court=str(report.request.court),
        office=letter_office(staff=signer.staff if signer else None),
    )


class ReportMixin(CaseView):
    section = SECTION
    view_permission = Permission.SENTENCE_VIEW

    @cached_property
    def report(self) -> Report:
        report = report_get(person=self.person, request_id=self.kwargs["request_id"])
        report.request.person = self.person
        return report

    def audit_object(self) -> tuple[str, object]:
        return services.REPORT, self.report.pk

    def page_url(self) -> str:
        return reverse("reports:report-print", args=[self.person.crn, self.kwargs["request_id"]])


class ReportStepView(ReportMixin, CaseFormView):
    """A sign-off step's form, shown only while the report is in the status the step starts from;
    otherwise (already signed, countersigned or returned) the report's page."""

    template_name = "reports/signoff/form.html"
    view_permission = Permission.SENTENCE_VIEW
    from_status = ReportStatus.DRAFT

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.report.status != self.from_status:
            return redirect(self.page_url())
        return super().get(request, *args, **kwargs)

    @property
    def extra(self) -> dict[str, Any]:
        return report_page_context(user=self.request.user, report=self.report)

    def success_url(self) -> str:
        return self.page_url()


class ReportPrintView(ReportMixin, CasePageView):
    """The report as the court will read it, with its sign-off status and what the user may do."""

    page = "report"
    template_name = "reports/signoff/report.html"

    def page_context(self) -> dict[str, Any]:
        return report_page_context(user=self.request.user, report=self.report) | {
            "pdf": pdf_context(self.report)
        }


class ReportPdfView(ReportMixin):
    def get(self, request: AuthenticatedHttpRequest, crn: str, request_id: int) -> HttpResponse:
        report = self.report
        context = pdf_context(report)
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=self.person.crn,
                object_type=services.REPORT,
                object_id=report.pk,
                detail={
                    "document": "pre_sentence_report",
                    "status": report.status,
                    "language": report.language,
                },
            )
            pdf = render_report_pdf(context)
        response = HttpResponse(pdf, content_type="application/pdf")
        draft = "" if report.is_locked else "-draft"
        response["Content-Disposition"] = f'inline; filename="psr-{self.person.crn}-{request_id}{draft}.pdf"'
        return response


class ReportSignView(ReportStepView):
    form_class = ReportSignForm
    title = "Sign the report"
    page = "report_sign"

    def may_open(self) -> bool:
        return self.report.request.author_id == self.request.user.pk

    def get_form(self, data: Any = None) -> GovukForm:
        report = self.report
        initial = {
            "version": report.version,
            "dangerousness": "yes" if report.dangerousness else "no",
            "reviewing_spo": report.reviewing_spo_id,
        }
        return ReportSignForm(data=data, initial=initial, reviewers=countersigners(author=self.request.user))

    @property
    def extra(self) -> dict[str, Any]:
        return super().extra | {"locating": report_locating_details(self.report)}

    def save(self, data: dict[str, Any]) -> None:
        report = services.report_sign(
            actor=self.request.user,
            crn=self.person.crn,
            request_id=self.kwargs["request_id"],
            expected_version=data["version"],
            choice=services.SignChoice(
                dangerousness=data["dangerousness"] == "yes", reviewing_spo_id=data["reviewing_spo"]
            ),
        )
        self.success_message = (
            "Report signed and locked"
            if report.status == ReportStatus.LOCKED
            else f"Report signed and sent to {report.reviewing_spo} to countersign"
        )


class ReportCountersignView(ReportStepView):
    form_class = ReportCountersignForm
    title = "Countersign the report"
    page = "report_countersign"
    from_status = ReportStatus.SIGNED

    def may_open(self) -> bool:
        return self.report.reviewing_spo_id == self.request.user.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.report.version}

    def save(self, data: dict[str, Any]) -> None:
        common = {
            "actor": self.request.user,
            "crn": self.person.crn,
            "request_id": self.kwargs["request_id"],
            "expected_version": data["version"],
        }
        if data["decision"] == "countersign":
            services.report_countersign(**common)
            self.success_message = "Report countersigned and locked"
        else:
            services.report_return(**common, reason=data["reason"])
            self.success_message = "Report returned to the author"


class CountersignaturePolicyView(ReportStepView):
    """A senior PO of the author's team sets whether the draft needs a countersignature."""

    form_class = CountersignaturePolicyForm
    title = "Countersignature"
    page = "report_countersignature_policy"

    def may_open(self) -> bool:
        author = self.report.request.author
        return author is not None and countersigners(author=author).filter(pk=self.request.user.pk).exists()

    def initial(self) -> dict[str, Any]:
        report = self.report
        return {"version": report.version, "required": "yes" if report.countersignature_required else "no"}

    def save(self, data: dict[str, Any]) -> None:
        services.report_require_countersignature(
            actor=self.request.user,
            crn=self.person.crn,
            request_id=self.kwargs["request_id"],
            expected_version=data["version"],
            required=data["required"] == "yes",
        )
        self.success_message = "Countersignature setting saved"


class OralReportView(CaseFormView):
    """The short record of an oral report given in court: the author records it once, and it locks."""

    form_class = OralReportForm
    template_name = "reports/signoff/form.html"
    title = "Record an oral report"
    section = SECTION
    page = "report_oral"
    view_permission = Permission.SENTENCE_VIEW

    @cached_property
    def report_request(self) -> ReportRequest:
        return report_request_get(person=self.person, request_id=self.kwargs["request_id"])

    def may_open(self) -> bool:
        found = self.report_request
        report: Report | None = getattr(found, "report", None)
        oral = report.report_type == ReportType.ORAL if report else found.type_requested == ReportType.ORAL
        return oral and found.author_id == self.request.user.pk

    def audit_object(self) -> tuple[str, object]:
        return "report_request", self.report_request.pk

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report: Report | None = getattr(self.report_request, "report", None)
        if report is not None and report.status != ReportStatus.DRAFT:
            return redirect(self.report_url())
        return super().get(request, *args, **kwargs)

    def report_url(self) -> str:
        return reverse("reports:report-print", args=[self.person.crn, self.kwargs["request_id"]])

    def save(self, data: dict[str, Any]) -> None:
        services.oral_report_record(
            actor=self.request.user,
            crn=self.person.crn,
            request_id=self.report_request.pk,
            record=services.OralRecord(
                sources=data["sources"],
                sources_other=data["sources_other"],
                offence_analysis=data["offence_analysis"],
                risk_assessment=data["risk_assessment"],
                proposal=data["proposal"],
                court_response=data["court_response"],
            ),
        )
        self.success_message = "Oral report recorded"
        self.recorded = True

    def success_url(self) -> str:
        if getattr(self, "recorded", False) or getattr(self.report_request, "report", None) is not None:
            return self.report_url()
        return reverse("sentences:list", args=[self.person.crn])
