"""The compliance panel on the sentence page: registered with probation.core.panels in apps.ready().

The sentence page (probation.sentences) cannot import enforcement, so it asks for the panels of its
"sentence" slot; this builder adds the compliance summary, FTC count, warnings and open enforcement
cases in three queries (enforcement cases, failures, breach in progress), whatever the contact count.
"""

from typing import Any

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.contacts.models.enforcement import WARNING_STATUSES
from probation.core import clock
from probation.core.panels import Panel
from probation.enforcement.presenters.compliance import compliance_panel
from probation.enforcement.selectors import compliance as selectors
from probation.enforcement.services.compliance import sentence_compliance
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.sentences.models import Sentence

TEMPLATE = "enforcement/actions/panel_compliance.html"


def compliance_panel_build(
    *, request: AuthenticatedHttpRequest, person: Person, sentence: Sentence, **kwargs: Any
) -> Panel | None:
    """``person`` has come through the page's scoped ``case_get``; the panel shows nothing to a user
    without SENTENCE_VIEW, and the action links only to those who may act in the managing PDU."""
    if not has_permission(request.user, Permission.SENTENCE_VIEW):
        return None
    today = clock.today_uk()
    cases = list(selectors.enforcement_case_summary_list(sentence=sentence))
    warning_dates = [c.decided_on for c in cases if c.status in WARNING_STATUSES and c.decided_on]
    compliance = sentence_compliance(sentence=sentence, today=today, warning_dates=warning_dates)
    panel = compliance_panel(
        person=person,
        sentence=sentence,
        compliance=compliance,
        cases=cases,
        today=today,
        can_act=can_change_case(request.user, person, Permission.ENFORCEMENT_MANAGE),
    )
    return Panel(TEMPLATE, {"compliance_panel": panel})
