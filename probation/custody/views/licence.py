"""The licence page of a custody record and its forms (issue 14 item 5), and the recall report (Part A,
item 6). Viewing needs CUSTODY_VIEW and the case through the policy; drafting and releasing need
LICENCE_MANAGE in the case's PDU; the Part A needs RECALL_REPORT. Anything refused is the same 404 as a
record that does not exist."""

from functools import cached_property
from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.custody.forms.licence import (
    ConditionForm,
    ConditionRemoveForm,
    LicenceStartForm,
    RecallReportForm,
    ReleaseForm,
)
from probation.custody.hooks import VICTIM_REQUESTS_SLOT
from probation.custody.models import DraftCondition, LicenceStatus, VictimsInScheme
from probation.custody.pdf import part_a_context, render_part_a
from probation.custody.presenters import licence as presenters
from probation.custody.selectors import licence as selectors
from probation.custody.services import licence as services
from probation.custody.services.recall_report import DECIDED, RECALL_REPORT, recall_report_save
from probation.enforcement.presenters.recall import decided_type_label, recall_tag
from probation.frontend.forms import GovukForm
from probation.people.shell import CaseFormView, CasePageView, CaseView, render_panels
from probation.sentences.law import law_settings

SECTION = "custody"


class LicenceView(CasePageView):
    section = SECTION
    page = "licence"
    template_name = "custody/licence/licence.html"

    def page_context(self) -> dict[str, Any]:
        page = selectors.licence_page(
            user=self.request.user, person=self.person, custody_id=self.kwargs["custody_id"]
        )
        self.page_data = page
        audit: dict[str, Any] = {}
        panels = render_panels(
            VICTIM_REQUESTS_SLOT, audit=audit, request=self.request, person=self.person, custody=page.record
        )
        self.panel_audit = audit
        licence = page.licence
        return {
            "record": page.record,
            "licence": licence,
            "status": presenters.status_tag(licence),
            "hard_stop": presenters.hard_stop_view(page.record, licence, today_uk()),
            "standard": presenters.standard_conditions(page.record, licence, law_settings()),
            "conditions": presenters.condition_rows(page.conditions),
            "victim_panels": panels,
            "recalls": [
                {
                    "recall": r,
                    "tag": recall_tag(r.status),
                    "type": decided_type_label(r),
                    "report": getattr(r, "part_a", None),
                    "decided": r.status in DECIDED,
                }
                for r in page.recalls
            ],
            "can_manage": selectors.can_manage_licence(self.request.user, self.person),
            "drafting": licence is not None and licence.status == LicenceStatus.IN_PROGRESS,
        }

    def audit_object(self) -> tuple[str, object]:
        return "custody", self.kwargs["custody_id"]

    def audit_detail(self) -> dict[str, Any]:
        licence = self.page_data.licence
        return {"licence": licence.pk if licence else None} | self.panel_audit


class _LicenceForm(CaseFormView):
    view_permission = Permission.CUSTODY_VIEW
    permission = Permission.LICENCE_MANAGE
    section = SECTION

    @cached_property
    def page_data(self) -> selectors.LicencePage:
        return selectors.licence_page(
            user=self.request.user, person=self.person, custody_id=self.kwargs["custody_id"]
        )

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        try:
            self.page_data  # noqa: B018 - a missing record is the same 404 as a refused case
        except NotFound:
            return False
        return self.needs_licence is False or self.page_data.licence is not None

    needs_licence = True

    def audit_object(self) -> tuple[str, object]:
        return "custody", self.kwargs["custody_id"]

    def success_url(self) -> str:
        return reverse("custody:licence", args=[self.person.crn, self.kwargs["custody_id"]])

    def initial(self) -> dict[str, Any]:
        licence = self.page_data.licence
        return {"version": licence.version if licence else 0}


class LicenceStartView(_LicenceForm):
    title = "Start drafting the licence"
    success_message = "Licence started: add the additional conditions"
    form_class = LicenceStartForm
    needs_licence = False

    @property
    def extra(self) -> dict[str, Any]:
        return {"summary": "The standard conditions in force on the release date are included automatically."}

    def save(self, data: dict[str, Any]) -> None:
        services.licence_start(
            actor=self.request.user, person=self.person, custody_id=self.kwargs["custody_id"]
        )


def _condition_input(data: dict[str, Any]) -> services.ConditionInput:
    return services.ConditionInput(
        category=data["category"],
        text=data["text"],
        justification=data.get("justification", ""),
        victim_related=data.get("victim_related", False),
    )


class ConditionAddView(_LicenceForm):
    title = "Add an additional condition"
    success_message = "Condition added"
    form_class = ConditionForm

    def save(self, data: dict[str, Any]) -> None:
        services.licence_condition_add(
            actor=self.request.user,
            person=self.person,
            custody_id=self.kwargs["custody_id"],
            expected_version=data["version"],
            condition=_condition_input(data),
        )


class _ConditionView(_LicenceForm):
    @cached_property
    def condition(self) -> DraftCondition:
        return selectors.condition_get(
            person=self.person, custody_id=self.kwargs["custody_id"], condition_id=self.kwargs["condition_id"]
        )

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        try:
            self.condition  # noqa: B018
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return services.CONDITION, self.kwargs["condition_id"]


