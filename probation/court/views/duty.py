"""The court duty page (one court, one day) and the preparation form of a hearing.

COURT_DUTY_VIEW at one of the user's courts to read; COURT_LIST_MANAGE to change the preparation.
The page reads everything for all defendants in a fixed number of queries, shows a case the user may
not open by its CRN only, and audits one view listing the CRNs shown.
"""

import datetime as dt
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
from probation.core.errors import ConflictError, ServiceError
from probation.court.forms.lists import PreparationForm
from probation.court.models import Court, Hearing
from probation.court.policy import courts_manageable_by
from probation.court.presenters.duty import DutyData, duty_cards
from probation.court.presenters.status import hidden
from probation.court.selectors import duty as duty_selectors
from probation.court.selectors import lists as selectors
from probation.court.selectors.status import people_with_status
from probation.court.services.preparation import hearing_preparation_update


def _day(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise Http404 from None
    if not dt.date(2000, 1, 1) <= day <= dt.date(2199, 12, 31):
        raise Http404
    return day


def duty_url(court: Court, day: dt.date) -> str:
    return reverse("court:duty", args=[court.code, day.isoformat()])


class CourtDutyView(View):
    def get(self, request: AuthenticatedHttpRequest, court_code: str, day: str) -> HttpResponse:
        if not has_permission(request.user, Permission.COURT_DUTY_VIEW):
            raise Http404
        court = selectors.court_get(user=request.user, code=court_code)
        sitting = _day(day)
        hearings = list(selectors.duty_hearing_list(court=court, day=sitting))
        people = people_with_status(user=request.user, ids={h.person_id for h in hearings if h.person_id})
        open_ids = [pk for pk, person in people.items() if not hidden(person)]
        sentences = duty_selectors.current_sentences(person_ids=open_ids)
        data = DutyData(
            people=people,
            sentences=sentences,
            compliance=duty_selectors.compliance_for(
                sentences=[s for found in sentences.values() for s in found], today=today_uk()
            ),
            registrations=duty_selectors.active_registrations(person_ids=open_ids),
            reports=duty_selectors.previous_reports(person_ids=open_ids),
        )
        cards = duty_cards(hearings, data)
        can_prepare = courts_manageable_by(request.user).filter(pk=court.pk).exists()
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="court_duty",
            object_id=f"{court.code} {sitting.isoformat()}",
            detail={"hearings": [h.pk for h in hearings], "crns": sorted(p.crn for p in people.values())},
        )
        context: dict[str, Any] = {
            "court": court,
            "day": sitting,
            "cards": cards,
            "previous_url": duty_url(court, sitting - dt.timedelta(days=1)),
            "next_url": duty_url(court, sitting + dt.timedelta(days=1)),
            "can_prepare": can_prepare,
            # Resulting is for the court's own PDU (court.policy.courts_resultable_by).
            "can_result": can_prepare
            and request.user.staff is not None
            and court.pdu_id == request.user.staff.team.pdu_id,
        }
        return render(request, "court/duty.html", context)


class HearingPreparationView(View):
    def _hearing(self, request: AuthenticatedHttpRequest, hearing_id: int) -> Hearing:
        return selectors.hearing_get_for_preparation(user=request.user, hearing_id=hearing_id)

    def _back(self, hearing: Hearing) -> str:
        return duty_url(hearing.court_list.court, hearing.court_list.sitting_date) + f"#hearing-{hearing.pk}"

    def _show(
        self, request: AuthenticatedHttpRequest, hearing: Hearing, form: PreparationForm, conflict: Any = None
    ) -> HttpResponse:
        context = {"hearing": hearing, "form": form, "conflict": conflict, "back_url": self._back(hearing)}
        return render(request, "court/preparation.html", context, status=409 if conflict else 200)

    def _initial(self, hearing: Hearing) -> PreparationForm:
        return PreparationForm(
            initial={
                "status": hearing.preparation_status,
                "notes": hearing.preparation_notes,
                "version": hearing.version,
            }
        )

    def get(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing = self._hearing(request, hearing_id)
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            crn=hearing.person.crn if hearing.person else "",
            object_type="hearing_preparation",
            object_id=hearing.pk,
        )
        return self._show(request, hearing, self._initial(hearing))

    def post(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing = self._hearing(request, hearing_id)
        form = PreparationForm(request.POST)
        if not form.is_valid():
            return self._show(request, hearing, form)
        data = form.cleaned_data
        try:
            hearing_preparation_update(
                actor=request.user,
                hearing_id=hearing.pk,
                expected_version=data["version"],
                status=data["status"],
                notes=data["notes"],
            )
        except ConflictError as conflict:
            current = self._hearing(request, hearing_id)
            return self._show(request, current, self._initial(current), conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self._show(request, hearing, form)
        messages.success(request, "Preparation saved")
        return redirect(self._back(hearing))
