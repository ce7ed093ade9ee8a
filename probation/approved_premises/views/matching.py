"""Matching and booking by the Central Referral Unit (AP_MATCH): the placement requests waiting, the
search for one of them (on the case, through the case shell) and booking a space. Anything else is
the 404 of a missing CRN."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.approved_premises.forms.matching import MatchSearchForm
from probation.approved_premises.models import PlacementRequest
from probation.approved_premises.presenters.applications import when
from probation.approved_premises.presenters.matching import match_row
from probation.approved_premises.selectors import matching as selectors
from probation.approved_premises.services.bookings import space_booking_create
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.shell import CaseView

SECTION = "approved-premises"


class PlacementListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        if not has_permission(request.user, Permission.AP_MATCH):
            raise Http404
        placements = list(selectors.placement_requests_waiting(request.user))
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="ap_placement_requests",
            object_id="waiting",
            detail={"crns": [p.person.crn for p in placements]},
        )
        rows = [
            {
                "crn": p.person.crn,
                "name": f"{p.person.first_name} {p.person.surname}",
                "url": reverse("approved_premises:match", args=[p.person.crn, p.pk]),
                "arrival": p.arrival_on,
                "departure": p.departure_on,
                "due": when(p.due_at),
            }
            for p in placements
        ]
        return render(request, "approved_premises/match/list.html", {"rows": rows})


def _initial(placement: PlacementRequest) -> dict[str, Any]:
    return {
        "sex": "F" if placement.person.gender == "F" else "M",
        "ap_type": placement.application.ap_type,
        "district": placement.preferred_district,
        "criteria": placement.criteria,
        "arrival": placement.arrival_on,
        "departure": placement.departure_on,
    }


def _form_data(placement: PlacementRequest) -> dict[str, Any]:
    initial = _initial(placement)
    data: dict[str, Any] = {k: v for k, v in initial.items() if not isinstance(v, dt.date)}
    for key in ("arrival", "departure"):
        day = initial[key]
        data |= {f"{key}_0": day.day, f"{key}_1": day.month, f"{key}_2": day.year}
    return data


class MatchView(CaseView):
    """GET: search premises for this placement (the request's own criteria when first opened)."""

    section = SECTION
    page = "match"
    view_permission = Permission.AP_MATCH
    template_name = "approved_premises/match/match.html"
    placement: PlacementRequest

    def may_open(self) -> bool:
        try:
            self.placement = selectors.placement_request_get(
                user=self.request.user, person=self.person, placement_id=self.kwargs["placement_id"]
            )
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "ap_placement_request", self.placement.pk

    def context(self, form: MatchSearchForm, error: ServiceError | None = None) -> dict[str, Any]:
        rows = []
        if form.is_valid():
            data = form.cleaned_data
            search = selectors.Search(
                sex=data["sex"],
                ap_type=data["ap_type"],
                district=data["district"],
                criteria=tuple(data["criteria"]),
                arrival=data["arrival"],
                departure=data["departure"],
            )
            matches = selectors.premises_matching(search, today=today_uk())
            rows = [match_row(m, with_distance=bool(search.district)) for m in matches]
        self.shown = [r.premises_id for r in rows]
        return self.case_context() | {
            "placement": self.placement,
            "form": form,
            "rows": rows,
            "error": error,
            "booked": list(self.placement.bookings.all()),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"premises": self.shown[:50]}

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = request.GET if request.GET else _form_data(self.placement)
        context = self.context(MatchSearchForm(data=data))
        self.record_view()
        return render(request, self.template_name, context)


class BookView(MatchView):
    """POST: book a space at the chosen premises; a refusal shows the search again with the reason."""

    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        premises_id = request.POST.get("premises", "")
        try:
            if not premises_id.isdigit() or len(premises_id) > 12:
                raise ServiceError("Select a premises", field="premises")
            booking = space_booking_create(
                actor=request.user, placement_id=self.placement.pk, premises_id=int(premises_id)
            )
        except ServiceError as error:
            self.placement.refresh_from_db()
            form = MatchSearchForm(data=_form_data(self.placement))
            return render(request, self.template_name, self.context(form, error), status=409)
        messages.success(
            request, f"Space booked at {booking.premises.name} from {booking.arrival_on:%-d %B %Y}"
        )
        return redirect(reverse("approved_premises:case", args=[self.person.crn]))