class ConditionChangeView(_ConditionView):
    title = "Change the condition"
    success_message = "Condition changed"
    form_class = ConditionForm

    def initial(self) -> dict[str, Any]:
        c = self.condition
        return {
            "category": c.category,
            "text": c.text,
            "justification": c.justification,
            "victim_related": c.victim_related,
            "version": c.version,
        }

    def save(self, data: dict[str, Any]) -> None:
        services.licence_condition_change(
            actor=self.request.user,
            person=self.person,
            custody_id=self.kwargs["custody_id"],
            condition_id=self.condition.pk,
            expected_version=data["version"],
            condition=_condition_input(data),
        )


class ConditionRemoveView(_ConditionView):
    title = "Remove the condition"
    success_message = "Condition removed"
    form_class = ConditionRemoveForm

    def initial(self) -> dict[str, Any]:
        return {"version": self.condition.version}

    @property
    def extra(self) -> dict[str, Any]:
        return {"summary": self.condition.text}

    def save(self, data: dict[str, Any]) -> None:
        services.licence_condition_remove(
            actor=self.request.user,
            person=self.person,
            custody_id=self.kwargs["custody_id"],
            condition_id=self.condition.pk,
            expected_version=data["version"],
        )


class LicenceReleaseView(_LicenceForm):
    title = "Record the release"
    success_message = "Released: the licence is active and the first appointment is booked"
    form_class = ReleaseForm

    def initial(self) -> dict[str, Any]:
        return super().initial() | {"released_on": today_uk()}

    @property
    def extra(self) -> dict[str, Any]:
        return {
            "summary": "The licence becomes active with its conditions, and the first appointment is booked "
            "for the day of release. Every additional condition needs its justification first."
        }

    def save(self, data: dict[str, Any]) -> None:
        services.licence_release(
            actor=self.request.user,
            person=self.person,
            custody_id=self.kwargs["custody_id"],
            expected_version=data["version"],
            released_on=data["released_on"],
            appointment_time=data["appointment_time"],
            today=today_uk(),
        )


class RecallReportView(CaseFormView):
    """The Part A's victim questions for a decided recall, then the PDF."""

    view_permission = Permission.RECALL_REPORT
    permission = Permission.RECALL_REPORT
    section = SECTION
    title = "Recall report (Part A)"
    success_message = "Recall report saved: download the PDF"
    form_class = RecallReportForm
    template_name = "custody/recall/report.html"

    @cached_property
    def loaded(self) -> tuple[Any, Any]:
        return selectors.recall_for_report(
            user=self.request.user, person=self.person, recall_id=self.kwargs["recall_id"]
        )

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        try:
            recall, _report = self.loaded
        except NotFound:
            return False
        return recall.status in DECIDED

    def audit_object(self) -> tuple[str, object]:
        return "recall", self.kwargs["recall_id"]

    def initial(self) -> dict[str, Any]:
        recall, report = self.loaded
        if report is None:
            scheme = VictimsInScheme.YES if recall.victims_in_contact_scheme else ""
            return {"version": 0, "victims_in_scheme": scheme}
        return {
            "version": report.version,
            "victims_in_scheme": report.victims_in_scheme,
            "vlo_told_on": report.vlo_told_on,
        }

    def get_form(self, data: Any = None) -> GovukForm:
        return RecallReportForm(data=data, initial=self.initial())

    @property
    def extra(self) -> dict[str, Any]:
        recall, report = self.loaded
        return {
            "recall": recall,
            "recall_type": decided_type_label(recall),
            "report": report,
            "pdf_url": reverse("custody:recall-report-pdf", args=[self.person.crn, recall.pk])
            if report
            else "",
        }

    def save(self, data: dict[str, Any]) -> None:
        recall_report_save(
            actor=self.request.user,
            person=self.person,
            recall_id=self.kwargs["recall_id"],
            expected_version=data["version"],
            victims_in_scheme=data["victims_in_scheme"],
            vlo_told_on=data.get("vlo_told_on"),
            today=today_uk(),
        )

    def success_url(self) -> str:
        return reverse("custody:recall-report", args=[self.person.crn, self.kwargs["recall_id"]])


class RecallReportPdfView(CaseView):
    """The Part A as a PDF, built from the recall record only (custody.pdf). Audited as an export."""

    view_permission = Permission.RECALL_REPORT
    section = SECTION

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        recall, report = selectors.recall_for_report(
            user=request.user, person=self.person, recall_id=self.kwargs["recall_id"]
        )
        if report is None or recall.status not in DECIDED:
            raise NotFound(self.kwargs["recall_id"])
        context = part_a_context(
            person=self.person, recall=recall, report=report, today=today_uk(), settings=law_settings()
        )
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=self.person.crn,
                object_type=RECALL_REPORT,
                object_id=report.pk,
                detail={"document": "recall_part_a", "recall": recall.pk},
            )
            pdf = render_part_a(context)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="recall-part-a-{self.person.crn}-{recall.pk}.pdf"'
        )
        return response
