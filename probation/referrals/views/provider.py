"""The provider's pages (issue 12 item 3): their organisation's referrals, one referral with only what
it shares, and the forms for the initial assessment, action plan, sessions and the end-of-service
report. No case page: these read through probation.referrals.selectors.provider, and every page
showing a referral writes one audit row naming its case."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.referrals.forms.provider import ActionPlanForm, AssessmentForm, ReportForm, SessionForm
from probation.referrals.models import Referral
from probation.referrals.presenters import referrals as present
from probation.referrals.selectors.provider import provider_of, provider_referral_get, provider_referrals
from probation.referrals.services.provider import (
    DELIVERY_TYPES,
    SessionInput,
    action_plan_submit,
    referral_assess,
    report_submit,
    session_record,
)
from probation.rules.referrals.deadlines import assessment_due
from probation.rules.referrals.progress import TRANSITIONS, Status


def _audit_view(request: AuthenticatedHttpRequest, referral: Referral, page: str) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        crn=referral.person.crn,
        object_type="crs_referral",
        object_id=referral.pk,
        detail={"page": page},
    )


class ProviderReferralListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        provider = provider_of(request.user)
        if provider is None:
            raise Http404
        referrals = list(provider_referrals(user=request.user, provider=provider))
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            object_type="crs_referral_list",
            object_id=provider.pk,
            detail={"referrals": [r.pk for r in referrals]},
        )
        today = today_uk()
        rows = [
            {
                "referral": r,
                "name": present.person_name(r),
                "contract": present.contract_name(r),
                "status": present.status_label(r),
                "assessment_late": r.status == Status.SENT and assessment_due(r.sent_on) < today,
            }
            for r in referrals
        ]
        return render(request, "referrals/provider_list.html", {"provider": provider, "rows": rows})


class ProviderReferralView(View):
    def get(self, request: AuthenticatedHttpRequest, referral_id: int) -> HttpResponse:
        referral = provider_referral_get(user=request.user, referral_id=referral_id)
        _audit_view(request, referral, "referral")
        status = referral.status
        return render(
            request,
            "referrals/provider_referral.html",
            {
                "referral": referral,
                "name": present.person_name(referral),
                "status": present.status_label(referral),
                "contract": present.contract_name(referral),
                "categories": present.category_rows(referral),
                "deadlines": present.deadlines(referral, today=today_uk()),
                "plans": list(referral.action_plans.all()),
                "sessions": present.session_rows(referral),
                "end_reason": present.end_reason_label(referral),
                "can": {step: status in allowed for step, allowed in TRANSITIONS.items()},
            },
        )


STEPS = {
    "assessment": ("assess", "Record the initial assessment"),
    "action-plan": ("submit_plan", "Submit an action plan"),
    "session": ("record_session", "Record a session"),
    "report": ("report", "End-of-service report"),
}


class ProviderStepView(View):
    """One provider form; ``step`` names which (set in urls.py)."""

    step = ""

    def _form(self, referral: Referral, data: Any = None) -> GovukForm:
        initial = {"version": referral.version}
        if self.step == "assessment":
            return AssessmentForm(data=data, initial=initial)
        if self.step == "action-plan":
            return ActionPlanForm(data=data, initial=initial)
        if self.step == "session":
            return SessionForm(data=data, initial=initial, deliveries=DELIVERY_TYPES)
        return ReportForm(data=data, initial=initial, outcomes=present.outcome_choices(referral))

    def _page(self, request: AuthenticatedHttpRequest, referral: Referral, form: GovukForm) -> HttpResponse:
        return render(
            request,
            "referrals/provider_form.html",
            {
                "referral": referral,
                "name": present.person_name(referral),
                "title": STEPS[self.step][1],
                "form": form,
            },
        )

    def _referral(self, request: AuthenticatedHttpRequest, referral_id: int) -> Referral:
        referral = provider_referral_get(user=request.user, referral_id=referral_id)
        if referral.status not in TRANSITIONS[STEPS[self.step][0]]:
            raise Http404
        return referral

    def get(self, request: AuthenticatedHttpRequest, referral_id: int) -> HttpResponse:
        referral = self._referral(request, referral_id)
        _audit_view(request, referral, self.step)
        return self._page(request, referral, self._form(referral))

    def post(self, request: AuthenticatedHttpRequest, referral_id: int) -> HttpResponse:
        referral = self._referral(request, referral_id)
        form = self._form(referral, request.POST)
        if form.is_valid():
            try:
                self._save(request, referral, form)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{STEPS[self.step][1]}: saved")
                return redirect("referrals:provider-referral", referral.pk)
        return self._page(request, referral, form)

    def _save(self, request: AuthenticatedHttpRequest, referral: Referral, form: GovukForm) -> None:
        data, actor, version = form.cleaned_data, request.user, form.cleaned_data["version"]
        if self.step == "assessment":
            referral_assess(
                actor=actor,
                referral_id=referral.pk,
                expected_version=version,
                assessed_on=data["assessed_on"],
                notes=data["notes"],
            )
        elif self.step == "action-plan":
            action_plan_submit(
                actor=actor,
                referral_id=referral.pk,
                expected_version=version,
                activities=data["activities"],
                sessions_planned=data["sessions_planned"],
            )
        elif self.step == "session":
            session_record(
                actor=actor,
                referral_id=referral.pk,
                expected_version=version,
                data=SessionInput(
                    happened_on=data["happened_on"],
                    delivery=data["delivery"],
                    attended=data["attended"],
                    absence=data["absence"],
                    summary=data["summary"],
                    behaviour=data["behaviour"],
                    concerns=data["concerns"],
                    notify_practitioner=data["notify_practitioner"],
                ),
            )
        else:
            assert isinstance(form, ReportForm)
            report_submit(
                actor=actor,
                referral_id=referral.pk,
                expected_version=version,
                answers=form.answers(),
                progress=data["progress"],
                further_work=data["further_work"],
            )
