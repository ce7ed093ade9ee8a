"""Recall pages of a licence: the recall record, start, recommendation, the senior PO's decision, the
custody steps and the no-recall letter.

The person comes through the case-page shell (denied looks exactly like missing). Change pages are
``CaseFormView``s in the managing PDU: ENFORCEMENT_MANAGE, or RECALL_DECIDE (senior PO only) for the
decision. Every page showing a recall audits the view; the letter is audited as an export.
"""

from functools import cached_property
from typing import Any

from django.db import transaction
from django.http import Http404, HttpResponse
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import ServiceError
from probation.enforcement.forms.recall import (
    RecallDateForm,
    RecallDecisionForm,
    RecallRecommendForm,
    RecallStartForm,
)
from probation.enforcement.letters import render_pdf
from probation.enforcement.models import Recall
from probation.enforcement.presenters.recall import (
    RECALL_STATUS_LABELS,
    RecallLawView,
    decided_type_label,
    decided_under,
    recall_law_view,
    recall_tag,
    recommendation_rows,
)
from probation.enforcement.selectors.recall import licence_conditions, recall_get
from probation.enforcement.services import recall as services
from probation.frontend.forms import GovukForm
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.rules.enforcement.transitions import RecallStatus, allowed_next
from probation.sentences.models import Sentence
from probation.sentences.selectors import sentence_get

SECTION = "sentences"
FORM_TEMPLATE = "enforcement/breach/form.html"
# The next page for each open status, with the permission it needs.
NEXT_STEP = {
    RecallStatus.CONSIDERING: ("recall-recommend", "Make a recommendation", Permission.ENFORCEMENT_MANAGE),
    RecallStatus.AWAITING_DECISION: ("recall-decide", "Decide", Permission.RECALL_DECIDE),
    RecallStatus.RECALL_DECIDED: (
        "recall-custody",
        "Record return to custody",
        Permission.ENFORCEMENT_MANAGE,
    ),
}


def _links(request: AuthenticatedHttpRequest, person: Person, recall: Recall) -> list[tuple[str, str]]:
    status = RecallStatus(recall.status)
    links = []
    if status in NEXT_STEP:
        name, label, permission = NEXT_STEP[status]
        if can_change_case(request.user, person, permission):
            links.append((label, reverse(f"enforcement:{name}", args=[person.crn, recall.pk])))
    if status is RecallStatus.RETURNED_TO_CUSTODY and can_change_case(
        request.user, person, Permission.ENFORCEMENT_MANAGE
    ):
        links.append(
            ("Record re-release", reverse("enforcement:recall-re-release", args=[person.crn, recall.pk]))
        )
        links.append(
            (
                "Record licence ended in custody",
                reverse("enforcement:recall-licence-ended", args=[person.crn, recall.pk]),
            )
        )
    return links


class RecallDetailView(CasePageView):
    section = SECTION
    page = "detail"
    template_name = "enforcement/recall/detail.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        recall = self.recall = recall_get(person=person, recall_id=self.kwargs["recall_id"])
        no_recall = recall.status == RecallStatus.NO_RECALL_DECIDED
        return {
            "recall": recall,
            "tag": recall_tag(recall.status),
            "recommended": bool(recall.recommendation),
            "recommendation": recommendation_rows(recall),
            "decided_type": decided_type_label(recall),
            "decided_under": decided_under(recall),
            "steps": [
                (step, RECALL_STATUS_LABELS.get(step.to_status, step.to_status))
                for step in recall.steps.select_related("actor__staff")
            ],
            "links": _links(self.request, person, recall),
            "letter_url": reverse("enforcement:recall-letter", args=[self.kwargs["crn"], recall.pk])
            if no_recall
            else "",
        }

    def audit_object(self) -> tuple[str, object]:
        return services.RECALL, self.recall.pk


class NoRecallLetterView(CaseView):
    """The letter to the person after a no-recall decision: the decision, the conditions breached and
    that further breaches may lead to recall (enforcement.md "Licences and recall"). Audited as an
    export, not a page view."""

    section = SECTION

    def get(self, request: AuthenticatedHttpRequest, crn: str, recall_id: int) -> HttpResponse:
        person = self.person
        recall = recall_get(person=person, recall_id=recall_id)
        if recall.status != RecallStatus.NO_RECALL_DECIDED:
            raise Http404
        context = {
            "person": person,
            "recall": recall,
            "conditions": [c.text for c in recall.breached_conditions.all()],
            "officer": str(person.officer or recall.started_by),
            "today": clock.today_uk(),
        }
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=person.crn,
                object_type=services.RECALL,
                object_id=recall.pk,
                detail={"document": "no_recall_letter"},
            )
            pdf = render_pdf("enforcement/letters/no_recall.html", context)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="no-recall-letter-{person.crn}-{recall.pk}.pdf"'
        return response


class RecallStartView(CaseFormView):
    permission = Permission.ENFORCEMENT_MANAGE
    form_class = RecallStartForm
    template_name = FORM_TEMPLATE
    section = SECTION
    title = "Consider a recall"
    page = "recall_start"
    success_message = "Recall being considered"

    @cached_property
    def sentence(self) -> Sentence:
        return sentence_get(person=self.person, sentence_id=self.kwargs["sentence_id"])

    def audit_object(self) -> tuple[str, object]:
        return "sentence", self.sentence.pk

    def save(self, data: dict[str, Any]) -> None:
        self.created = services.recall_start(
            actor=self.request.user,
            crn=self.person.crn,
            sentence_id=self.sentence.pk,
            circumstances=data["circumstances"],
            emergency=data["emergency"],
        )

    def success_url(self) -> str:
        created = getattr(self, "created", None)
        if created is None:
            return reverse("sentences:list", args=[self.person.crn])
        return reverse("enforcement:recall-recommend", args=[self.person.crn, created.pk])


