"""The compliance page of a sentence, the record-an-enforcement-action page and the warning letter.

The person comes through the case-page shell (partner scope, limited access; denied looks exactly like
missing). The compliance page needs SENTENCE_VIEW; recording an action and printing the letter need
ENFORCEMENT_MANAGE in the case's managing PDU. Every page that shows enforcement records audits the view
before it is shown; the letter is audited as an export.
"""

from functools import cached_property
from typing import Any

from django.http import HttpResponse
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.contacts.models import EnforcementCase
from probation.contacts.models.enforcement import WARNING_STATUSES
from probation.core import clock
from probation.enforcement.forms.actions import EnforcementActionForm
from probation.enforcement.presenters.actions import breach_mandatory_text, case_history_row
from probation.enforcement.presenters.compliance import (
    contact_type_label,
    failure_records,
    failure_rows,
    status_label,
    summary_tag,
)
from probation.enforcement.selectors.actions import enforcement_case_get, enforcement_case_history_list
from probation.enforcement.selectors.compliance import breach_in_progress, failure_list
from probation.enforcement.services import actions as action_services
from probation.enforcement.services.compliance import compliance_from
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.sentences.selectors import sentence_get

SECTION = "sentences"
COMPLIANCE = "sentence_compliance"  # audit object type of the compliance page


class SentenceComplianceView(CasePageView):
    """Every failure on the sentence, every enforcement case with its history, and the warnings: a fixed
    number of queries (sentence, failures, cases, steps, breach in progress, audit)."""

    section = SECTION
    page = "compliance"
    template_name = "enforcement/actions/compliance.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        sentence = sentence_get(person=person, sentence_id=self.kwargs["sentence_id"])
        self.sentence = sentence
        today = clock.today_uk()
        can_act = can_change_case(self.request.user, person, Permission.ENFORCEMENT_MANAGE)
        failures = list(failure_list(sentence=sentence))
        cases = list(enforcement_case_history_list(sentence=sentence))
        compliance = compliance_from(
            sentence=sentence,
            records=failure_records(failures),
            warning_dates=[c.decided_on for c in cases if c.status in WARNING_STATUSES and c.decided_on],
            breach_in_progress=breach_in_progress(sentence=sentence),
            today=today,
        )
        self.rows = [case_history_row(c, crn=person.crn, today=today, can_act=can_act) for c in cases]
        return {
            "sentence": sentence,
            "compliance": compliance,
            "tag": summary_tag(compliance),
            "failures": failure_rows(failures, reset_date=compliance.reset_date),
            "cases": self.rows,
        }

    def audit_object(self) -> tuple[str, object]:
        return COMPLIANCE, self.sentence.pk

    def audit_detail(self) -> dict[str, Any]:
        return {"enforcement_cases": [r.pk for r in self.rows]}


class EnforcementActionRecordView(OnceOnlySubmissionMixin, CaseFormView):
    permission = Permission.ENFORCEMENT_MANAGE
    form_class = EnforcementActionForm
    template_name = "enforcement/actions/form.html"
    title = "Record an enforcement action"
    section = SECTION
    success_message = "Enforcement action recorded"
    page = "record_action"

    @cached_property
    def case(self) -> EnforcementCase:
        return enforcement_case_get(person=self.person, case_id=self.kwargs["case_id"])

    @cached_property
    def action_options(self) -> action_services.ActionOptions:
        return action_services.enforcement_action_options(case=self.case)

    def get_form(self, data: Any = None) -> GovukForm:
        return self.form_class(data=data, initial=self.initial(), actions=self.action_options.actions)

    def initial(self) -> dict[str, Any]:
        return {"version": self.case.version}

    @property
    def extra(self) -> dict[str, Any]:
        case = self.case
        return {
            "summary": f"{contact_type_label(case.contact.type)} on {case.failure_date:%-d %B %Y}: "
            f"{status_label(case.status).lower()}, respond by {case.respond_by:%-d %B %Y}.",
            "no_actions": not self.action_options.actions,
            "mandatory": breach_mandatory_text(self.action_options.mandatory_because_of),
        }

    def audit_object(self) -> tuple[str, object]:
        return action_services.ENTITY, self.case.pk

    def save(self, data: dict[str, Any]) -> None:
        action_services.enforcement_action_record(
            actor=self.request.user,
            crn=self.person.crn,
            case_id=self.case.pk,
            expected_version=data["version"],
            choice=action_services.ActionChoice(
                action=data["action"],
                reason=data["reason"],
                circumstances=data["circumstances"],
                note=data["note"],
                respond_within_working_days=data["respond_within"],
            ),
        )

    def success_url(self) -> str:
        return reverse("enforcement:compliance", args=[self.person.crn, self.case.sentence_id])


class WarningLetterView(CaseView):
    """The letter as a PDF, audited as an export (not a page view)."""

    section = SECTION

    def may_open(self) -> bool:
        return can_change_case(self.request.user, self.person, Permission.ENFORCEMENT_MANAGE)

    def get(self, request: AuthenticatedHttpRequest, crn: str, case_id: int) -> HttpResponse:
        filename, pdf = action_services.warning_letter_export(
            actor=request.user, person=self.person, case_id=case_id
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
