"""Administrators manage a case's exclusion and restriction lists (not its contents)."""

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound, ServiceError
from probation.frontend.forms import GovukForm
from probation.people import selectors
from probation.people.models import Person
from probation.people.services import access as access_services
from probation.people.services.person import case_view_record


class FindCaseForm(GovukForm):
    submit_label = "Find case"
    form_method = "get"
    crn = forms.CharField(label="CRN", max_length=7, error_messages={"required": "Enter a CRN"})

    def layout_fields(self) -> list[object]:
        return [Field.text("crn", field_width=10)]


class AddUserForm(GovukForm):
    submit_label = "Add user"
    list_name = forms.ChoiceField(
        label="List",
        choices=[("exclusion", "Exclusion list"), ("restriction", "Restriction list")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a list"},
    )
    username = forms.CharField(max_length=150, error_messages={"required": "Enter a username"})

    def layout_fields(self) -> list[object]:
        return [Field.radios("list_name"), Field.text("username", field_width=20)]


class MessagesForm(GovukForm):
    submit_label = "Save messages"
    exclusion_message = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    restriction_message = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def layout_fields(self) -> list[object]:
        return [Field.textarea("exclusion_message"), Field.textarea("restriction_message")]


def _require_admin(request: AuthenticatedHttpRequest) -> None:
    """Anyone else gets the 404 of a missing page, and the refusal is audited (NotFoundMiddleware)."""
    if not has_permission(request.user, Permission.LIMITED_ACCESS_MANAGE):
        raise NotFound(request.path)


class LimitedAccessFindView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _require_admin(request)
        form = FindCaseForm(request.GET or None)
        if request.GET and form.is_valid():
            crn = form.cleaned_data["crn"].strip().upper()
            try:
                selectors.limited_access_case_get(crn=crn)
            except NotFound:
                form.add_error("crn", "No case has this CRN")
            else:
                return redirect("people:limited-access", crn)
        return render(request, "people/limited_access_find.html", {"form": form})


class LimitedAccessView(View):
    def _person(self, crn: str) -> Person:
        return selectors.limited_access_case_get(crn=crn)

    def _show(self, request: AuthenticatedHttpRequest, person: Person, **forms_: Any) -> HttpResponse:
        exclusions, restrictions = selectors.limited_access_lists(person=person)
        context = {
            "person": person,
            "exclusions": exclusions,
            "restrictions": restrictions,
            "add_form": forms_.get("add_form") or AddUserForm(),
            "messages_form": forms_.get("messages_form")
            or MessagesForm(
                initial={
                    "exclusion_message": person.exclusion_message,
                    "restriction_message": person.restriction_message,
                }
            ),
        }
        return render(request, "people/limited_access.html", context)

    def get(self, request: AuthenticatedHttpRequest, crn: str) -> HttpResponse:
        _require_admin(request)
        person = self._person(crn)
        response = self._show(request, person)
        case_view_record(actor=request.user, person=person, section="limited_access")
        return response

    def post(self, request: AuthenticatedHttpRequest, crn: str) -> HttpResponse:
        _require_admin(request)
        person = self._person(crn)
        action = request.POST.get("action")
        try:
            if action == "add":
                form = AddUserForm(request.POST)
                if not form.is_valid():
                    return self._show(request, person, add_form=form)
                try:
                    access_services.limited_access_add(actor=request.user, crn=crn, **form.cleaned_data)
                except ServiceError as error:
                    form.add_service_error(error)
                    return self._show(request, person, add_form=form)
                messages.success(request, f"{form.cleaned_data['username']} added")
            elif action == "remove":
                access_services.limited_access_remove(
                    actor=request.user,
                    crn=crn,
                    list_name=request.POST.get("list_name", ""),
                    user_id=int(request.POST.get("user_id", "0") or 0),
                )
                messages.success(request, "User removed")
            elif action == "messages":
                messages_form = MessagesForm(request.POST)
                if not messages_form.is_valid():
                    return self._show(request, person, messages_form=messages_form)
                access_services.limited_access_messages_set(
                    actor=request.user, crn=crn, **messages_form.cleaned_data
                )
                messages.success(request, "Messages saved")
            else:
                raise Http404
        except ValueError:  # a user id that is not a number
            raise Http404 from None
        return redirect("people:limited-access", crn)
