"""Needs assessment pages on the case record (issue 4 item 6; ADR 0011).

Case pages are on the shell (people/shell.py): the person comes through ``case_get`` (role, partner
scope, limited access; denied looks exactly like missing), every page is audited with
``case_view_record``, and change pages are ``CaseFormView``s needing ASSESSMENT_MANAGE in the case's
managing PDU.
"""

from functools import cached_property
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.assessments import selectors
from probation.assessments.forms.assessments import (
    AssessmentCompleteForm,
    AssessmentSectionForm,
    AssessmentStartForm,
)
from probation.assessments.models import Assessment
from probation.assessments.presenters import assessment_rows, section_rows
from probation.assessments.questions import Section, section_for
from probation.assessments.services import assessments as services
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView

SECTION = "assessments"


class AssessmentListView(CasePageView):
    section = SECTION
    template_name = "assessments/list.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        assessments = list(selectors.assessment_list(person=person))
        return {
            "assessments": assessment_rows(assessments, crn=person.crn),
            "draft": next((a for a in assessments if a.is_draft), None),
            "can_manage": can_change_case(self.request.user, person, Permission.ASSESSMENT_MANAGE),
        }


class AssessmentDetailView(CasePageView):
    """A draft shows its task list; a completed assessment its answers and severities."""

    section = SECTION

    def page_context(self) -> dict[str, Any]:
        person = self.person
        assessment = selectors.assessment_get(person=person, assessment_id=self.kwargs["assessment_id"])
        self.template_name = (
            "assessments/task_list.html" if assessment.is_draft else "assessments/detail.html"
        )
        can_manage = can_change_case(self.request.user, person, Permission.ASSESSMENT_MANAGE)
        return {
            "assessment": assessment_rows([assessment], crn=person.crn)[0],
            "sections": section_rows(assessment, crn=person.crn, gender=person.gender),
            "can_manage": can_manage and assessment.is_draft,
        }


class AssessmentFormView(CaseFormView):
    permission = Permission.ASSESSMENT_MANAGE
    template_name = "assessments/form.html"
    section = SECTION

    def success_url(self) -> str:
        return reverse("assessments:list", args=[self.person.crn])


class AssessmentStartView(AssessmentFormView):
    title = "Start a needs assessment"
    success_message = "Assessment started"
    started: Assessment | None = None

    @cached_property
    def latest_completed(self) -> Assessment | None:
        return selectors.assessment_list(person=self.person).completed().order_by("-completed_at").first()

    @property
    def extra(self) -> dict[str, Any]:
        return {"latest_completed": self.latest_completed}

    def get(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        draft = selectors.assessment_list(person=self.person).drafts().first()
        if draft is not None:  # one draft at a time: carry on with it
            return redirect("assessments:detail", self.person.crn, draft.pk)
        return super().get(request, crn, **kwargs)

    def get_form(self, data: Any = None) -> GovukForm:
        return AssessmentStartForm(data=data, can_copy=self.latest_completed is not None)

    def save(self, data: dict[str, Any]) -> None:
        self.started = services.assessment_start(
            actor=self.request.user, crn=self.person.crn, copy_latest=data.get("copy_latest", False)
        )

    def success_url(self) -> str:
        if self.started is not None:
            return reverse("assessments:detail", args=[self.person.crn, self.started.pk])
        return super().success_url()


class AssessmentDraftView(AssessmentFormView):
    """A page acting on one draft; a completed assessment's old link shows what was completed."""

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponseBase:
        self.assessment_id = kwargs["assessment_id"]
        return super().dispatch(request, crn, **kwargs)

    @cached_property
    def assessment(self) -> Assessment:
        return selectors.assessment_get(person=self.person, assessment_id=self.assessment_id)

    def get(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        if not self.assessment.is_draft:
            return redirect("assessments:detail", self.person.crn, self.assessment.pk)
        return super().get(request, crn, **kwargs)

    def initial(self) -> dict[str, Any]:
        return {"version": self.assessment.version}

    def success_url(self) -> str:
        return reverse("assessments:detail", args=[self.person.crn, self.assessment_id])


class AssessmentSectionView(AssessmentDraftView):
    success_message = "Section saved"

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponseBase:
        self.section_key = kwargs["section"]
        return super().dispatch(request, crn, **kwargs)

    @cached_property
    def spec(self) -> Section:
        spec = section_for(self.section_key, self.person.gender)
        if spec is None:
            raise Http404
        return spec

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.spec.title

    def initial(self) -> dict[str, Any]:
        return super().initial() | self.assessment.answers.get(self.spec.key, {})

    def get_form(self, data: Any = None) -> GovukForm:
        return AssessmentSectionForm(data=data, initial=self.initial(), section=self.spec)

    def save(self, data: dict[str, Any]) -> None:
        services.assessment_save_section(
            actor=self.request.user,
            crn=self.person.crn,
            assessment_id=self.assessment.pk,
            section=self.spec.key,
            expected_version=data["version"],
            answers={q.name: data.get(q.name) or None for q in self.spec.questions},
        )


class AssessmentCompleteView(AssessmentDraftView):
    """Check your answers, then complete: the assessment is locked from then on."""

    title = "Check your answers before completing the assessment"
    success_message = "Assessment completed"
    template_name = "assessments/complete.html"
    form_class = AssessmentCompleteForm

    @property
    def extra(self) -> dict[str, Any]:
        return {"sections": section_rows(self.assessment, crn=self.person.crn, gender=self.person.gender)}

    def get_form(self, data: Any = None) -> GovukForm:
        return AssessmentCompleteForm(data=data, initial=self.initial())

    def save(self, data: dict[str, Any]) -> None:
        services.assessment_complete(
            actor=self.request.user,
            crn=self.person.crn,
            assessment_id=self.assessment.pk,
            expected_version=data["version"],
        )
