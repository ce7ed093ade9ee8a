"""Transfer a case to another team or PDU: choose the team first, then one of its officers (each with
their caseload) or none, leaving the case unallocated in that team for its manager. Same permission
and scope as allocating (CASE_ALLOCATE in the case's managing PDU)."""

from functools import cached_property
from typing import Any

from django.urls import reverse

from probation.accounts.models import Team
from probation.accounts.policy import Permission
from probation.frontend.forms import GovukForm
from probation.people import selectors
from probation.people.forms.allocation import TransferOfficerForm, TransferTeamForm
from probation.people.services import allocation as allocation_services
from probation.people.shell import CaseFormView


class TransferTeamView(CaseFormView):
    permission = Permission.CASE_ALLOCATE
    title = "Transfer this case: choose the team"
    section = "allocation"
    chosen: Team | None = None

    @property
    def extra(self) -> dict[str, Any]:
        current = self.person.team
        where = f"{current.name} ({current.pdu.name})" if current is not None else "no team yet"
        return {"summary": f"This case is managed by {where}. Choose the team it moves to."}

    def get_form(self, data: Any = None) -> GovukForm:
        return TransferTeamForm(data=data, teams=selectors.transfer_teams())

    def save(self, data: dict[str, Any]) -> None:
        self.chosen = selectors.transfer_team_get(code=data["team"])

    def success_url(self) -> str:
        if self.chosen is not None:
            return reverse("people:transfer-officer", args=[self.person.crn, self.chosen.code])
        return reverse("people:case-allocation", args=[self.person.crn])


class TransferOfficerView(CaseFormView):
    permission = Permission.CASE_ALLOCATE
    section = "allocation"
    success_message = "Case transferred"

    @cached_property
    def team(self) -> Team:
        return selectors.transfer_team_get(code=self.kwargs["team_code"])

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"Transfer this case to {self.team.name}"

    @property
    def extra(self) -> dict[str, Any]:
        team = self.team
        return {
            "summary": f"{team.name}, {team.pdu.name} PDU, {team.pdu.region.name}. "
            "Choose the responsible officer; the number of cases each holds now is shown.",
            "change_team_url": reverse("people:transfer", args=[self.person.crn]),
        }

    def get_form(self, data: Any = None) -> GovukForm:
        return TransferOfficerForm(
            data=data, officers=selectors.transfer_candidates(team=self.team), team=self.team
        )

    def save(self, data: dict[str, Any]) -> None:
        officer = data["officer"]
        allocation_services.allocation_create(
            actor=self.request.user,
            crn=self.person.crn,
            officer_id=officer.pk if officer is not None else None,
            team_id=self.team.pk,
            reason=data["reason"],
            notes=data["notes"],
        )

    def success_url(self) -> str:
        return reverse("people:case-allocation", args=[self.person.crn])
