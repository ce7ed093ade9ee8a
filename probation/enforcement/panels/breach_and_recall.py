"""The breach and recall panel on the sentence page: registered with probation.core.panels in apps.ready().

Orders show their breaches, licences their recalls, each with a link to its record (and the breach
pack or no-recall letter), and "Initiate breach" / "Consider a recall" when this user may start one:
ENFORCEMENT_MANAGE in the managing PDU, a current sentence, and none already in progress. The sentence
page has already loaded the person through the scoped selector.
"""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.enforcement.models.breach import BREACH_OPEN
from probation.enforcement.models.recall import RECALL_OPEN
from probation.enforcement.presenters.breach import breach_row
from probation.enforcement.presenters.recall import recall_row
from probation.enforcement.selectors import breach as breach_selectors
from probation.enforcement.selectors import recall as recall_selectors
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.sentences.models import Licence, Sentence

TEMPLATE = "enforcement/breach/panel.html"


def _has_licence(sentence: Sentence) -> bool:
    try:
        return sentence.licence is not None
    except Licence.DoesNotExist:
        return False


def workflows_panel(
    *, request: AuthenticatedHttpRequest, person: Person, sentence: Sentence, **kwargs: Any
) -> Panel | None:
    if not has_permission(request.user, Permission.SENTENCE_VIEW):
        return None
    can_manage = can_change_case(request.user, person, Permission.ENFORCEMENT_MANAGE)
    if sentence.is_order:
        breaches = list(breach_selectors.breach_list(sentence=sentence))
        can_start = can_manage and sentence.is_current and not any(b.status in BREACH_OPEN for b in breaches)
        return Panel(
            TEMPLATE,
            {
                "kind": "breach",
                "rows": [breach_row(b, crn=person.crn) for b in breaches],
                "start_url": reverse("enforcement:breach-initiate", args=[person.crn, sentence.pk])
                if can_start
                else "",
                "show_documents": has_permission(request.user, Permission.CONTACT_VIEW),
            },
        )
    if not _has_licence(sentence):
        return None
    recalls = list(recall_selectors.recall_list(sentence=sentence))
    can_start = can_manage and sentence.is_current and not any(r.status in RECALL_OPEN for r in recalls)
    return Panel(
        TEMPLATE,
        {
            "kind": "recall",
            "rows": [recall_row(r, crn=person.crn) for r in recalls],
            "start_url": reverse("enforcement:recall-start", args=[person.crn, sentence.pk])
            if can_start
            else "",
            "show_documents": True,
        },
    )
