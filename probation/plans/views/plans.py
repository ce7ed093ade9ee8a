"""The sentence plan pages (issue 12 item 1): the plan (read, and written by the case's officers and
managers, saving as they type), the person's answer, the history of answered versions, and the PDF
for the person. All on the case shell: the person comes through the policy, every GET is audited."""

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.middleware import TOUCHED_KEY
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import LONDON, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.plans.forms.answer import PlanAnswerForm
from probation.plans.forms.plan import ParsedPlan, parse_plan
from probation.plans.goals import goals_from
from probation.plans.models import Plan
from probation.plans.pdf import plan_pdf_context, render_plan_pdf
from probation.plans.presenters.plans import (
    AREA_CHOICES,
    answer_row,
    due_row,
    goal_blocks,
    goal_rows_by_status,
    history_rows,
    planned_areas,
    suggestion_rows,
)
from probation.plans.selectors.activities import rar_requirements
from probation.plans.selectors.due import plans_due
from probation.plans.selectors.plans import (
    latest_needs,
    may_edit_plan,
    plan_for,
    plan_version_get,
    plan_versions,
)
from probation.plans.services.plans import (
    PLAN,
    plan_problems,
    plan_record_answer,
    plan_save_draft,
)
from probation.rules.plans.areas import suggested_areas
from probation.rules.plans.content import Agreement

SECTION = "plan"


def _saved_at() -> str:
    return f"{timezone.now().astimezone(LONDON):%H:%M}"


class PlanMixin(CaseView):
    section = SECTION
    view_permission = Permission.PLAN_VIEW
    person_details = False
    plan: Plan | None = None

    def audit_object(self) -> tuple[str, object]:
        return (PLAN, self.plan.pk) if self.plan is not None else ("person", self.person.pk)


class PlanView(PlanMixin, CasePageView):
    """The plan: when it is due and why, goals suggested by the needs assessment, and the goals with
    their steps — as a form for those who may write it, else to read."""

    template_name = "plans/plan.html"

    def editable(self) -> bool:
        return may_edit_plan(self.request.user, self.person)

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.plan = plan_for(self.person)
        context = self.page_context()
        self.record_view()
        return render(request, self.template_name, self.case_context() | context)

    def page_context(self, parsed: ParsedPlan | None = None, **extra: Any) -> dict[str, Any]:
        today = today_uk()
        plan = self.plan
        goals = goals_from(plan.goals) if plan else []
        assessment, needs = latest_needs(self.person)
        suggestions = (
            suggested_areas(
                needs,
                completed_on=assessment.completed_at.astimezone(LONDON).date(),
                already_planned=planned_areas(goals),
            )
            if assessment is not None and assessment.completed_at is not None
            else []
        )
        latest = plan_versions(plan).first() if plan and plan.versions_count else None
        editable = self.editable()
        context: dict[str, Any] = {
            "plan": plan,
            "editable": editable,
            "due": due_row(plans_due([self.person.pk], today=today).get(self.person.pk), today),
            "assessment": assessment,
            "suggestions": suggestion_rows(suggestions),
            "groups": goal_rows_by_status(goals),
            "latest": answer_row(latest) if latest else None,
            "problems": plan_problems(plan, today=today) if plan else [],
            "rar_requirements": rar_requirements(self.person),
        }
        if editable:
            suggested = self.request.GET.get("area", "")
            context |= {
                "blocks": goal_blocks(
                    plan.goals if plan else [],
                    next_key=f"g{plan.next_goal if plan else 1}",
                    today=today,
                    errors=parsed.errors if parsed else None,
                    suggested_area=suggested if suggested in dict(AREA_CHOICES) else "",
                ),
                "autosave_url": reverse("plans:plan", args=[self.person.crn]),
                "plan_version": plan.version if plan else 0,
                "errors": list((parsed.errors if parsed else {}).items()),
            }
        return context | extra

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.editable():
            raise NotFound(self.person.crn)
        if request.headers.get("Accept") == "application/json":
            return autosave(request, self.person)
        self.plan = plan_for(self.person)
        parsed = parse_plan(request.POST, today=today_uk())
        if parsed.version is None:
            raise NotFound(self.person.crn)
        try:
            saved = plan_save_draft(
                actor=request.user, person=self.person, expected_version=parsed.version, goals=parsed.goals
            )
        except ConflictError as conflict:
            return render(
                request,
                self.template_name,
                self.case_context() | self.page_context(conflict=conflict),
                status=409,
            )
        except ServiceError as error:
            parsed.errors["goals"] = error.message
            return render(request, self.template_name, self.case_context() | self.page_context(parsed))
        self.plan = saved.plan
        if parsed.errors:
            return render(request, self.template_name, self.case_context() | self.page_context(parsed))
        messages.success(request, f"Plan saved at {_saved_at()}")
        return redirect(request.path)


