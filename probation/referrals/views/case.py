"""The practitioner's pages of a case's referrals (issue 12 item 3): the list, making a referral, and
one referral with the provider's work, where the practitioner approves an action plan version, reads
flagged feedback and ends the referral. Case pages: loaded through people.policy, audited once."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.frontend.forms import GovukForm
from probation.people.shell import CasePageView
from probation.referrals.forms.referral import (
    ApproveForm,
    EndForm,
    FeedbackReadForm,
    ProviderChoiceForm,
    ReferralForm,
)
from probation.referrals.models import Provider, Referral
from probation.referrals.presenters import referrals as present
from probation.referrals.selectors.case import (
    case_referral_get,
    case_referrals,
    may_refer,
    providers_for,
    rar_requirements,
)
from probation.referrals.services.referrals import (
    ReferralInput,
    action_plan_approve,
    referral_create,
    referral_end,
    session_feedback_seen,
)
from probation.rules.referrals.catalogue import catalogue_on
from probation.rules.referrals.progress import OPEN, Status


class ReferralListView(CasePageView):
    section = "referrals"
    view_permission = Permission.REFERRAL_VIEW
    person_details = False
    template_name = "referrals/case_list.html"

    def page_context(self) -> dict[str, Any]:
        referrals = list(case_referrals(person=self.person))
        return {
            "rows": [(r, present.contract_name(r), *present.status_label(r)) for r in referrals],
            "may_refer": may_refer(self.request.user, self.person),
        }


class ReferralCreateView(CasePageView):
    section = "referrals"
    page = "referral-create"
    view_permission = Permission.REFERRAL_VIEW
    person_details = False
    template_name = "referrals/case_create.html"
    provider: Provider | None = None

    def may_open(self) -> bool:
        if not may_refer(self.request.user, self.person):
            return False
        raw = self.request.GET.get("provider") or self.request.POST.get("provider") or ""
        if raw.isdigit() and len(raw) <= 9:  # an id, not a number the database cannot hold
            self.provider = providers_for(self.person).filter(pk=int(raw)).first()
        return True

    def _form(self, data: Any = None) -> GovukForm:
        if self.provider is None:
            providers = [
                (p.pk, f"{p.name} ({catalogue_on(today_uk()).contract_type(p.contract_type).name})")
                for p in providers_for(self.person)
            ]
            return ProviderChoiceForm(
                data=self.request.GET if "provider" in self.request.GET else None, providers=providers
            )
        requirements = [
            (r.pk, f"RAR of {r.ordered} days from {r.sentence.start_date:%-d %B %Y} ({r.done} used)")
            for r in rar_requirements(self.person)
        ]
        contract = catalogue_on(today_uk()).contract_type(self.provider.contract_type)
        return ReferralForm(data=data, contract=contract, requirements=requirements)

    def page_context(self, form: GovukForm | None = None) -> dict[str, Any]:
        form = form or self._form()
        if isinstance(form, ProviderChoiceForm) and form.is_bound:
            form.is_valid()  # an unknown provider shows its error
        return {"form": form, "provider": self.provider}

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self._form(request.POST)
        if not isinstance(form, ReferralForm):
            raise NotFound(self.person.crn)
        if form.is_valid():
            data = form.cleaned_data
            assert self.provider is not None
            try:
                referral = referral_create(
                    actor=request.user,
                    person=self.person,
                    data=ReferralInput(
                        provider_id=self.provider.pk,
                        requirement_id=data["requirement"],
                        categories=form.chosen_categories(),
                        maximum_days=data["maximum_days"],
                        complete_by=data["complete_by"],
                        risk_information=data["risk_information"],
                        form_token=data["form_token"],
                        further_information=data["further_information"],
                        needs=data["needs"],
                        interpreter_language=data["interpreter_language"],
                        commitments=data["commitments"],
                    ),
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"Referral sent to {self.provider.name}")
                return redirect("referrals:case-referral", self.person.crn, referral.pk)
        return render(request, self.template_name, self.case_context() | self.page_context(form))


class ReferralDetailView(CasePageView):
    section = "referrals"
    page = "referral"
    view_permission = Permission.REFERRAL_VIEW
    person_details = False
    template_name = "referrals/case_referral.html"
    referral: Referral

    def may_open(self) -> bool:
        try:
            self.referral = case_referral_get(person=self.person, referral_id=self.kwargs["referral_id"])
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "crs_referral", self.referral.pk

    def page_context(self, forms: dict[str, GovukForm] | None = None) -> dict[str, Any]:
        referral = self.referral
        editable = may_refer(self.request.user, self.person)
        plans = list(referral.action_plans.all())
        latest = plans[0] if plans else None
        awaiting = editable and referral.status == Status.PLAN_SUBMITTED and latest is not None
        sessions = present.session_rows(referral)
        forms = forms or {}
        return {
            "referral": referral,
            "status": present.status_label(referral),
            "contract": present.contract_name(referral),
            "categories": present.category_rows(referral),
            "deadlines": present.deadlines(referral, today=today_uk()),
            "plans": plans,
            "sessions": sessions,
            "end_reason": present.end_reason_label(referral),
            "approve_form": forms.get("approve")
            or (
                ApproveForm(initial={"number": latest.number, "version": referral.version})
                if awaiting and latest
                else None
            ),
            "read_form": FeedbackReadForm() if editable and any(s["unread"] for s in sessions) else None,
            "end_form": forms.get("end")
            or (
                EndForm(initial={"version": referral.version})
                if editable and referral.status in OPEN
                else None
            ),
        }

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_refer(request.user, self.person):
            raise NotFound(self.person.crn)
        action = request.POST.get("action", "")
        form: GovukForm
        if action == "approve":
            form = ApproveForm(data=request.POST)
        elif action == "end":
            form = EndForm(data=request.POST)
        elif action == "read":
            session_feedback_seen(actor=request.user, person=self.person, referral_id=self.referral.pk)
            messages.success(request, "Feedback marked as read")
            return redirect(request.path)
        else:
            raise NotFound(self.person.crn)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "approve":
                    action_plan_approve(
                        actor=request.user,
                        person=self.person,
                        referral_id=self.referral.pk,
                        expected_version=data["version"],
                        number=data["number"],
                    )
                    messages.success(request, "Action plan approved")
                else:
                    referral_end(
                        actor=request.user,
                        person=self.person,
                        referral_id=self.referral.pk,
                        expected_version=data["version"],
                        reason=data["reason"],
                        notes=data["notes"],
                    )
                    messages.success(request, "Referral ended")
            except ServiceError as error:
                form.add_service_error(error)
            else:
                return redirect(request.path)
        return render(
            request, self.template_name, self.case_context() | self.page_context({action: form}), status=200
        )
