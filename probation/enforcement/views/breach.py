"""Breach pages of an order: the breach record, initiate, pack sent, court outcome and the breach pack.

The person comes through the case-page shell (denied looks exactly like missing). Change pages are
``CaseFormView``s needing ENFORCEMENT_MANAGE in the managing PDU; every page that shows a breach audits
the view first, and the breach pack is audited as an export before it is given out.
"""

from functools import cached_property
from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.enforcement.forms.breach import BreachInitiateForm, BreachOutcomeForm, BreachPackSentForm
from probation.enforcement.letters import render_pdf
from probation.enforcement.models import Breach
from probation.enforcement.presenters.breach import (
    BREACH_STATUS_LABELS,
    breach_tag,
    failure_rows,
    requirement_rows,
)
from probation.enforcement.selectors.breach import (
    breach_candidate_failures,
    breach_get,
    failures_since_sentence,
    requirement_list,
    warnings_given,
)
from probation.enforcement.services import breach as services
from probation.frontend.forms import GovukForm
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.rules.enforcement.transitions import BreachStatus
from probation.sentences.models import Sentence
from probation.sentences.selectors import sentence_get

SECTION = "sentences"
FORM_TEMPLATE = "enforcement/breach/form.html"


def _breach(person: Person, kwargs: dict[str, Any]) -> Breach:
    return breach_get(person=person, sentence_id=kwargs["sentence_id"], breach_id=kwargs["breach_id"])


class BreachDetailView(CasePageView):
    section = SECTION
    page = "detail"
    template_name = "enforcement/breach/detail.html"

    def page_context(self) -> dict[str, Any]:
        request, person = self.request, self.person
        breach = self.breach = _breach(person, self.kwargs)
        can_manage = can_change_case(request.user, person, Permission.ENFORCEMENT_MANAGE)
        status = BreachStatus(breach.status)
        args = [self.kwargs["crn"], self.kwargs["sentence_id"], breach.pk]
        return {
            "breach": breach,
            "tag": breach_tag(breach.status),
            "failures": failure_rows(
                breach.failures.all(),
                show_sensitive=has_permission(request.user, Permission.CONTACT_VIEW_SENSITIVE),
            ),
            "steps": [
                (step, BREACH_STATUS_LABELS.get(step.to_status, step.to_status))
                for step in breach.steps.select_related("actor__staff")
            ],
            "pack_url": reverse("enforcement:breach-pack", args=args)
            if has_permission(request.user, Permission.CONTACT_VIEW)
            else "",
            "pack_sent_url": reverse("enforcement:breach-pack-sent", args=args)
            if can_manage and status is BreachStatus.INITIATED
            else "",
            "outcome_url": reverse("enforcement:breach-outcome", args=args)
            if can_manage and status in (BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT)
            else "",
        }

    def audit_object(self) -> tuple[str, object]:
        return services.BREACH, self.breach.pk


class BreachPackView(CaseView):
    """The breach pack for court as a PDF (enforcement.md "Breach"): sensitive notes only for roles
    that may read them. Audited as an export, not a page view."""

    section = SECTION

    def may_open(self) -> bool:
        return has_permission(self.request.user, Permission.CONTACT_VIEW)

    def get(
        self, request: AuthenticatedHttpRequest, crn: str, sentence_id: int, breach_id: int
    ) -> HttpResponse:
        person = self.person
        breach = _breach(person, {"sentence_id": sentence_id, "breach_id": breach_id})
        show_sensitive = has_permission(request.user, Permission.CONTACT_VIEW_SENSITIVE)
        context = breach_pack_context(person=person, breach=breach, show_sensitive=show_sensitive)
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=person.crn,
                object_type=services.BREACH,
                object_id=breach.pk,
                detail={"document": "breach_pack", "sensitive_notes": show_sensitive},
            )
            pdf = render_pdf("enforcement/letters/breach_pack.html", context)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="breach-pack-{person.crn}-{breach.pk}.pdf"'
        return response


