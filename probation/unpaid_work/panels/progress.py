"""The unpaid-work progress panel on the sentence page (probation.core.panels): for each unpaid-work
requirement, the hours, the deadline in force and its extensions, ETE used of the share and the earned
reduction (unpaid-work.md § What officers see), with links to record an extension or credit ETE time
for unpaid-work staff of the managing PDU."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Sentence
from probation.unpaid_work.selectors.allocation import requirement_summary

TEMPLATE = "unpaid_work/panels/progress.html"


def progress_panel(
    *, request: AuthenticatedHttpRequest, person: Person, sentence: Sentence, **kwargs: Any
) -> Panel | None:
    if not has_permission(request.user, Permission.SENTENCE_VIEW):
        return None
    requirements = [
        r
        for r in sentence.requirements.all()
        if r.type == RequirementType.UNPAID_WORK and r.ordered and r.terminated_on is None
    ]
    if not requirements:
        return None
    can_manage = can_change_case(request.user, person, Permission.UPW_MANAGE)
    items = []
    for requirement in requirements:
        requirement.sentence = sentence
        args = [person.crn, requirement.pk]
        items.append(
            {
                "requirement": requirement,
                "summary": requirement_summary(requirement=requirement),
                "extension_url": reverse("unpaid_work:extension-create", args=args) if can_manage else "",
                "ete_url": reverse("unpaid_work:ete-create", args=args) if can_manage else "",
            }
        )
    return Panel(TEMPLATE, {"upw_items": items})
