"""The current sentences of the case overview (probation.people's "case-overview" slot, registered in
apps.ready()): each sentence with its requirements' progress and its compliance.

Built here, not in probation.sentences, because compliance belongs to enforcement above it
(pyproject importlinter). Every current sentence in a fixed number of queries: the sentences with
their offences and requirements (three), and their compliance (three, ``sentences_compliance``).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core import clock
from probation.core.panels import Panel
from probation.enforcement.presenters.compliance import summary_tag
from probation.enforcement.services.compliance import SentenceCompliance, sentences_compliance
from probation.people.models import Person
from probation.risk.presenters.tags import Tag
from probation.sentences import selectors as sentence_selectors
from probation.sentences.models import Sentence
from probation.sentences.presenters import RequirementCard, day, requirement_cards, sentence_length

TEMPLATE = "enforcement/overview/panel.html"


@dataclass(frozen=True)
class SentenceSummary:
    pk: int
    title: str
    main_offence: str
    length: str
    dates: str
    requirements: list[RequirementCard]
    compliance: Tag
    failure_count: int
    warning_in_force_until: dt.date | None
    url: str
    compliance_url: str


def _dates(sentence: Sentence) -> str:
    if sentence.expected_end_date:
        return f"{day(sentence.start_date)} to {day(sentence.expected_end_date)} (expected)"
    return f"From {day(sentence.start_date)}"


def sentence_summary(
    sentence: Sentence, compliance: SentenceCompliance, *, crn: str, today: dt.date
) -> SentenceSummary:
    main = next((o for o in sentence.event.offences.all() if o.main), None)
    return SentenceSummary(
        pk=sentence.pk,
        title=f"Event {sentence.event.number}: {sentence.get_type_display()}",
        main_offence=main.description if main else "",
        length=sentence_length(sentence),
        dates=_dates(sentence),
        requirements=requirement_cards(
            [r for r in sentence.requirements.all() if r.is_active], crn=crn, today=today, can_manage=False
        ),
        compliance=summary_tag(compliance),
        failure_count=compliance.failure_count,
        warning_in_force_until=compliance.in_force.expires_on if compliance.in_force else None,
        url=reverse("sentences:sentence-detail", args=[crn, sentence.pk]),
        compliance_url=reverse("enforcement:compliance", args=[crn, sentence.pk]),
    )


def sentences_overview_panel(
    *, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any
) -> Panel | None:
    if not has_permission(request.user, Permission.SENTENCE_VIEW):
        return None
    today = clock.today_uk()
    sentences = list(sentence_selectors.current_sentence_list(person=person))
    compliance = sentences_compliance(sentences=sentences, today=today)
    return Panel(
        TEMPLATE,
        {
            "sentences": [
                sentence_summary(s, compliance[s.pk], crn=person.crn, today=today) for s in sentences
            ],
            "list_url": reverse("sentences:list", args=[person.crn]),
            "audit": {"sentences": [s.pk for s in sentences]},
        },
    )
