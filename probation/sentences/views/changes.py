"""Pages that record and change sentences. Each is a ``CaseFormView``: SENTENCE_MANAGE in the
case's managing PDU (staff elsewhere may view but get "not found" here); forms check shape, the
services apply the rules and the audit. Pages about one sentence audit the view of it first."""

from functools import cached_property
from typing import Any

from django.http import HttpResponse
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission
from probation.core.errors import NotFound
from probation.people.shell import CaseFormView
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.sentences import selectors
from probation.sentences.forms.events import ADDITIONAL_SLOTS, EventForm, OffenceForm, SentenceTerminateForm
from probation.sentences.forms.orders import (
    ConditionEndForm,
    ConditionForm,
    LicenceForm,
    RequirementForm,
    RequirementTerminateForm,
)
from probation.sentences.models import Licence, LicenceCondition, Requirement, Sentence
from probation.sentences.presenters import day
from probation.sentences.services import events as event_services
from probation.sentences.services import licences as licence_services
from probation.sentences.services import requirements as requirement_services
from probation.sentences.services.locks import SENTENCE

SECTION = "sentences"


class SentenceFormView(CaseFormView):
    permission = Permission.SENTENCE_MANAGE
    template_name = "sentences/form.html"
    section = SECTION

    def success_url(self) -> str:
        return reverse("sentences:list", args=[self.person.crn])


class EventCreateView(OnceOnlySubmissionMixin, SentenceFormView):
    form_class = EventForm
    title = "Record a conviction and sentence"
    success_message = "Conviction and sentence recorded"
    created: Sentence | None = None

    def initial(self) -> dict[str, Any]:
        return {"kind": "standard_determinate"}

    def save(self, data: dict[str, Any]) -> None:
        additional = [
            event_services.OffenceInput(data[f"additional_{i}_code"], data[f"additional_{i}_date"])
            for i in range(1, ADDITIONAL_SLOTS + 1)
            if data.get(f"additional_{i}_code")
        ]
        event = event_services.event_create(
            actor=self.request.user,
            crn=self.person.crn,
            conviction_date=data["conviction_date"],
            court=data["court"],
            main_offence=event_services.OffenceInput(data["main_code"], data["main_date"]),
            additional_offences=additional,
            sentence=event_services.SentenceInput(
                type=data["sentence_type"],
                sentence_date=data["sentence_date"],
                start_date=data["start_date"],
                length_months=data["length_months"],
                custodial_months=data["custodial_months"],
                kind=data["kind"],
            ),
            requirements=EventForm.requirements(data),
        )
        self.created = event.sentence

    def success_url(self) -> str:
        if self.created is not None:
            return reverse("sentences:sentence-detail", args=[self.person.crn, self.created.pk])
        return super().success_url()


class OneSentenceFormView(SentenceFormView):
    """A change to one sentence of the case: another person's sentence is "not found"."""

    page = ""

    @cached_property
    def sentence(self) -> Sentence:
        return selectors.sentence_get(person=self.person, sentence_id=self.kwargs["sentence_id"])

    @property
    def extra(self) -> dict[str, Any]:
        s = self.sentence
        return {
            "summary": f"Event {s.event.number}: {s.get_type_display().lower()} of {day(s.sentence_date)}"
        }

    def audit_object(self) -> tuple[str, object]:
        return SENTENCE, self.sentence.pk

    def success_url(self) -> str:
        return reverse("sentences:sentence-detail", args=[self.person.crn, self.sentence.pk])


class OffenceAddView(OnceOnlySubmissionMixin, OneSentenceFormView):
    form_class = OffenceForm
    title = "Add an offence"
    success_message = "Offence added"
    page = "offence-add"

    def save(self, data: dict[str, Any]) -> None:
        event_services.offence_add(
            actor=self.request.user,
            crn=self.person.crn,
            event_id=self.sentence.event_id,
            ho_code=data["code"],
            offence_date=data["date"],
            counts=data["counts"],
        )


