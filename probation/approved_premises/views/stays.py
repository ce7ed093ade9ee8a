"""Running the premises: today's arrivals, departures and residents, and one booking's page where
staff record an arrival, a non-arrival or a departure, assign the key worker and book key work.
Deny by default: AP_PREMISES_MANAGE for that premises (its staff, or the CRU); anything else is the
404 of a premises that does not exist. Pages naming people are audited with their CRNs."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import User
from probation.approved_premises.forms.stays import (
    ArriveForm,
    DepartForm,
    KeyWorkerForm,
    KeyWorkForm,
    NonArrivalForm,
    at,
)
from probation.approved_premises.models import Premises, SpaceBooking
from probation.approved_premises.selectors import estate as estate_selectors
from probation.approved_premises.selectors import stays as curfew_selectors
from probation.approved_premises.selectors import stays as selectors
from probation.approved_premises.services import curfew as curfew_services
from probation.approved_premises.services import stays as services
from probation.approved_premises.views.changes import CHANGE_ACTIONS, change_forms, perform_change
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import LONDON, now, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.frontend.forms import GovukForm

NOON = 12


def _managed(request: AuthenticatedHttpRequest, premises_id: int) -> Premises:
    try:
        premises = estate_selectors.premises_get(user=request.user, premises_id=premises_id)
    except NotFound:
        raise Http404 from None
    if not estate_selectors.may_manage_premises(request.user, premises):
        raise Http404
    return premises


class PremisesTodayView(View):
    def get(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = _managed(request, premises_id)
        today = today_uk()
        day = selectors.premises_day(user=request.user, premises=premises, today=today)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="ap_premises_today",
            object_id=premises.code,
            detail={"crns": sorted({b.person.crn for b in [*day.arrivals, *day.residents]})},
        )
        return render(
            request, "approved_premises/stays/today.html", {"premises": premises, "day": day, "today": today}
        )


class BookingView(View):
    template_name = "approved_premises/stays/booking.html"

    def load(self, request: AuthenticatedHttpRequest, premises_id: int, booking_id: int) -> SpaceBooking:
        self.premises = _managed(request, premises_id)
        try:
            return selectors.booking_get(user=request.user, premises=self.premises, booking_id=booking_id)
        except NotFound:
            raise Http404 from None

    def forms(self, booking: SpaceBooking, data: Any = None, action: str = "") -> dict[str, GovukForm]:
        staff = [(s.pk, s.name) for s in selectors.premises_staff(self.premises)]
        self.history = selectors.booking_history(booking)
        self.pending = next((c for c in self.history if c.pending), None)
        user = self.request.user
        assert isinstance(user, User)
        changing = change_forms(user, booking, self.pending, data, action)
        return changing | {
            "arrive": ArriveForm(data=data if action == "arrive" else None),
            "non_arrival": NonArrivalForm(data=data if action == "non_arrival" else None),
            "depart": DepartForm(data=data if action == "depart" else None),
            "key_worker": KeyWorkerForm(data=data if action == "key_worker" else None, staff=staff),
            "key_work": KeyWorkForm(data=data if action == "key_work" else None),
        }

    def show(
        self,
        request: AuthenticatedHttpRequest,
        booking: SpaceBooking,
        forms: dict[str, GovukForm],
        conflict: ConflictError | None = None,
    ) -> HttpResponse:
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            crn=booking.person.crn,
            object_type="ap_space_booking",
            object_id=booking.pk,
        )
        context = {
            "premises": self.premises,
            "booking": booking,
            "forms": forms,
            "history": self.history,
            "pending": self.pending,
            "conflict": conflict,
        }
        return render(request, self.template_name, context, status=409 if conflict else 200)

    def get(self, request: AuthenticatedHttpRequest, premises_id: int, booking_id: int) -> HttpResponse:
        booking = self.load(request, premises_id, booking_id)
        return self.show(request, booking, self.forms(booking))

    def post(self, request: AuthenticatedHttpRequest, premises_id: int, booking_id: int) -> HttpResponse:
        booking = self.load(request, premises_id, booking_id)
        action = request.POST.get("action", "")
        forms = self.forms(booking, request.POST, action)
        form = forms.get(action)
        if form is None or not form.is_valid():
            return self.show(request, booking, forms)
        try:
            message = self.perform(request, booking, action, form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except ConflictError as conflict:
            # Shown with the booking as it is now, the form keeping what was typed at its new version.
            booking = self.load(request, premises_id, booking_id)
            data = request.POST.copy()
            data[f"{action}-version"] = str(booking.version)
            forms = self.forms(booking, data, action)
            return self.show(request, booking, forms, conflict=conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self.show(request, booking, forms)
        messages.success(request, message)
        return redirect(reverse("approved_premises:booking", args=[self.premises.pk, booking.pk]))

    def perform(
        self, request: AuthenticatedHttpRequest, booking: SpaceBooking, action: str, data: dict[str, Any]
    ) -> str:
        user = request.user
        if action in CHANGE_ACTIONS:
            return perform_change(user, booking, action, data)
        if action == "arrive":
            services.booking_arrive(
                actor=user, booking_id=booking.pk, arrived_at=at(data["day"], data["time"])
            )
            return "Arrival recorded"
        if action == "non_arrival":
            services.booking_record_non_arrival(
                actor=user, booking_id=booking.pk, reason=data["reason"], on=data["day"]
            )
            return "Non-arrival recorded"
        if action == "depart":
            services.booking_depart(
                actor=user,
                booking_id=booking.pk,
                departed_at=at(data["day"], data["time"]),
                reason=data["reason"],
                move_on=data["move_on"],
                notes=data["notes"],
            )
            return "Departure recorded"
        if action == "key_worker":
            services.key_worker_assign(actor=user, booking_id=booking.pk, staff_id=data["staff"])
            return "Key worker assigned"
        services.key_work_session_book(
            actor=user, booking_id=booking.pk, starts_at=at(data["day"], data["time"])
        )
        return "Key-work session booked"


def _night(request: AuthenticatedHttpRequest) -> dt.date:
    """The night shown: ``?night=YYYY-MM-DD``, else the night now under way (before noon, last night)."""
    given = request.GET.get("night") or request.POST.get("night") or ""
    try:
        return dt.date.fromisoformat(given) if given else _current_night()
    except ValueError:
        raise Http404 from None


def _current_night() -> dt.date:
    local = now().astimezone(LONDON)
    return local.date() - dt.timedelta(days=1) if local.hour < NOON else local.date()


class TonightView(View):
    """The night's sign-in register: each resident signed in (on time or late) or missed."""

    template_name = "approved_premises/stays/tonight.html"

    def get(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = _managed(request, premises_id)
        return self.show(request, premises, _night(request))

    def show(
        self, request: AuthenticatedHttpRequest, premises: Premises, night: dt.date, error: str = ""
    ) -> HttpResponse:
        rows = curfew_selectors.night_register(user=request.user, premises=premises, night=night)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="ap_night_register",
            object_id=premises.code,
            detail={"night": night.isoformat(), "crns": [r.booking.person.crn for r in rows]},
        )
        return render(
            request,
            self.template_name,
            {"premises": premises, "night": night, "rows": rows, "error": error},
            status=400 if error else 200,
        )

    def post(self, request: AuthenticatedHttpRequest, premises_id: int) -> HttpResponse:
        premises = _managed(request, premises_id)
        night = _night(request)
        booking_id = request.POST.get("booking", "")
        if not booking_id.isdigit() or len(booking_id) > 12:
            raise Http404
        try:
            if request.POST.get("action") == "missed":
                curfew_services.sign_in_missed(actor=request.user, booking_id=int(booking_id), night=night)
                message = "Missed sign-in recorded: the responsible officer has it to assess"
            else:
                signed_at = _time(request.POST.get("time", ""))
                day = night if signed_at.hour >= NOON else night + dt.timedelta(days=1)
                sign_in = curfew_services.sign_in_record(
                    actor=request.user,
                    booking_id=int(booking_id),
                    night=night,
                    signed_in_at=at(day, signed_at),
                )
                message = (
                    "Late return recorded: the responsible officer has it to assess"
                    if sign_in.late
                    else "Signed in"
                )
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            return self.show(request, premises, night, error=error.message)
        messages.success(request, message)
        return redirect(f"{reverse('approved_premises:premises-tonight', args=[premises.pk])}?night={night}")


def _time(value: str) -> dt.time:
    try:
        return dt.time.fromisoformat(value.strip().zfill(5))
    except ValueError:
        raise ServiceError("Enter the time signed in, like 22:45", field="time") from None
