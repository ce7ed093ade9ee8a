"""Case record pages: each loads the person through the scoped selector and audits the view."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people import selectors
from probation.people.models import Person
from probation.people.presenters import case_header, case_sub_navigation, section_permission
from probation.people.services.person import case_view_record


def load_case(request: HttpRequest, crn: str, permission: Permission) -> Person:
    """The person, if this user may see it with this permission; otherwise the same 404 as for a
    CRN that does not exist."""
    if not has_permission(request.user, permission):
        raise Http404
    try:
        return selectors.person_get(user=request.user, crn=crn)
    except NotFound:
        raise Http404 from None


def case_context(request: HttpRequest, person: Person, section: str) -> dict[str, Any]:
    return {
        "person": person,
        "header": case_header(user=request.user, person=person),
        "sub_navigation": case_sub_navigation(user=request.user, person=person, active=section),
    }


class CaseSectionView(View):
    section = ""
    template_name = ""

    def get(self, request: HttpRequest, crn: str) -> HttpResponse:
        person = load_case(request, crn, section_permission(self.section))
        case_view_record(actor=request.user, person=person, section=self.section)
        context = case_context(request, person, self.section) | self.section_context(person)
        return render(request, self.template_name, context)

    def section_context(self, person: Person) -> dict[str, Any]:
        return {}


class CaseOverviewView(CaseSectionView):
    section = "overview"
    template_name = "people/case/overview.html"

    def section_context(self, person: Person) -> dict[str, Any]:
        return {
            "show_special_category": has_permission(self.request.user, Permission.CASE_VIEW_SPECIAL_CATEGORY),
            "disabilities": person.disabilities.all(),
            "changes": selectors.person_change_history(person=person, limit=10),
        }


class CaseAddressesView(CaseSectionView):
    section = "addresses"
    template_name = "people/case/addresses.html"

    def section_context(self, person: Person) -> dict[str, Any]:
        return {"addresses": selectors.person_addresses(person=person)}


class CaseCircumstancesView(CaseSectionView):
    section = "circumstances"
    template_name = "people/case/circumstances.html"

    def section_context(self, person: Person) -> dict[str, Any]:
        return {
            "circumstances": person.circumstances.all(),
            "disabilities": person.disabilities.all(),
            "show_special_category": has_permission(self.request.user, Permission.CASE_VIEW_SPECIAL_CATEGORY),
        }


class CaseAllocationView(CaseSectionView):
    section = "allocation"
    template_name = "people/case/allocation.html"

    def section_context(self, person: Person) -> dict[str, Any]:
        return {"allocations": selectors.person_allocation_history(person=person)}
