"""Report request pages on the case record (the case shell, ADR 0017) and the court team's list.

Case pages need COURT_DUTY_VIEW (court work staff: officers, senior POs, the court team) and the case
itself through the policy; recording a request needs the court team (COURT_LIST_MANAGE) and changing
one needs its court in the user's scope (probation.reports.selectors.requests). Anything refused is
the same 404 as a request or case that does not exist.
"""

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.frontend.templatetags.govuk import govuk_date
from probation.people.shell import CaseFormView, CasePageView
from probation.reports.forms.requests import (
    AllocateForm,
    ReportRequestForm,
    TypeDeliveredForm,
    WithdrawForm,
    offence_rows,
)
from probation.reports.models import ReportRequest, ReportType, RequestStatus
from probation.reports.presenters import requests as presenters
from probation.reports.selectors import requests as selectors
from probation.reports.services import requests as services

SECTION = "reports"


class ReportRequestCaseListView(CasePageView):
    """Every report the court has asked for on this case."""

    section = SECTION
    template_name = "reports/requests/case_list.html"

    def page_context(self) -> dict[str, Any]:
        requests = list(selectors.request_list_for_person(user=self.request.user, person=self.person))
        self.shown = [r.pk for r in requests]
        today = today_uk()
        return {
            "rows": [presenters.request_row(r, None, today=today) for r in requests],
            "can_record": selectors.can_record_request(self.request.user),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"requests": self.shown}


class ReportRequestDetailView(CasePageView):
    section = SECTION
    page = "request"
    template_name = "reports/requests/detail.html"

    def page_context(self) -> dict[str, Any]:
        request = selectors.request_get(
            user=self.request.user, person=self.person, request_id=self.kwargs["request_id"]
        )
        self.report_request = request
        return {
            "report_request": request,
            "summary": presenters.request_summary(request),
            "tag": presenters.deadline_tag(request, today=today_uk()),
            "can_manage": selectors.can_manage_request(self.request.user, request),
            "is_open": request.status in selectors.OPEN_STATUSES,
            "is_delivered": request.status in (RequestStatus.COMPLETED, RequestStatus.CLOSED),
            "is_author": request.author_id == self.request.user.pk
            and request.status in selectors.OPEN_STATUSES,
            "report_url": presenters.report_url(request, self.person.crn),
            "has_report": hasattr(request, "report"),
            "is_oral": request.type_requested == ReportType.ORAL,
        }

    def audit_object(self) -> tuple[str, object]:
        return "report_request", self.report_request.pk


class ReportRequestCreateView(CaseFormView):
    """Record the court's request: from a hearing on the duty page (``?hearing=<id>``: the court, the
    date and the offences come from the list) or from the case."""

    view_permission = Permission.COURT_DUTY_VIEW
    permission = Permission.COURT_LIST_MANAGE
    section = SECTION
    page = "request-create"
    title = "Record a report request"
    template_name = "reports/requests/form.html"
    success_message = "Report request recorded"
    hearing: Any = None

    def may_open(self) -> bool:
        if not selectors.can_record_request(self.request.user):
            return False
        hearing_id = self.request.GET.get("hearing", "")
        if hearing_id:
            if not hearing_id.isdigit() or len(hearing_id) > 18:
                return False
            try:
                self.hearing = selectors.hearing_for_request(
                    user=self.request.user, person=self.person, hearing_id=int(hearing_id)
                )
            except NotFound:
                return False
        return True

    def get_form(self, data: Any = None) -> GovukForm:
        courts = [(c.pk, c.name) for c in selectors.courts_for_requests(self.request.user)]
        return ReportRequestForm(data=data, courts=courts, from_hearing=self.hearing is not None)

    @property
    def extra(self) -> dict[str, Any]:
        if self.hearing is None:
            return {}
        court_list = self.hearing.court_list
        return {
            "hearing_rows": [
                ("Court", court_list.court.name),
                ("Date of the hearing", govuk_date(court_list.sitting_date)),
                ("Offences", "; ".join(o.get("wording", "") for o in self.hearing.offences)),
            ]
        }

    def save(self, data: dict[str, Any]) -> None:
        hearing = self.hearing
        details = services.CourtRequest(
            court_id=hearing.court_list.court_id if hearing else data["court"],
            hearing_id=hearing.pk if hearing else None,
            type_requested=data["type_requested"],
            remand_status=data["remand_status"],
            hearing_date=hearing.court_list.sitting_date if hearing else data["hearing_date"],
            adjourned_to=data.get("adjourned_to"),
            assessments=data.get("assessments", []),
            purposes=data.get("purposes", []),
            offences=None if hearing else offence_rows(data.get("offences", "")),
            notes=data.get("notes", ""),
        )
        self.created = services.report_request_create(
            actor=self.request.user, person=self.person, details=details
        )

    def success_url(self) -> str:
        created = getattr(self, "created", None)
        if created is not None:
            return presenters.request_url(created, self.person.crn)
        return reverse("reports:request-case-list", args=[self.person.crn])


