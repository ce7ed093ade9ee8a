"""RoSH and risk management plan pages on the case record.

Case pages on the shell (people/shell.py): the person comes through ``case_get`` (ROSH_VIEW,
partner scope, limited access; denied looks exactly like missing), every view is audited once
(section "rosh"), and change pages are ``CaseFormView``s needing ROSH_MANAGE in the managing PDU.
"""

from typing import Any

from django.urls import reverse

from probation.accounts.models.staff import Grade
from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.frontend.forms import GovukForm
from probation.people.models.person import ROSH_LEVELS_HELD_BY_PO, RoshLevel
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.risk.forms.rosh import RiskManagementPlanForm, RoshAssessmentForm
from probation.risk.models.rosh import COMMUNITY_FIELDS, CUSTODY_FIELDS, EVIDENCE_FIELDS
from probation.risk.presenters import rosh as presenters
from probation.risk.selectors import rosh as selectors
from probation.risk.services import rosh as services

SECTION = "rosh"  # the case sub-navigation key ("RoSH and RMP")


class RoshSummaryView(CasePageView):
    """The latest RoSH assessment, the risk management plan and the history of both."""

    section = SECTION
    template_name = "risk/rosh/summary.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        assessments = list(selectors.rosh_assessment_list(person=person))
        latest = assessments[0] if assessments else None
        plan = selectors.risk_management_plan_get(person=person)
        return {
            "latest": presenters.assessment_row(latest, crn=person.crn) if latest else None,
            "grid": presenters.rosh_grid(latest) if latest else [],
            "evidence": presenters.rosh_evidence(latest) if latest else [],
            "assessments": [presenters.assessment_row(a, crn=person.crn) for a in assessments],
            "plan": plan,
            "plan_sections": presenters.plan_sections(plan) if plan else [],
            "plan_versions": (
                presenters.plan_versions(selectors.risk_management_plan_history(plan=plan)) if plan else []
            ),
            "plan_review_overdue": bool(plan and plan.next_review_on <= today_uk()),
            "can_manage": can_change_case(self.request.user, person, Permission.ROSH_MANAGE),
        }


class RoshDetailView(CasePageView):
    """One past assessment, as it was recorded."""

    section = SECTION
    template_name = "risk/rosh/detail.html"

    def page_context(self) -> dict[str, Any]:
        assessment = selectors.rosh_assessment_get(
            person=self.person, assessment_id=self.kwargs["assessment_id"]
        )
        return {
            "assessment": presenters.assessment_row(assessment, crn=self.person.crn),
            "grid": presenters.rosh_grid(assessment),
            "evidence": presenters.rosh_evidence(assessment),
        }


class RoshFormView(CaseFormView):
    permission = Permission.ROSH_MANAGE
    section = SECTION

    def success_url(self) -> str:
        return reverse("risk:rosh-summary", args=[self.person.crn])


class RoshAssessView(RoshFormView):
    form_class = RoshAssessmentForm
    title = "Record a RoSH assessment"

    def save(self, data: dict[str, Any]) -> None:
        assessment = services.rosh_assessment_create(
            actor=self.request.user,
            crn=self.person.crn,
            assessed_on=data["assessed_on"],
            ratings={name: data.get(name, "") for name in COMMUNITY_FIELDS + CUSTODY_FIELDS},
            evidence={name: data.get(name, "") for name in EVIDENCE_FIELDS},
        )
        level = RoshLevel(assessment.overall_level)
        self.success_message = f"RoSH assessment saved. Overall RoSH: {level.label}"
        held_by_pso = self.person.officer is not None and self.person.officer.grade == Grade.PSO
        if held_by_pso and level in ROSH_LEVELS_HELD_BY_PO:
            self.success_message += (
                ". This case is held by a PSO: cases with high or very high RoSH must be held by a "
                "probation officer, so ask a senior probation officer to reallocate it"
            )


class RiskManagementPlanEditView(RoshFormView):
    """Write or change the plan; the form posts the version it showed (0 for a new plan, ADR 0005)."""

    form_class = RiskManagementPlanForm
    title = "Risk management plan"
    success_message = "Risk management plan saved"

    def get_form(self, data: Any = None) -> GovukForm:
        return RiskManagementPlanForm(data=data, initial=self.initial())

    def initial(self) -> dict[str, Any]:
        plan = selectors.risk_management_plan_get(person=self.person)
        if plan is None:
            return {"version": 0}
        return {name: getattr(plan, name) for name in services.RMP_FIELDS} | {"version": plan.version}

    def save(self, data: dict[str, Any]) -> None:
        version = data.pop("version")
        services.risk_management_plan_save(
            actor=self.request.user, crn=self.person.crn, expected_version=version, data=data
        )