class SentenceTerminateView(OneSentenceFormView):
    form_class = SentenceTerminateForm
    title = "Terminate the sentence"
    success_message = "Sentence terminated"
    page = "terminate"

    def initial(self) -> dict[str, Any]:
        return {"version": self.sentence.version}

    def save(self, data: dict[str, Any]) -> None:
        event_services.sentence_terminate(
            actor=self.request.user,
            crn=self.person.crn,
            sentence_id=self.sentence.pk,
            expected_version=data["version"],
            terminated_on=data["terminated_on"],
            reason=data["reason"],
        )


class RequirementAddView(OnceOnlySubmissionMixin, OneSentenceFormView):
    form_class = RequirementForm
    title = "Add a requirement"
    success_message = "Requirement added"
    page = "requirement-add"

    def save(self, data: dict[str, Any]) -> None:
        requirement_services.requirement_add(
            actor=self.request.user,
            crn=self.person.crn,
            sentence_id=self.sentence.pk,
            terms=requirement_services.RequirementTerms(
                requirement_type=data["type"],
                ordered=data["amount"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                details=data["details"],
                electronic_monitoring=data["electronic_monitoring"],
            ),
        )


class RequirementTerminateView(OneSentenceFormView):
    form_class = RequirementTerminateForm
    title = "End a requirement"
    success_message = "Requirement ended"
    page = "requirement-terminate"

    @cached_property
    def requirement(self) -> Requirement:
        return selectors.requirement_get(sentence=self.sentence, requirement_id=self.kwargs["requirement_id"])

    @property
    def extra(self) -> dict[str, Any]:
        r = self.requirement
        return {"summary": f"{r.get_type_display()} requirement from {day(r.start_date)}"}

    def initial(self) -> dict[str, Any]:
        return {"version": self.requirement.version}

    def save(self, data: dict[str, Any]) -> None:
        requirement_services.requirement_terminate(
            actor=self.request.user,
            crn=self.person.crn,
            requirement_id=self.requirement.pk,
            expected_version=data["version"],
            terminated_on=data["terminated_on"],
            reason=data["reason"],
        )


class LicenceCreateView(OnceOnlySubmissionMixin, OneSentenceFormView):
    form_class = LicenceForm
    title = "Record release on licence"
    success_message = "Licence recorded with the standard conditions"
    page = "licence-create"

    def save(self, data: dict[str, Any]) -> None:
        dates = {name: value for name, value in data.items() if name != "releasing_prison"}
        licence_services.licence_create(
            actor=self.request.user,
            crn=self.person.crn,
            sentence_id=self.sentence.pk,
            dates=licence_services.LicenceDates(**dates),
            releasing_prison=data["releasing_prison"],
        )


class LicenceConditionAddView(OnceOnlySubmissionMixin, OneSentenceFormView):
    form_class = ConditionForm
    title = "Add a licence condition"
    success_message = "Licence condition added"
    page = "condition-add"

    @cached_property
    def licence(self) -> Licence:
        licence = selectors.licence_of(self.sentence)
        if licence is None:
            raise NotFound(self.sentence.pk)
        return licence

    def get(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        self.licence  # noqa: B018 - a sentence without a licence has no conditions page
        return super().get(request, crn, **kwargs)

    def save(self, data: dict[str, Any]) -> None:
        licence_services.licence_condition_add(
            actor=self.request.user,
            crn=self.person.crn,
            licence_id=self.licence.pk,
            kind=data["kind"],
            category=data["category"],
            text=data["text"],
            start_date=data["start"],
            end_date=data["end"],
        )


class LicenceConditionEndView(OneSentenceFormView):
    form_class = ConditionEndForm
    title = "End a licence condition"
    success_message = "Licence condition ended"
    page = "condition-end"

    @cached_property
    def condition(self) -> LicenceCondition:
        return selectors.licence_condition_get(
            sentence=self.sentence, condition_id=self.kwargs["condition_id"]
        )

    @property
    def extra(self) -> dict[str, Any]:
        c = self.condition
        return {"summary": f"{c.get_kind_display()} condition from {day(c.start_date)}", "quote": c.text}

    def initial(self) -> dict[str, Any]:
        return {"version": self.condition.version}

    def save(self, data: dict[str, Any]) -> None:
        licence_services.licence_condition_end(
            actor=self.request.user,
            crn=self.person.crn,
            condition_id=self.condition.pk,
            expected_version=data["version"],
            end_date=data["end_date"],
        )
