"""A RAR requirement's structured interventions and toolkits (issue 12 item 4): the days used of the
maximum, progress through each intervention, and booking the next session (those who may write the
plan). The session is an appointment in the contact log; its outcome is recorded there."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.people.shell import CasePageView
from probation.plans.forms.activities import RarActivityForm
from probation.plans.presenters.activities import intervention_rows
from probation.plans.selectors.activities import rar_activity_list
from probation.plans.selectors.plans import may_edit_plan
from probation.plans.services.activities import (
    RAR_CONTACT_TYPES,
    RarSession,
    rar_activity_book,
    rar_requirement_get,
)
from probation.sentences.models import Requirement


class RarActivitiesView(CasePageView):
    section = "plan"
    page = "rar_activities"
    view_permission = Permission.PLAN_VIEW
    person_details = False
    template_name = "plans/rar_activities.html"
    requirement: Requirement

    def may_open(self) -> bool:
        try:
            self.requirement = rar_requirement_get(
                person=self.person, requirement_id=self.kwargs["requirement_id"]
            )
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "requirement", self.requirement.pk

    def page_context(self, form: RarActivityForm | None = None) -> dict[str, Any]:
        editable = may_edit_plan(self.request.user, self.person) and self.requirement.terminated_on is None
        return {
            "requirement": self.requirement,
            "rows": intervention_rows(
                list(rar_activity_list(requirement=self.requirement)), today=today_uk()
            ),
            "form": (form or RarActivityForm(types=RAR_CONTACT_TYPES)) if editable else None,
        }

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_edit_plan(request.user, self.person):
            raise NotFound(self.person.crn)
        form = RarActivityForm(data=request.POST, types=RAR_CONTACT_TYPES)
        if form.is_valid():
            starts_at, ends_at = form.times()
            try:
                rar_activity_book(
                    actor=request.user,
                    person=self.person,
                    requirement_id=self.requirement.pk,
                    session=RarSession(
                        intervention_key=form.cleaned_data["intervention"],
                        type_code=form.cleaned_data["type"],
                        starts_at=starts_at,
                        ends_at=ends_at,
                        toolkit_name=form.cleaned_data["toolkit_name"],
                    ),
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Session booked: record its outcome in the contact log")
                return redirect(request.path)
        return render(request, self.template_name, self.case_context() | self.page_context(form))
