"""Unpaid-work staff's project pages and a supervisor's sessions. Deny by default: UPW_MANAGE for the
projects of the user's PDU, UPW_SESSION_RECORD for the sessions they supervise; a project or session
out of scope is the same 404 as one that does not exist. Each page view is audited."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.unpaid_work.forms import ProjectDayForm, ProjectForm
from probation.unpaid_work.selectors import projects as selectors
from probation.unpaid_work.services import projects as services


def _audit(request: AuthenticatedHttpRequest, object_type: str, object_id: object, **detail: Any) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )


class ProjectListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        projects = list(selectors.projects_list(user=request.user))
        awaiting = selectors.awaiting_allocation(user=request.user)
        _audit(request, "upw_projects", "", projects=[p.pk for p in projects], crns=[r.crn for r in awaiting])
        return render(request, "unpaid_work/projects.html", {"projects": projects, "awaiting": awaiting})


class ProjectCreateView(View):
    def _check(self, request: AuthenticatedHttpRequest) -> None:
        if not has_permission(request.user, Permission.UPW_MANAGE) or request.user.staff is None:
            raise Http404

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        self._check(request)
        return render(request, "unpaid_work/form.html", {"form": ProjectForm(), "title": "Add a project"})

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        self._check(request)
        form = ProjectForm(request.POST)
        if form.is_valid():
            try:
                project = services.project_create(actor=request.user, data=form.cleaned_data)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Project added")
                return redirect("unpaid_work:project", project.pk)
        return render(request, "unpaid_work/form.html", {"form": form, "title": "Add a project"})


class ProjectDetailView(View):
    def get(self, request: AuthenticatedHttpRequest, project_id: int) -> HttpResponse:
        project = selectors.project_get(user=request.user, project_id=project_id)
        start = today_uk() - dt.timedelta(days=7)
        sessions = selectors.project_sessions(project=project, start=start, days=35)
        _audit(request, "upw_project", project.pk)
        return render(
            request,
            "unpaid_work/project.html",
            {"project": project, "days": list(project.days.all()), "sessions": sessions, "start": start},
        )


class ProjectDayCreateView(View):
    def _form(self, request: AuthenticatedHttpRequest, data: Any = None) -> ProjectDayForm:
        supervisors = [(s.pk, s.name) for s in selectors.supervisors_for(user=request.user)]
        return ProjectDayForm(data, supervisors=supervisors)

    def _render(self, request: AuthenticatedHttpRequest, project: Any, form: ProjectDayForm) -> HttpResponse:
        context = {"form": form, "title": "Add a weekly session", "project": project}
        return render(request, "unpaid_work/form.html", context)

    def get(self, request: AuthenticatedHttpRequest, project_id: int) -> HttpResponse:
        project = selectors.project_get(user=request.user, project_id=project_id)
        return self._render(request, project, self._form(request))

    def post(self, request: AuthenticatedHttpRequest, project_id: int) -> HttpResponse:
        project = selectors.project_get(user=request.user, project_id=project_id)
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.project_day_add(
                    actor=request.user,
                    project_id=project.pk,
                    weekday=data["weekday"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    capacity=data["capacity"],
                    supervisor_id=data["supervisor"],
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Session added")
                return redirect("unpaid_work:project", project.pk)
        return self._render(request, project, form)


class MySessionsView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        today = today_uk()
        sessions = selectors.my_sessions(
            user=request.user, start=today - dt.timedelta(days=14), end=today + dt.timedelta(days=28)
        )
        _audit(request, "upw_my_sessions", request.user.staff_id or "", sessions=[s.pk for s in sessions])
        return render(request, "unpaid_work/my_sessions.html", {"sessions": sessions, "today": today})
