"""The sentences list of a case and the sentence page.

The person comes through the case-page shell (SENTENCE_VIEW, partner scope, limited access;
denied looks exactly like missing); both pages audit the view before showing anything.
"""

from typing import Any

from django.template.loader import render_to_string

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.core.panels import panels_for
from probation.people.policy import can_change_case
from probation.people.shell import CasePageView
from probation.sentences import presenters, selectors
from probation.sentences.models.choices import SentenceType
from probation.sentences.services.locks import SENTENCE

SECTION = "sentences"


class SentenceListView(CasePageView):
    section = SECTION
    template_name = "sentences/list.html"

    def page_context(self) -> dict[str, Any]:
        self.events = list(selectors.event_list(person=self.person))
        return {
            "events": [presenters.event_row(e, crn=self.person.crn) for e in self.events],
            "can_manage": can_change_case(self.request.user, self.person, Permission.SENTENCE_MANAGE),
        }

    def audit_object(self) -> tuple[str, object]:
        return SENTENCE, ""

    def audit_detail(self) -> dict[str, Any]:
        return {"shown": [e.pk for e in self.events]}


class SentenceDetailView(CasePageView):
    section = SECTION
    page = "sentence"
    template_name = "sentences/detail.html"

    def page_context(self) -> dict[str, Any]:
        request, person = self.request, self.person
        sentence = self.sentence = selectors.sentence_get(
            person=person, sentence_id=self.kwargs["sentence_id"]
        )
        can_manage = can_change_case(request.user, person, Permission.SENTENCE_MANAGE)
        today = today_uk()
        licence = selectors.licence_of(sentence)
        return {
            "sentence": sentence,
            "title": f"Event {sentence.event.number}: {sentence.get_type_display()}",
            "status": presenters.sentence_status(sentence),
            "summary": presenters.summary_rows(sentence),
            "offences": list(sentence.event.offences.all()),
            "timeline": presenters.timeline(sentence, today=today),
            "requirements": presenters.requirement_cards(
                sentence.requirements.all(), crn=person.crn, today=today, can_manage=can_manage
            ),
            "licence": presenters.licence_view(licence, crn=person.crn, can_manage=can_manage, today=today)
            if licence
            else None,
            "is_custodial": sentence.type == SentenceType.CUSTODIAL,
            "presumption": presenters.suspension_presumption(sentence),
            "can_manage": can_manage,
            "can_change_current": can_manage and sentence.is_current,
            # Each higher app's panel is rendered with its own context (probation.core.panels).
            "panels": [
                render_to_string(panel.template, panel.context, request)
                for panel in panels_for("sentence", request=request, person=person, sentence=sentence)
            ],
        }

    def audit_object(self) -> tuple[str, object]:
        return SENTENCE, self.sentence.pk
