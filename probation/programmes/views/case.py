"""The case's programmes page (pathway with its reasoning, referrals) and its forms: the PNI answers,
a referral (the case's practitioner, in its PDU), the suitability assessment and the completion with
the post-programme review (a treatment manager of its PDU). Case shell: loaded through the policy,
audited once; anyone else gets the missing-CRN page."""

from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.programmes.forms import AssessForm, CompleteForm, NeedsForm, ReferralForm
from probation.programmes.models import Referral
from probation.programmes.presenters.pathway import pathway_rows
from probation.programmes.selectors.pathway import NEEDS_FIELDS, pathway_for
from probation.programmes.selectors.referrals import case_referral_get, case_referrals, programme_requirements
from probation.programmes.services.referrals import (
    catalogue_settings,
    programme_needs_save,
    referral_assess,
    referral_complete,
    referral_create,
)
from probation.rules.programmes.catalogue import programmes_in_force
from probation.rules.programmes.delivery import Status

SECTION = "programmes"


class ProgrammesView(CasePageView):
    section = SECTION
    template_name = "programmes/case.html"

    def page_context(self) -> dict[str, Any]:
        user = self.request.user
        found = pathway_for(person=self.person)
        referrals = case_referrals(person=self.person)
        self.referral_ids = [r.pk for r in referrals]
        manage = can_change_case(user, self.person, Permission.PROGRAMME_MANAGE)
        refer = can_change_case(user, self.person, Permission.PROGRAMME_REFER)
        return {
            "pathway": found,
            "rows": pathway_rows(found),
            "referrals": referrals,
            "may_refer": refer,
            "may_manage": manage,
            "may_answer": refer or manage,
            "statuses": Status,
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"referrals": self.referral_ids}


class _ProgrammeForm(CaseFormView):
    section = SECTION
    template_name = "programmes/case_form.html"
    permission = Permission.PROGRAMME_REFER

    def success_url(self) -> str:
        return reverse("programmes:case", args=[self.person.crn])


class NeedsView(_ProgrammeForm):
    title = "Programme needs answers"
    success_message = "Answers saved: the pathway is worked out again"

    def may_open(self) -> bool:
        user = self.request.user
        return can_change_case(user, self.person, Permission.PROGRAMME_REFER) or can_change_case(
            user, self.person, Permission.PROGRAMME_MANAGE
        )

    def get_form(self, data: Any = None) -> GovukForm:
        needs = pathway_for(person=self.person).needs
        initial = {}
        if needs is not None:
            initial = {
                f: getattr(needs, f) for f in [*NEEDS_FIELDS, "sara_partner", "sara_others", "ldc_score"]
            }
        self.needs_version = needs.version if needs else None
        return NeedsForm(data=data, initial=initial)

    @property
    def extra(self) -> dict[str, Any]:
        return {
            "version": self.needs_version or "",
            "summary": "The other answers come from the latest completed needs assessment.",
        }

    def save(self, data: dict[str, Any]) -> None:
        version = self.request.POST.get("version", "")
        programme_needs_save(
            actor=self.request.user,
            crn=self.person.crn,
            expected_version=int(version) if version.isdigit() else None,
            data=data,
        )


class ReferView(_ProgrammeForm):
    title = "Refer to an accredited programme"
    success_message = "Referred: the treatment manager will assess suitability"

    def get_form(self, data: Any = None) -> GovukForm:
        requirements = [
            (r.pk, f"{r.get_type_display()}, {r.ordered or 0} sessions, from {r.start_date:%-d %B %Y}")
            for r in programme_requirements(person=self.person)
        ]
        programmes = [(p.code, p.name) for p in programmes_in_force(today_uk(), catalogue_settings())]
        return ReferralForm(data=data, requirements=requirements, programmes=programmes)

    @property
    def extra(self) -> dict[str, Any]:
        found = pathway_for(person=self.person).result
        return {"summary": f"Pathway: {found.label}."}

    def save(self, data: dict[str, Any]) -> None:
        referral_create(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=data["requirement"],
            programme_code=data["programme"],
            notes=data["notes"],
        )


class _ReferralForm(_ProgrammeForm):
    permission = Permission.PROGRAMME_MANAGE
    referral: Referral

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        try:
            self.referral = case_referral_get(person=self.person, referral_id=self.kwargs["referral_id"])
        except NotFound:
            return False
        return True

    @property
    def extra(self) -> dict[str, Any]:
        return {"version": self.referral.version, "referral": self.referral}


class AssessView(_ReferralForm):
    title = "Assess suitability"
    success_message = "Assessment saved"
    form_class = AssessForm

    def save(self, data: dict[str, Any]) -> None:
        referral_assess(
            actor=self.request.user,
            crn=self.person.crn,
            referral_id=self.referral.pk,
            expected_version=_version(self.request.POST),
            suitable=data["suitable"],
            reasons=data["reasons"],
        )


class CompleteView(_ReferralForm):
    title = "Programme completion"
    success_message = "Programme complete: review the sentence plan"
    form_class = CompleteForm

    def save(self, data: dict[str, Any]) -> None:
        referral_complete(
            actor=self.request.user,
            crn=self.person.crn,
            referral_id=self.referral.pk,
            expected_version=_version(self.request.POST),
            review_on=data["review_on"],
            notes=data["notes"],
        )


def _version(post: Any) -> int:
    value = post.get("version", "")
    return int(value) if value.isdigit() else 0
