"""A requirement's unpaid-work pages on the case (shell: loaded through the policy, audited once):
the assessment (item 2) and allocation to a project's sessions with suggested projects and the
reasons others do not fit (item 3). Unpaid-work staff of the case's managing PDU."""

from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.people.shell import CaseFormView
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.rules.unpaid_work.schedule import Frequency
from probation.sentences.models import Requirement
from probation.unpaid_work.forms import AllocationForm, AssessmentForm
from probation.unpaid_work.forms.progress import EteCreditForm, ExtensionForm
from probation.unpaid_work.models import Assessment
from probation.unpaid_work.selectors.allocation import allocation_options, assessment_for, requirement_summary
from probation.unpaid_work.services.allocations import AllocationRequest, allocation_create
from probation.unpaid_work.services.assessments import assessment_save, upw_requirement
from probation.unpaid_work.services.progress import EteRequest, ete_credit_record, extension_record


class _RequirementFormView(CaseFormView):
    section = "sentences"
    view_permission = Permission.UPW_MANAGE
    permission = Permission.UPW_MANAGE
    template_name = "unpaid_work/case_form.html"
    requirement: Requirement

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        try:
            self.requirement = upw_requirement(
                crn=self.person.crn, requirement_id=self.kwargs["requirement_id"]
            )
        except NotFound:
            return False
        return True

    def success_url(self) -> str:
        return reverse("sentences:sentence-detail", args=[self.person.crn, self.requirement.sentence_id])


class AssessmentView(_RequirementFormView):
    title = "Unpaid work assessment"
    success_message = "Assessment saved"

    def _assessment(self) -> Assessment | None:
        return assessment_for(requirement=self.requirement)

    def get_form(self, data: Any = None) -> GovukForm:
        assessment = self._assessment()
        initial: dict[str, Any] = {}
        if assessment is not None:
            initial = {f: getattr(assessment, f) for f in AssessmentForm.base_fields}
        return AssessmentForm(data=data, initial=initial)

    @property
    def extra(self) -> dict[str, Any]:
        assessment = self._assessment()
        return {"version": assessment.version if assessment else ""}

    def save(self, data: dict[str, Any]) -> None:
        version = self.request.POST.get("version", "")
        assessment_save(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=self.requirement.pk,
            expected_version=int(version) if version.isdigit() else None,
            data=data,
        )


class AllocateView(_RequirementFormView):
    title = "Allocate to a project"
    success_message = "Allocated: the sessions are on the person's schedule and the project's"

    day_options: list[Any]

    def get_form(self, data: Any = None) -> GovukForm:
        options = allocation_options(user=self.request.user, person=self.person, requirement=self.requirement)
        self.day_options = options
        return AllocationForm(data=data, days=[(o.day.pk, o.label) for o in options if not o.reasons])

    @property
    def extra(self) -> dict[str, Any]:
        return {
            "options": self.day_options,
            "requirement": self.requirement,
            "summary": requirement_summary(requirement=self.requirement),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"requirement": self.requirement.pk}

    def save(self, data: dict[str, Any]) -> None:
        allocation_create(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=self.requirement.pk,
            request=AllocationRequest(
                day_id=data["day"],
                frequency=Frequency(data["frequency"]),
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                pick_up=data["pick_up"],
            ),
        )


class _ProgressFormView(OnceOnlySubmissionMixin, _RequirementFormView):
    template_name = "unpaid_work/case_form.html"

    @property
    def extra(self) -> dict[str, Any]:
        return {"summary": requirement_summary(requirement=self.requirement)}

    def audit_detail(self) -> dict[str, Any]:
        return {"requirement": self.requirement.pk}


class ExtensionView(_ProgressFormView):
    title = "Record a court's extension of the 12 months"
    success_message = "Extension recorded: the new deadline is used for the at-risk list and My work"
    form_class = ExtensionForm

    def save(self, data: dict[str, Any]) -> None:
        extension_record(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=self.requirement.pk,
            granted_on=data["granted_on"],
            new_deadline=data["new_deadline"],
            court=data["court"],
        )


class EteCreditView(_ProgressFormView):
    title = "Credit education, training or employment time"
    success_message = "ETE time credited to the order"
    form_class = EteCreditForm

    def save(self, data: dict[str, Any]) -> None:
        ete_credit_record(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=self.requirement.pk,
            request=EteRequest(
                date=data["date"],
                minutes=(data["hours"] or 0) * 60 + (data["minutes"] or 0),
                activity=data["activity"],
            ),
        )
