"""Needs assessment pages on the case record (issue 4 item 6; ADR 0011).

Case pages follow people's and risk's: the person comes through ``load_case`` (role, partner
scope, limited access; denied looks exactly like missing), every page is audited with
``case_view_record``, and change pages are ``CaseFormView``s needing ASSESSMENT_MANAGE in the case's
managing PDU.
"""

from functools import cached_property
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

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
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.people.services.person import case_view_record
from probation.people.views.case import case_context, load_case
from probation.people.views.edit import CaseFormView

SECTION = "assessments"


def _assessment_or_404(person: Person, assessment_id: int) -> Assessment:
    try:
        return selectors.assessment_get(person=person, assessment_id=assessment_id)
    except NotFound:
        raise Http404 from None


class AssessmentListView(View):
    def get(self, request: HttpRequest, crn: str) -> HttpResponse:
        person = load_case(request, crn, Permission.ASSESSMENT_VIEW)
        case_view_record(actor=request.user, person=person, section=SECTION)
        assessments = list(selectors.assessment_list(person=person))
        context = case_context(request, person, SECTION) | {
            "assessments": assessment_rows(assessments, crn=person.crn),
            "draft": next((a for a in assessments if a.is_draft), None),
            "can_manage": can_change_case(request.user, person, Permission.ASSESSMENT_MANAGE),
        }
        return render(request, "assessments/list.html", context)


class AssessmentDetailView(View):
    """A draft shows its task list; a completed assessment its answers and severities."""

    def get(self, request: HttpRequest, crn: str, assessment_id: int) -> HttpResponse:
        person = load_case(request, crn, Permission.ASSESSMENT_VIEW)
        assessment = _assessment_or_404(person, assessment_id)
        case_view_record(actor=request.user, person=person, section=SECTION)
        can_manage = can_change_case(request.user, person, Permission.ASSESSMENT_MANAGE)
        context = case_context(request, person, SECTION) | {
            "assessment": assessment_rows([assessment], crn=person.crn)[0],
            "sections": section_rows(assessment, crn=person.crn, gender=person.gender),
            "can_manage": can_manage and assessment.is_draft,
        }
        template = "assessments/task_list.html" if assessment.is_draft else "assessments/detail.html"
        return render(request, template, context)


class AssessmentFormView(CaseFormView):
    permission = Permission.ASSESSMENT_MANAGE
    template_name = "assessments/form.html"
    section = SECTION

    def get(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        case_view_record(actor=request.user, person=self.person, section=SECTION)
        return super().get(request, crn, **kwargs)

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

    def get(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
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

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        self.assessment_id = kwargs["assessment_id"]
        return super().dispatch(request, crn, **kwargs)

    @cached_property
    def assessment(self) -> Assessment:
        return _assessment_or_404(self.person, self.assessment_id)

    def get(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        if not self.assessment.is_draft:
            return redirect("assessments:detail", self.person.crn, self.assessment.pk)
        return super().get(request, crn, **kwargs)

    def initial(self) -> dict[str, Any]:
        return {"version": self.assessment.version}

    def success_url(self) -> str:
        return reverse("assessments:detail", args=[self.person.crn, self.assessment_id])


class AssessmentSectionView(AssessmentDraftView):
    success_message = "Section saved"

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
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
