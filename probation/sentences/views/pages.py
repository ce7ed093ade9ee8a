"""The sentences list of a case and the sentence page.

The person comes through people's ``load_case`` (SENTENCE_VIEW, partner scope, limited access;
denied looks exactly like missing); both pages audit the view before showing anything.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views import View

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.core.panels import panels_for
from probation.people.policy import can_change_case
from probation.people.views.case import case_context, load_case
from probation.sentences import presenters, selectors
from probation.sentences.models.choices import SentenceType
from probation.sentences.services.locks import sentence_view_record

SECTION = "sentences"


class SentenceListView(View):
    def get(self, request: HttpRequest, crn: str) -> HttpResponse:
        person = load_case(request, crn, Permission.SENTENCE_VIEW)
        events = list(selectors.event_list(person=person))
        sentence_view_record(
            actor=request.user,
            person=person,
            detail={"section": SECTION, "shown": [e.pk for e in events]},
        )
        context = case_context(request, person, SECTION) | {
            "events": [presenters.event_row(e, crn=person.crn) for e in events],
            "can_manage": can_change_case(request.user, person, Permission.SENTENCE_MANAGE),
        }
        return render(request, "sentences/list.html", context)


class SentenceDetailView(View):
    def get(self, request: HttpRequest, crn: str, sentence_id: int) -> HttpResponse:
        person = load_case(request, crn, Permission.SENTENCE_VIEW)
        try:
            sentence = selectors.sentence_get(person=person, sentence_id=sentence_id)
        except NotFound:
            raise Http404 from None
        sentence_view_record(
            actor=request.user,
            person=person,
            object_id=sentence.pk,
            detail={"section": SECTION, "page": "sentence"},
        )
        can_manage = can_change_case(request.user, person, Permission.SENTENCE_MANAGE)
        today = today_uk()
        licence = selectors.licence_of(sentence)
        context = case_context(request, person, SECTION) | {
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
            "can_manage": can_manage,
            "can_change_current": can_manage and sentence.is_current,
            # Each higher app's panel is rendered with its own context (probation.core.panels).
            "panels": [
                render_to_string(panel.template, panel.context, request)
                for panel in panels_for("sentence", request=request, person=person, sentence=sentence)
            ],
        }
        return render(request, "sentences/detail.html", context)
