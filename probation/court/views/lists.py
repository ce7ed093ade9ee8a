"""The courts page, importing a list, a list's defendants and the match page of one defendant.

Deny by default: COURT_DUTY_VIEW for the courts page, COURT_LIST_MANAGE (at one of the officer's
courts) for the rest; a list or hearing elsewhere is the same 404 as a missing one. Pages showing
people on the record audit one view each (ids and CRNs, never names).
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.court.forms.lists import ListImportForm, MatchDecisionForm
from probation.court.policy import courts_visible_to
from probation.court.presenters.lists import hearing_row, person_ids
from probation.court.selectors import lists as selectors
from probation.court.selectors.status import people_with_status
from probation.court.services import decisions
from probation.court.services.formats import MAX_BYTES, ListFormatError, parse_list_file
from probation.court.services.imports import court_list_import


def _require(request: AuthenticatedHttpRequest, permission: Permission) -> None:
    if not has_permission(request.user, permission) or request.user.staff is None:
        raise Http404


class CourtIndexView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _require(request, Permission.COURT_DUTY_VIEW)
        today = today_uk()
        return render(
            request,
            "court/index.html",
            {
                "lists": list(selectors.court_list_index(user=request.user, today=today)),
                "courts": list(courts_visible_to(request.user)),
                "today": today,
                "can_manage": has_permission(request.user, Permission.COURT_LIST_MANAGE),
            },
        )


class CourtListImportView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _require(request, Permission.COURT_LIST_MANAGE)
        return render(request, "court/import.html", {"form": ListImportForm()})

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _require(request, Permission.COURT_LIST_MANAGE)
        form = ListImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size is not None and upload.size > MAX_BYTES:
                    raise ListFormatError(["The file must be smaller than 2 MB"])
                parsed = parse_list_file(upload.name or "", upload.read(), today=today_uk())
                result = court_list_import(actor=request.user, parsed=parsed)
            except ListFormatError as error:
                for message in error.errors:
                    form.add_error("file", message)
            except ServiceError as error:
                form.add_error("file", error.message)
            else:
                messages.success(
                    request,
                    f"{result.added} defendants imported; "
                    f"{result.unchanged} already on the list were left as they were",
                )
                return redirect("court:list-detail", result.court_list.pk)
        return render(request, "court/import.html", {"form": form})


class CourtListDetailView(View):
    def get(self, request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
        court_list = selectors.court_list_get(user=request.user, list_id=list_id)
        hearings = list(selectors.hearing_list(court_list=court_list))
        people = people_with_status(user=request.user, ids=person_ids(hearings))
        rows = [hearing_row(h, people) for h in hearings]
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="court_list",
            object_id=court_list.pk,
            detail={"crns": sorted({p.crn for p in people.values()})},
        )
        return render(request, "court/list.html", {"court_list": court_list, "rows": rows})


class HearingMatchView(View):
    """The defendant as listed, each possible match with why it matches, and the decisions."""

    def get(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        return self.show(request, hearing_id)

    def show(
        self, request: AuthenticatedHttpRequest, hearing_id: int, errors: list[str] | None = None
    ) -> HttpResponse:
        hearing = selectors.hearing_get_for_match(user=request.user, hearing_id=hearing_id)
        people = people_with_status(user=request.user, ids=person_ids([hearing]))
        row = hearing_row(hearing, people)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="hearing",
            object_id=hearing.pk,
            detail={"crns": sorted(p.crn for p in people.values())},
        )
        context: dict[str, Any] = {"hearing": hearing, "row": row, "errors": errors or []}
        return render(request, "court/match.html", context, status=400 if errors else 200)

    def post(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing = selectors.hearing_get_for_match(user=request.user, hearing_id=hearing_id)
        form = MatchDecisionForm(request.POST)
        if not form.is_valid():
            return self.show(request, hearing_id, [str(e) for errs in form.errors.values() for e in errs])
        data = form.cleaned_data
        common = {"actor": request.user, "hearing_id": hearing.pk, "expected_version": data["version"]}
        try:
            if data["decision"] == "confirm":
                decisions.hearing_match_confirm(person_id=data["person"], **common)
                message = "Match confirmed"
            elif data["decision"] == "reject":
                decisions.hearing_match_reject(person_id=data["person"], **common)
                message = "Possible match rejected"
            else:
                decisions.hearing_no_record_confirm(**common)
                message = "No record confirmed: the person has been added to the record"
        except ServiceError as error:
            return self.show(request, hearing_id, [error.message])
        messages.success(request, message)
        if data["decision"] == "reject":
            return redirect("court:hearing-match", hearing.pk)
        return redirect(reverse("court:list-detail", args=[hearing.court_list_id]) + f"#hearing-{hearing.pk}")
