"""Case record pages: each loads the person through the scoped selector and audits the view."""

from typing import Any

from probation.accounts.policy import Permission, has_permission
from probation.people import selectors
from probation.people.presenters import allocation_history_rows
from probation.people.shell import OVERVIEW_SLOT, OVERVIEW_SUMMARY_SLOT, CasePageView, render_panels


class CaseOverviewView(CasePageView):
    """What a practitioner reads before an appointment. The apps above people fill the page through
    panels (probation.core.panels): "case-overview-summary" rows (RoSH, flags, MAPPA, tier) and
    "case-overview" sections (sentences and compliance, appointments, recent contacts), each with a
    constant number of queries and only what this user may see."""

    section = "overview"
    template_name = "people/case/overview.html"
    person_details = False  # no aliases or addresses on the overview

    def page_context(self) -> dict[str, Any]:
        self.shown: dict[str, Any] = {}
        return {
            "summary_panels": render_panels(OVERVIEW_SUMMARY_SLOT, request=self.request, person=self.person),
            "panels": render_panels(
                OVERVIEW_SLOT, audit=self.shown, request=self.request, person=self.person
            ),
        }

    def audit_detail(self) -> dict[str, Any]:
        """The records the panels showed: {"sentences": [ids], "contacts": [ids]}."""
        return self.shown


class CasePersonalDetailsView(CasePageView):
    section = "personal-details"
    template_name = "people/case/personal_details.html"

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
