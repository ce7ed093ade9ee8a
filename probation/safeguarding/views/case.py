"""The safeguarding children page of a case and its change pages.

The person comes through the case-page shell (SAFEGUARDING_VIEW, partner scope, limited access;
denied looks exactly like missing). Change pages are ``CaseFormView``s needing SAFEGUARDING_MANAGE
in the case's managing PDU; every page that shows safeguarding records audits the view first.
"""

from functools import cached_property
from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.safeguarding import selectors
from probation.safeguarding.forms.records import (
    CheckForm,
    CheckResponseForm,
    ReferralForm,
    ReferralOutcomeForm,
)
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral
from probation.safeguarding.presenters import check_row, flag_rows, referral_row
from probation.safeguarding.services import checks as check_services
from probation.safeguarding.services import referrals as referral_services
from probation.safeguarding.services.linked_flags import CHECK, REFERRAL

SECTION = "safeguarding"


class SafeguardingCaseView(CasePageView):
    section = SECTION
    template_name = "safeguarding/case.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        can_manage = can_change_case(self.request.user, person, Permission.SAFEGUARDING_MANAGE)
        today = today_uk()
        self.checks = [
            check_row(c, crn=person.crn, today=today, can_manage=can_manage)
            for c in selectors.check_list(person=person)
        ]
        self.referrals = [
            referral_row(r, crn=person.crn, can_manage=can_manage)
            for r in selectors.referral_list(person=person)
        ]
        return {
            "flags": flag_rows(selectors.child_flag_list(person=person)),
            "checks": self.checks,
            "referrals": self.referrals,
            "can_manage": can_manage,
            "flags_url": reverse("risk:registration-list", args=[person.crn]),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {
            CHECK: [row.pk for row in self.checks],
            REFERRAL: [row.pk for row in self.referrals],
        }


class SafeguardingFormView(CaseFormView):
    permission = Permission.SAFEGUARDING_MANAGE
    section = SECTION

    def success_url(self) -> str:
        return reverse("safeguarding:case", args=[self.person.crn])


class LinkedFlagFormView(SafeguardingFormView):
    def get_form(self, data: Any = None) -> GovukForm:
        return self.form_class(data=data, flags=selectors.child_flag_list(person=self.person))


class CheckAddView(OnceOnlySubmissionMixin, LinkedFlagFormView):
    form_class = CheckForm
    title = "Record a check with children's services"
    success_message = "Check with children's services recorded"

    def save(self, data: dict[str, Any]) -> None:
        check_services.check_add(
            actor=self.request.user,
            crn=self.person.crn,
            local_authority=data["local_authority"],
            requested_on=data["requested_on"],
            method=data["method"],
            reason=data["reason"],
            registration_id=data.get("registration"),
        )


class CheckResponseView(SafeguardingFormView):
    form_class = CheckResponseForm
    page = "response"
    title = "Record the response to a check"
    success_message = "Response recorded"

    @cached_property
    def check(self) -> ChildrenServicesCheck:
        return selectors.check_get(person=self.person, check_id=self.kwargs["check_id"])

    @property
    def extra(self) -> dict[str, Any]:
        check = self.check
        return {"summary": f"Check with {check.local_authority} requested on {check.requested_on:%-d %B %Y}"}

    def audit_object(self) -> tuple[str, object]:
        return CHECK, self.check.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.check.version}

    def save(self, data: dict[str, Any]) -> None:
        check_services.check_record_response(
            actor=self.request.user,
            crn=self.person.crn,
            check_id=self.check.pk,
            expected_version=data["version"],
            response_on=data["response_on"],
            outcome=data["outcome"],
            details=data["details"],
        )


class ReferralAddView(OnceOnlySubmissionMixin, LinkedFlagFormView):
    form_class = ReferralForm
    title = "Record a safeguarding referral"
    success_message = "Safeguarding referral recorded"

    def save(self, data: dict[str, Any]) -> None:
        referral_services.referral_add(
            actor=self.request.user,
            crn=self.person.crn,
            referred_on=data["referred_on"],
            referred_to=data["referred_to"],
            referred_to_other=data["referred_to_other"],
            concern=data["concern"],
            urgency=data["urgency"],
            registration_id=data.get("registration"),
        )


class ReferralOutcomeView(SafeguardingFormView):
    form_class = ReferralOutcomeForm
    page = "outcome"
    title = "Record the outcome of a referral"
    success_message = "Referral outcome recorded"

    @cached_property
    def referral(self) -> SafeguardingReferral:
        return selectors.referral_get(person=self.person, referral_id=self.kwargs["referral_id"])

    @property
    def extra(self) -> dict[str, Any]:
        referral = self.referral
        to = referral.referred_to_other or referral.get_referred_to_display()
        return {"summary": f"Referral to {to} on {referral.referred_on:%-d %B %Y}"}

    def audit_object(self) -> tuple[str, object]:
        return REFERRAL, self.referral.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.referral.version}

    def save(self, data: dict[str, Any]) -> None:
        referral_services.referral_record_outcome(
            actor=self.request.user,
            crn=self.person.crn,
            referral_id=self.referral.pk,
            expected_version=data["version"],
            outcome=data["outcome"],
            outcome_on=data["outcome_on"],
            outcome_details=data["outcome_details"],
        )
