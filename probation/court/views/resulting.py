"""Resulting a hearing: the result page (assign, notes, any outcome but a probation sentence) and the
probation sentence page (the conviction-and-sentence form pre-filled from the report's proposal).

COURT_LIST_MANAGE at a court of the officer's own PDU (court.policy.courts_resultable_by); any other
hearing is the same 404 as a missing one. Each page view is audited with the defendant's CRN.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ConflictError, ServiceError
from probation.court.forms.resulting import ResultForm, ResultSentenceForm
from probation.court.models import Hearing, Outcome, ResultStatus
from probation.court.presenters.resulting import report_of, sentence_initial
from probation.court.selectors import resulting as selectors
from probation.court.services import resulting as services
from probation.court.views.duty import duty_url
from probation.sentences.forms.events import ADDITIONAL_SLOTS
from probation.sentences.services.events import OffenceInput, SentenceInput


def _back(hearing: Hearing) -> str:
    return duty_url(hearing.court_list.court, hearing.court_list.sitting_date) + f"#hearing-{hearing.pk}"


def _audit_view(request: AuthenticatedHttpRequest, hearing: Hearing) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        crn=hearing.person.crn if hearing.person else "",
        object_type=services.OBJECT,
        object_id=hearing.pk,
    )


class HearingResultView(View):
    def _hearing(self, request: AuthenticatedHttpRequest, hearing_id: int) -> Hearing:
        return selectors.hearing_get_for_result(user=request.user, hearing_id=hearing_id)

    def _form(self, hearing: Hearing, data: Any = None) -> ResultForm:
        team = [(u.pk, str(u)) for u in selectors.court_team(court=hearing.court_list.court)]
        initial = {
            "assigned_to": hearing.result_assigned_to_id,
            "outcome": hearing.outcome,
            "notes": hearing.result_notes,
            "version": hearing.version,
        }
        return ResultForm(data, initial=initial, team=team)

    def _show(
        self, request: AuthenticatedHttpRequest, hearing: Hearing, form: ResultForm, conflict: Any = None
    ) -> HttpResponse:
        context = {
            "hearing": hearing,
            "form": form,
            "conflict": conflict,
            "back_url": _back(hearing),
            "resulted": hearing.result_status == ResultStatus.RESULTED,
        }
        return render(request, "court/result.html", context, status=409 if conflict else 200)

    def get(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing = self._hearing(request, hearing_id)
        _audit_view(request, hearing)
        return self._show(request, hearing, self._form(hearing))

    def post(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing = self._hearing(request, hearing_id)
        form = self._form(hearing, request.POST)
        if not form.is_valid():
            return self._show(request, hearing, form)
        data = form.cleaned_data
        sentence = data["outcome"] == Outcome.PROBATION_SENTENCE
        try:
            hearing = services.hearing_result_update(
                actor=request.user,
                hearing_id=hearing.pk,
                expected_version=data["version"],
                assigned_to_id=data["assigned_to"],
                outcome="" if sentence else data["outcome"],
                notes=data["notes"],
            )
        except ConflictError as conflict:
            current = self._hearing(request, hearing_id)
            return self._show(request, current, self._form(current), conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self._show(request, hearing, form)
        if sentence:
            return redirect("court:hearing-result-sentence", hearing.pk)
        messages.success(request, "Hearing resulted" if data["outcome"] else "Result saved")
        return redirect(_back(hearing))


def _sentence_result(data: dict[str, Any]) -> services.SentenceResult:
    return services.SentenceResult(
        conviction_date=data["conviction_date"],
        court=data["court"],
        main_offence=OffenceInput(data["main_code"], data["main_date"]),
        additional_offences=[
            OffenceInput(data[f"additional_{i}_code"], data[f"additional_{i}_date"])
            for i in range(1, ADDITIONAL_SLOTS + 1)
            if data.get(f"additional_{i}_code")
        ],
        sentence=SentenceInput(
            type=data["sentence_type"],
            sentence_date=data["sentence_date"],
            start_date=data["start_date"],
            length_months=data["length_months"],
            custodial_months=data["custodial_months"],
            kind=data["kind"],
        ),
        requirements=ResultSentenceForm.requirements(data),
    )


class HearingResultSentenceView(View):
    def _load(self, request: AuthenticatedHttpRequest, hearing_id: int) -> tuple[Hearing, Any]:
        hearing = selectors.hearing_get_for_result(user=request.user, hearing_id=hearing_id)
        found = (
            selectors.open_report_request(user=request.user, person_id=hearing.person_id)
            if hearing.person_id
            else None
        )
        return hearing, found

    def _show(
        self, request: AuthenticatedHttpRequest, hearing: Hearing, found: Any, form: Any, conflict: Any = None
    ) -> HttpResponse:
        context = {
            "hearing": hearing,
            "report_request": found,
            "report": report_of(found),
            "form": form,
            "conflict": conflict,
            "back_url": reverse("court:hearing-result", args=[hearing.pk]),
            "resulted": hearing.result_status == ResultStatus.RESULTED,
        }
        return render(request, "court/result_sentence.html", context, status=409 if conflict else 200)

    def get(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing, found = self._load(request, hearing_id)
        _audit_view(request, hearing)
        return self._show(
            request, hearing, found, ResultSentenceForm(initial=sentence_initial(hearing, found))
        )

    def post(self, request: AuthenticatedHttpRequest, hearing_id: int) -> HttpResponse:
        hearing, found = self._load(request, hearing_id)
        form = ResultSentenceForm(request.POST)
        if not form.is_valid():
            return self._show(request, hearing, found, form)
        try:
            services.hearing_result_sentence(
                actor=request.user,
                hearing_id=hearing.pk,
                expected_version=form.cleaned_data["version"],
                result=_sentence_result(form.cleaned_data),
            )
        except ConflictError as conflict:
            hearing, found = self._load(request, hearing_id)
            fresh = ResultSentenceForm(initial=sentence_initial(hearing, found))
            return self._show(request, hearing, found, fresh, conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self._show(request, hearing, found, form)
        messages.success(
            request, "Probation sentence recorded: the case is on the unallocated list if it has no officer"
        )
        return redirect(_back(hearing))