class _RequestChangeView(CaseFormView):
    """A change to one request: the user must manage its court."""

    view_permission = Permission.COURT_DUTY_VIEW
    section = SECTION
    template_name = "reports/requests/form.html"
    report_request: ReportRequest

    def may_open(self) -> bool:
        try:
            self.report_request = selectors.request_get_for_change(
                user=self.request.user, person=self.person, request_id=self.kwargs["request_id"]
            )
        except NotFound:
            return False
        return True

    def initial(self) -> dict[str, Any]:
        return {"version": self.report_request.version}

    @property
    def extra(self) -> dict[str, Any]:
        return {"summary_rows": presenters.request_summary(self.report_request)[:8]}

    def success_url(self) -> str:
        return presenters.request_url(self.report_request, self.person.crn)


class ReportRequestAllocateView(_RequestChangeView):
    title = "Allocate an author"
    success_message = "Report allocated"

    def get_form(self, data: Any = None) -> GovukForm:
        candidates = list(selectors.author_candidates(court_pdu_id=self.report_request.court.pdu_id))
        initial = self.initial() | {"author": self.report_request.author_id}
        return AllocateForm(data=data, initial=initial, candidates=candidates)

    def save(self, data: dict[str, Any]) -> None:
        services.report_request_allocate(
            actor=self.request.user,
            request_id=self.report_request.pk,
            expected_version=data["version"],
            author_id=data["author"],
        )


class ReportRequestWithdrawView(_RequestChangeView):
    form_class = WithdrawForm
    title = "Withdraw the report request"
    success_message = "Report request withdrawn"

    def save(self, data: dict[str, Any]) -> None:
        services.report_request_withdraw(
            actor=self.request.user,
            request_id=self.report_request.pk,
            expected_version=data["version"],
            reason=data["reason"],
        )


class ReportRequestTypeDeliveredView(_RequestChangeView):
    form_class = TypeDeliveredForm
    title = "Type of report delivered"
    success_message = "Type delivered saved"

    def initial(self) -> dict[str, Any]:
        return super().initial() | {"type_delivered": self.report_request.type_delivered}

    def save(self, data: dict[str, Any]) -> None:
        services.report_request_set_type_delivered(
            actor=self.request.user,
            request_id=self.report_request.pk,
            expected_version=data["version"],
            type_delivered=data["type_delivered"],
        )


class CourtTeamRequestListView(View):
    """The open requests of the courts the user's PDU serves: unallocated first, with their age."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not (selectors.is_court_team(request.user) or selectors.is_court_manager(request.user)):
            raise Http404
        requests = list(selectors.court_team_request_list(user=request.user))
        listed = selectors.with_listed_people(user=request.user, requests=requests)
        today = today_uk()
        rows = [presenters.request_row(r, person, today=today) for r, person in listed]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="report_requests",
            object_id=request.user.staff.team.pdu.code if request.user.staff else "",
            detail={"requests": [r.id for r in rows], "crns": sorted({r.crn for r in rows})},
        )
        unallocated = sum(1 for r in requests if r.author_id is None)
        return render(request, "reports/requests/team_list.html", {"rows": rows, "unallocated": unallocated})