def breach_pack_context(*, person: Person, breach: Breach, show_sensitive: bool) -> dict[str, Any]:
    sentence = breach.sentence
    return {
        "person": person,
        "breach": breach,
        "sentence": sentence,
        "offences": list(sentence.event.offences.all()),
        "status": BREACH_STATUS_LABELS[BreachStatus(breach.status)],
        "requirements": requirement_rows(requirement_list(sentence=sentence)),
        "failures": failure_rows(breach.failures.all(), show_sensitive=show_sensitive),
        "warnings": list(warnings_given(sentence=sentence).select_related("contact")),
        "history": failure_rows(failures_since_sentence(sentence=sentence), show_sensitive=show_sensitive),
        "officer": str(breach.initiated_by),
        "today": today_uk(),
    }


class BreachFormView(CaseFormView):
    permission = Permission.ENFORCEMENT_MANAGE
    template_name = FORM_TEMPLATE
    section = SECTION
    page = ""

    @cached_property
    def breach(self) -> Breach:
        return _breach(self.person, self.kwargs)

    def audit_object(self) -> tuple[str, object]:
        return services.BREACH, self.breach.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.breach.version}

    @property
    def extra(self) -> dict[str, Any]:
        breach = self.breach
        status = breach_tag(breach.status).label
        return {"summary": f"Breach initiated on {breach.initiated_on:%-d %B %Y}: {status}"}

    def success_url(self) -> str:
        return reverse(
            "enforcement:breach-detail", args=[self.person.crn, self.breach.sentence_id, self.breach.pk]
        )


class BreachInitiateView(CaseFormView):
    permission = Permission.ENFORCEMENT_MANAGE
    form_class = BreachInitiateForm
    template_name = FORM_TEMPLATE
    section = SECTION
    title = "Initiate breach proceedings"
    page = "breach_initiate"
    success_message = "Breach initiated"

    @cached_property
    def sentence(self) -> Sentence:
        return sentence_get(person=self.person, sentence_id=self.kwargs["sentence_id"])

    def audit_object(self) -> tuple[str, object]:
        return "sentence", self.sentence.pk

    def get_form(self, data: Any = None) -> GovukForm:
        failures = breach_candidate_failures(sentence=self.sentence)
        return BreachInitiateForm(data=data, initial={"initiated_on": today_uk()}, failures=failures)

    @property
    def extra(self) -> dict[str, Any]:
        sentence = self.sentence
        return {"summary": f"{sentence.get_type_display()} made on {sentence.sentence_date:%-d %B %Y}"}

    def save(self, data: dict[str, Any]) -> None:
        self.created = services.breach_initiate(
            actor=self.request.user,
            crn=self.person.crn,
            sentence_id=self.sentence.pk,
            initiated_on=data["initiated_on"],
            failure_ids=data["failures"],
            recommendation=data["recommendation"],
        )

    def success_url(self) -> str:
        created = getattr(self, "created", None)
        if created is None:
            return reverse("sentences:list", args=[self.person.crn])
        return reverse("enforcement:breach-detail", args=[self.person.crn, self.sentence.pk, created.pk])


class BreachPackSentView(BreachFormView):
    form_class = BreachPackSentForm
    title = "Record the breach pack sent to court"
    success_message = "Breach pack recorded as sent to court"
    page = "pack_sent"

    def initial(self) -> dict[str, Any]:
        return super().initial() | {"sent_on": today_uk()}

    def save(self, data: dict[str, Any]) -> None:
        services.breach_pack_sent(
            actor=self.request.user,
            crn=self.person.crn,
            breach_id=self.breach.pk,
            expected_version=data["version"],
            court=data["court"],
            hearing_date=data["hearing_date"],
            sent_on=data["sent_on"],
        )


class BreachOutcomeView(BreachFormView):
    form_class = BreachOutcomeForm
    title = "Record the outcome of the breach"
    success_message = "Breach outcome recorded"
    page = "outcome"

    def save(self, data: dict[str, Any]) -> None:
        services.breach_record_outcome(
            actor=self.request.user,
            crn=self.person.crn,
            breach_id=self.breach.pk,
            expected_version=data["version"],
            outcome=data["outcome"],
            outcome_on=data["outcome_on"],
            notes=data["notes"],
        )
