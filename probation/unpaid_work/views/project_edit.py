"""Editing a project and its weekly sessions (unpaid-work staff of the project's PDU). The form carries
the project's version; a stale save is refused with "changed in another window" and nothing written."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.rules.errors import RuleError
from probation.unpaid_work.forms import ProjectDayEditForm, ProjectEditForm
from probation.unpaid_work.models import Project
from probation.unpaid_work.selectors import projects as selectors
from probation.unpaid_work.services import project_edit as services
from probation.unpaid_work.services.projects import PROJECT_FIELDS


def _version(request: AuthenticatedHttpRequest) -> int:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else -1


def _render(request: AuthenticatedHttpRequest, project: Project, form: GovukForm, title: str) -> HttpResponse:
    context = {"form": form, "title": title, "project": project, "version": project.version}
    return render(request, "unpaid_work/form.html", context)


class ProjectEditView(View):
    title = "Change project"

    def get(self, request: AuthenticatedHttpRequest, project_id: int) -> HttpResponse:
        project = selectors.project_get(user=request.user, project_id=project_id)
        form = ProjectEditForm(initial={k: getattr(project, k) for k in PROJECT_FIELDS})
        return _render(request, project, form, self.title)

    def post(self, request: AuthenticatedHttpRequest, project_id: int) -> HttpResponse:
        project = selectors.project_get(user=request.user, project_id=project_id)
        form = ProjectEditForm(request.POST)
        if form.is_valid():
            try:
                services.project_update(
                    actor=request.user,
                    project_id=project.pk,
                    expected_version=_version(request),
                    data=form.cleaned_data,
                )
            except RuleError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Project changed")
                return redirect("unpaid_work:project", project.pk)
        return _render(request, project, form, self.title)


class ProjectDayEditView(View):
    title = "Change weekly session"

    def _form(self, request: AuthenticatedHttpRequest, data: Any = None, initial: Any = None) -> GovukForm:
        supervisors = [(s.pk, s.name) for s in selectors.supervisors_for(user=request.user)]
        return ProjectDayEditForm(data, initial=initial, supervisors=supervisors)

    def _day(self, request: AuthenticatedHttpRequest, project_id: int, day_id: int) -> tuple[Project, Any]:
        project = selectors.project_get(user=request.user, project_id=project_id)
        day = next((d for d in project.days.all() if d.pk == day_id), None)
        if day is None:
            raise NotFound(day_id)
        return project, day

    def get(self, request: AuthenticatedHttpRequest, project_id: int, day_id: int) -> HttpResponse:
        project, day = self._day(request, project_id, day_id)
        initial = {"starts_at": day.starts_at, "ends_at": day.ends_at, "capacity": day.capacity}
        initial["supervisor"] = day.supervisor_id
        return _render(request, project, self._form(request, initial=initial), f"{self.title}: {day}")

    def post(self, request: AuthenticatedHttpRequest, project_id: int, day_id: int) -> HttpResponse:
        project, day = self._day(request, project_id, day_id)
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.project_day_update(
                    actor=request.user,
                    day_id=day.pk,
                    expected_version=_version(request),
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    capacity=data["capacity"],
                    supervisor_id=data["supervisor"],
                )
            except RuleError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Weekly session changed")
                return redirect("unpaid_work:project", project.pk)
        return _render(request, project, form, f"{self.title}: {day}")
