"""Case record pages: each loads the person through the scoped selector and audits the view."""

from typing import Any

from probation.accounts.policy import Permission, has_permission
from probation.people import selectors
from probation.people.presenters import allocation_history_rows
from probation.people.shell import CasePageView


class CaseOverviewView(CasePageView):
    section = "overview"
    template_name = "people/case/overview.html"

    def page_context(self) -> dict[str, Any]:
        return {
            "show_special_category": has_permission(self.request.user, Permission.CASE_VIEW_SPECIAL_CATEGORY),
            "disabilities": self.person.disabilities.all(),
            "changes": selectors.person_change_history(person=self.person, limit=10),
        }


class CaseAddressesView(CasePageView):
    section = "addresses"
    template_name = "people/case/addresses.html"

    def page_context(self) -> dict[str, Any]:
        return {"addresses": selectors.person_addresses(person=self.person)}


class CaseCircumstancesView(CasePageView):
    section = "circumstances"
    template_name = "people/case/circumstances.html"

    def page_context(self) -> dict[str, Any]:
        return {
            "circumstances": self.person.circumstances.all(),
            "disabilities": self.person.disabilities.all(),
            "show_special_category": has_permission(self.request.user, Permission.CASE_VIEW_SPECIAL_CATEGORY),
        }


class CaseAllocationView(CasePageView):
    section = "allocation"
    template_name = "people/case/allocation.html"

    def page_context(self) -> dict[str, Any]:
        return {
            "allocations": allocation_history_rows(selectors.person_allocation_history(person=self.person)),
            "supporting": selectors.person_supporting_officers(person=self.person),
        }
