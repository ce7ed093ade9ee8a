"""The case-page shell every app's case pages are built on (ADR 0017).

A case page loads the person through the policy (the section's permission, then the scoped
selector: partner shares, limited access), audits the view once with ``case_view_record`` (section,
page, object shown, what it showed) and renders with the case header and sub-navigation (sections
registered by each app, probation.core.case_sections). Anything refused raises ``NotFound``, which
``core.middleware.NotFoundMiddleware`` turns into the same 404 as a CRN that does not exist, after
auditing the refused attempt (``core/case_refusals.py``).

- ``CasePageView``: a page that shows records (a section page or one object's page).
- ``CaseFormView``: a page that changes the case (GET shows the form, POST calls ``save``); it needs
  ``permission`` in the case's managing PDU and handles optimistic-locking conflicts.
- ``CaseView``: the base of both, for other responses about a case (a PDF, a POST-only action).
"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.panels import panels_for
from probation.frontend.forms import GovukForm
from probation.people import selectors
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.people.presenters import case_header, case_sub_navigation, section_permission
from probation.people.services.person import case_view_record

# The case overview's panel slots (probation.core.panels): the apps above people fill the page. Each
# builder is called with ``request`` and ``person`` (already loaded through the policy).
OVERVIEW_SUMMARY_SLOT = "case-overview-summary"  # rows of the summary list at the top
OVERVIEW_SLOT = "case-overview"  # sections below it
# The allocate page's candidates (probation.workload: capacity now and after, grade suitability);
# builders are called with ``person`` and ``officers`` (the allocation candidates, already read).
ALLOCATE_CANDIDATES_SLOT = "allocate-candidates"


def render_panels(slot: str, *, audit: dict[str, Any] | None = None, **kwargs: Any) -> list[str]:
    """Each registered panel of ``slot`` rendered with its own context only, in order (no request: the
    context processors have run once for the page, and a panel holds no form). A panel names the
    records it showed (ids, never text) in its context's ``audit``; they are added to ``audit``."""
    panels = panels_for(slot, **kwargs)
    if audit is not None:
        for panel in panels:
            audit.update(panel.context.get("audit", {}))
    return [render_to_string(panel.template, panel.context) for panel in panels]


def case_get(*, user: User, crn: str, permission: Permission, details: bool = True) -> Person:
    """The person, if this user may see it with this permission; otherwise ``NotFound``, exactly as
    for a CRN that does not exist. ``details``: with aliases and main addresses (``person_get``)."""
    if not has_permission(user, permission):
        raise NotFound(crn)
    return selectors.person_get(user=user, crn=crn, details=details)


def case_context(request: AuthenticatedHttpRequest, person: Person, section: str) -> dict[str, Any]:
    """What every case template needs: the person, the header and the sub-navigation."""
    return {
        "person": person,
        "header": case_header(user=request.user, person=person),
        "sub_navigation": case_sub_navigation(user=request.user, person=person, active=section),
    }


class CaseView(View):
    """Loads ``self.person`` through the policy before any handler runs."""

    section = ""  # the sub-navigation item the page sits under
    page = ""  # the page's audit name; "" for the section's own page
    view_permission: Permission | None = None  # None: the section's permission
    person_details = True  # False: the page shows neither aliases nor addresses (two queries fewer)
    request: AuthenticatedHttpRequest  # LoginRequiredMiddleware: never anonymous
    person: Person

    def dispatch(self, request: HttpRequest, crn: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        permission = self.view_permission or section_permission(self.section)
        self.person = case_get(
            user=self.request.user, crn=crn, permission=permission, details=self.person_details
        )
        if not self.may_open():
            raise NotFound(crn)
        return super().dispatch(request, *args, crn=crn, **kwargs)

    def may_open(self) -> bool:
        return True

    def audit_object(self) -> tuple[str, object]:
        """The audit row's object type and id: the person unless the page shows one record."""
        return "person", self.person.pk

    def audit_detail(self) -> dict[str, Any]:
        """What the page showed (ids, never free text), beyond the section and page."""
        return {}

    def audit_page(self) -> str:
        """The page's name in its audit row: ``page`` ("" for the section's own page)."""
        return self.page

    def record_view(self) -> None:
        object_type, object_id = self.audit_object()
        case_view_record(
            actor=self.request.user,
            person=self.person,
            section=self.section,
            page=self.audit_page(),
            object_type=object_type,
            object_id=object_id,
            detail=self.audit_detail(),
        )

    def case_context(self) -> dict[str, Any]:
        return case_context(self.request, self.person, self.section)


class CasePageView(CaseView):
    """GET: build the page's context, audit the view, then render it inside the shell."""

    template_name = ""

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        context = self.page_context()
        self.record_view()
        return render(request, self.template_name, self.case_context() | context)

    def page_context(self) -> dict[str, Any]:
        return {}


class CaseFormView(CaseView):
    """GET shows the form; POST calls ``save``. Refusals re-show the form with the reason; nothing
    is written. A user who may see the case but not change it gets the same 404 as anyone else. Every
    GET is audited as one view of the page (named by ``page`` or its URL), and of its record if it
    is about one, once everything it shows has been loaded."""

    view_permission = Permission.CASE_VIEW
    permission = Permission.PERSON_EDIT  # to change the case, in its managing PDU
    form_class: type[GovukForm] = GovukForm
    template_name = "people/case/form.html"
    title = ""
    section = "personal-details"
    success_message = ""

    def may_open(self) -> bool:
        return can_change_case(self.request.user, self.person, self.permission)

    def get_form(self, data: Any = None) -> GovukForm:
        return self.form_class(data=data, initial=self.initial())

    def initial(self) -> dict[str, Any]:
        return {}

    def audit_object(self) -> tuple[str, object]:
        """The record the form is about: the last id its URL names (``address_id``: the address),
        else the person."""
        ids = [key for key in self.kwargs if key.endswith("_id")]
        if ids:
            return ids[-1].removesuffix("_id"), self.kwargs[ids[-1]]
        return super().audit_object()

    def audit_page(self) -> str:
        """A form page is audited under its own name: its ``page``, else its URL's name."""
        match = self.request.resolver_match
        return self.page or (match.url_name if match and match.url_name else "form")

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        context = self.form_context(self.get_form())  # any refusal happens before the audit row
        self.record_view()
        return render(request, self.template_name, context)

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.show(form)
        try:
            self.save(form.cleaned_data)
        except ConflictError as conflict:
            return self.show(self.get_form(), conflict=conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self.show(form)
        if self.success_message:
            messages.success(request, self.success_message)
        return redirect(self.success_url())

    @property
    def extra(self) -> dict[str, Any]:
        """More context for the form page's template (a summary of the record being changed)."""
        return {}

    def form_context(self, form: GovukForm, conflict: ConflictError | None = None) -> dict[str, Any]:
        return (
            self.case_context()
            | {
                "form": form,
                "title": self.title,
                "conflict": conflict,
                "back_url": self.success_url(),
            }
            | self.extra
        )

    def show(self, form: GovukForm, conflict: ConflictError | None = None) -> HttpResponse:
        context = self.form_context(form, conflict)
        return render(self.request, self.template_name, context, status=409 if conflict else 200)

    def save(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def success_url(self) -> str:
        return reverse("people:case-personal-details", args=[self.person.crn])