class RecallFormView(CaseFormView):
    permission = Permission.ENFORCEMENT_MANAGE
    template_name = FORM_TEMPLATE
    section = SECTION
    page = ""

    @cached_property
    def recall(self) -> Recall:
        return recall_get(person=self.person, recall_id=self.kwargs["recall_id"])

    def audit_object(self) -> tuple[str, object]:
        return services.RECALL, self.recall.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.recall.version}

    @property
    def extra(self) -> dict[str, Any]:
        recall = self.recall
        status = recall_tag(recall.status).label
        return {"summary": f"Recall considered from {recall.started_on:%-d %B %Y}: {status}"}

    def success_url(self) -> str:
        return reverse("enforcement:recall-detail", args=[self.person.crn, self.recall.pk])


class RecallRecommendView(RecallFormView):
    form_class = RecallRecommendForm
    title = "Recommend recall or no recall"
    success_message = "Recommendation sent for a decision"
    page = "recommend"

    def get_form(self, data: Any = None) -> GovukForm:
        conditions = licence_conditions(recall=self.recall)
        return RecallRecommendForm(data=data, initial=self.initial(), conditions=conditions)

    def save(self, data: dict[str, Any]) -> None:
        services.recall_recommend(
            actor=self.request.user,
            crn=self.person.crn,
            recall_id=self.recall.pk,
            expected_version=data["version"],
            answers=services.RecallRecommendation(
                condition_ids=data["breached_conditions"],
                alternatives=data["alternatives"],
                alternatives_notes=data["alternatives_notes"],
                charged_with_new_offence=data["charged_with_new_offence"],
                referred_to_parole_board=data["referred_to_parole_board"],
                victims_in_contact_scheme=data["victims_in_contact_scheme"],
                recommendation=data["recommendation"],
                recommended_type=data["recommended_type"],
                reason=data["reason"],
            ),
        )


class RecallDecideView(RecallFormView):
    """The senior PO's decision: the officer's recommendation read-only, the fixed-term exclusions that
    apply and only the recall types the rules allow."""

    permission = Permission.RECALL_DECIDE
    form_class = RecallDecisionForm
    template_name = "enforcement/recall/decide.html"
    title = "Decide on the recall"
    success_message = "Recall decision recorded"
    page = "decide"

    @cached_property
    def law(self) -> tuple[RecallLawView | None, str]:
        """The rule in force today for this case and why; or the problem that stops a decision."""
        today = clock.today_uk()
        try:
            case = services.recall_rule_case(recall=self.recall, person=self.person, on=today)
            rules = services.recall_rules_on(today)
        except ServiceError as error:
            return None, error.message
        return recall_law_view(case, rules, on=today), ""

    def get_form(self, data: Any = None) -> GovukForm:
        law, _problem = self.law
        return RecallDecisionForm(
            data=data,
            initial=self.initial(),
            allowed=law.allowed if law else (),
            hints=law.hints if law else None,
        )

    @property
    def extra(self) -> dict[str, Any]:
        law, problem = self.law
        return super().extra | {
            "recommendation": recommendation_rows(self.recall),
            "law": law,
            "problem": problem,
            "awaiting": RecallStatus.RECALL_DECIDED in allowed_next(RecallStatus(self.recall.status)),
        }

    def save(self, data: dict[str, Any]) -> None:
        services.recall_decide(
            actor=self.request.user,
            crn=self.person.crn,
            recall_id=self.recall.pk,
            expected_version=data["version"],
            decision=data["decision"],
            recall_type=data["recall_type"],
            rationale=data["rationale"],
        )


class RecallCustodyView(RecallFormView):
    form_class = RecallDateForm
    title = "Record the return to custody"
    success_message = "Return to custody recorded"
    page = "custody"
    label = "Date returned to custody"

    def get_form(self, data: Any = None) -> GovukForm:
        return RecallDateForm(data=data, initial=self.initial(), label=self.label)

    def save(self, data: dict[str, Any]) -> None:
        services.recall_returned_to_custody(
            actor=self.request.user,
            crn=self.person.crn,
            recall_id=self.recall.pk,
            expected_version=data["version"],
            returned_on=data["on"],
        )


class RecallReReleasedView(RecallCustodyView):
    title = "Record the re-release"
    success_message = "Re-release recorded"
    page = "re_release"
    label = "Date re-released"

    def save(self, data: dict[str, Any]) -> None:
        services.recall_re_released(
            actor=self.request.user,
            crn=self.person.crn,
            recall_id=self.recall.pk,
            expected_version=data["version"],
            re_released_on=data["on"],
        )


class RecallLicenceEndedView(RecallCustodyView):
    title = "Record the licence ended in custody"
    success_message = "Licence recorded as ended in custody"
    page = "licence_ended"
    label = "Date the licence ended"

    def save(self, data: dict[str, Any]) -> None:
        services.recall_licence_ended(
            actor=self.request.user,
            crn=self.person.crn,
            recall_id=self.recall.pk,
            expected_version=data["version"],
            ended_on=data["on"],
        )
