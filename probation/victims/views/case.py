"""The offender manager's side (victims.md § Keeping victim data apart): the case's "Victim contact"
section says the scheme applies, names the VLO and unit, lists the dates the VLO was told of each
event, and the victims' requests (no location) which the COM includes or declines. Nothing here reads
a victim row."""

from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.errors import NotFound
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.victims.forms import RepresentationDecisionForm
from probation.victims.models import Representation, RepresentationStatus
from probation.victims.selectors.offender_side import representation_for_decision, scheme_on_record
from probation.victims.services.representations import representation_decide

SECTION = "victim-contact"


class CaseSchemeView(CasePageView):
    section = SECTION
    template_name = "victims/case_scheme.html"
    person_details = False

    def page_context(self) -> dict[str, Any]:
        found = scheme_on_record(person=self.person)
        self.shown = {
            "scheme_cases": [c.pk for c in found.cases],
            "requests": [r.pk for r in found.representations],
        }
        return {
            "cases": found.cases,
            "representations": found.representations,
            "can_decide": can_change_case(
                self.request.user, self.person, Permission.VICTIM_REPRESENTATION_DECIDE
            ),
        }

    def audit_detail(self) -> dict[str, Any]:
        return self.shown


class RepresentationDecideView(CaseFormView):
    view_permission = Permission.VICTIM_SCHEME_VIEW
    permission = Permission.VICTIM_REPRESENTATION_DECIDE
    section = SECTION
    form_class = RepresentationDecisionForm
    template_name = "victims/decide.html"
    title = "Decide on the victim's request"
    success_message = "Decision saved: the victim liaison officer will tell the victim"
    representation: Representation

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        found = representation_for_decision(
            person=self.person, representation_id=self.kwargs["representation_id"]
        )
        if found is None or found.status != RepresentationStatus.WITH_COM:
            raise NotFound(self.person.crn)
        self.representation = found
        return True

    def initial(self) -> dict[str, Any]:
        return {"version": self.representation.version}

    @property
    def extra(self) -> dict[str, Any]:
        return {"representation": self.representation}

    def save(self, data: dict[str, Any]) -> None:
        representation_decide(
            actor=self.request.user,
            crn=self.person.crn,
            representation_id=self.representation.pk,
            expected_version=data["version"],
            decision=data["decision"],
            reason=data["reason"],
        )

    def success_url(self) -> str:
        return reverse("victims:case-scheme", args=[self.person.crn])