def _session_seconds_left(request: AuthenticatedHttpRequest) -> int:
    touched = int(request.session.get(TOUCHED_KEY, 0)) or int(time.time())
    return max(0, touched + settings.SESSION_COOKIE_AGE - int(time.time()))


def autosave(request: AuthenticatedHttpRequest, person: Any) -> HttpResponse:
    """The editor's autosave (report-autosave.js posts the form to the plan's own URL asking for
    JSON): saves what parses through the same service as the Save button; answers in JSON."""
    parsed = parse_plan(request.POST, today=today_uk())
    if parsed.version is None:
        return JsonResponse({"saved": False, "message": "The plan could not be saved."}, status=400)
    try:
        saved = plan_save_draft(
            actor=request.user,
            person=person,
            expected_version=parsed.version,
            goals=parsed.goals,
            autosave=True,
        )
    except ConflictError as conflict:
        return JsonResponse({"saved": False, "conflict": True, "message": conflict.message}, status=409)
    except ServiceError as error:
        return JsonResponse({"saved": False, "message": error.message}, status=409)
    return JsonResponse(
        {
            "saved": True,
            "version": saved.plan.version,
            "saved_at": _saved_at(),
            "changed": saved.changed,
            "errors": list(parsed.errors.values()),
            "session_seconds_left": _session_seconds_left(request),
        }
    )


class PlanAnswerView(CaseFormView):
    """Record the person's answer to the plan as it stands now."""

    section = SECTION
    view_permission = Permission.PLAN_VIEW
    permission = Permission.PLAN_MANAGE
    person_details = False
    form_class = PlanAnswerForm
    template_name = "plans/answer.html"
    title = "Record the person's answer to the plan"
    success_message = "Answer recorded and this version of the plan kept"
    page = "plan_answer"

    def may_open(self) -> bool:
        self.plan = plan_for(self.person)
        return may_edit_plan(self.request.user, self.person)

    def audit_object(self) -> tuple[str, object]:
        return (PLAN, self.plan.pk) if self.plan is not None else ("person", self.person.pk)

    def initial(self) -> dict[str, Any]:
        return {"version": self.plan.version if self.plan else 0, "answered_on": today_uk()}

    @property
    def extra(self) -> dict[str, Any]:
        if self.plan is None:
            return {"groups": [], "problems": []}
        goals = goals_from(self.plan.goals)
        return {"groups": goal_rows_by_status(goals), "problems": plan_problems(self.plan, today=today_uk())}

    def save(self, data: dict[str, Any]) -> None:
        plan_record_answer(
            actor=self.request.user,
            person=self.person,
            expected_version=data["version"],
            answer=Agreement(data["answer"]),
            reason=data["reason"],
            notes=data["notes"],
            answered_on=data["answered_on"],
        )

    def success_url(self) -> str:
        return reverse("plans:plan", args=[self.person.crn])


class PlanHistoryView(PlanMixin, CasePageView):
    """Every answered version, newest first, with what changed from the one before."""

    template_name = "plans/history.html"
    page = "plan_history"

    def page_context(self) -> dict[str, Any]:
        self.plan = plan_for(self.person)
        versions = list(plan_versions(self.plan)) if self.plan else []
        return {"plan": self.plan, "rows": history_rows(versions)}

    def audit_detail(self) -> dict[str, Any]:
        return {"versions": self.plan.versions_count if self.plan else 0}


class PlanVersionView(PlanMixin, CasePageView):
    """One answered version: the goals as put to the person, and their answer."""

    template_name = "plans/version.html"
    page = "plan_version"

    def page_context(self) -> dict[str, Any]:
        version = plan_version_get(person=self.person, number=self.kwargs["number"])
        self.plan = version.plan
        previous = (
            plan_version_get(person=self.person, number=version.number - 1) if version.number > 1 else None
        )
        return {
            "version": answer_row(version, previous),
            "groups": goal_rows_by_status(goals_from(version.goals)),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"plan_version": self.kwargs["number"]}


class PlanPdfView(PlanMixin):
    """The plan for the person, in plain English: the goals and steps as they stand and their latest
    answer. Built from the plan only (``plans.pdf``). Audited as an export."""

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.plan = plan_for(self.person)
        if self.plan is None or self.plan.pk != self.kwargs["plan_id"]:
            raise NotFound(self.person.crn)
        latest = plan_versions(self.plan).first() if self.plan.versions_count else None
        context = plan_pdf_context(plan=self.plan, person=self.person, latest=latest, today=today_uk())
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=self.person.crn,
                object_type=PLAN,
                object_id=self.plan.pk,
                detail={"document": "sentence_plan", "plan_version": latest.number if latest else None},
            )
            pdf = render_plan_pdf(context)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="plan-{self.person.crn}.pdf"'
        return response
