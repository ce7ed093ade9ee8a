"""Rows the risk app adds to the case overview's summary (probation.people's "case-overview-summary"
slot, registered in apps.ready()): the RoSH level with the date of its assessment, and the active risk
flags. One query each; the person has come through the page's scoped ``case_get``."""

from typing import Any

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.frontend.reversing import fast_reverse
from probation.people.models import Person
from probation.risk.presenters.rosh import level_tag
from probation.risk.presenters.tags import flag_tags
from probation.risk.selectors.registrations import person_active_flags
from probation.risk.selectors.rosh import rosh_assessment_list


def rosh_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.ROSH_VIEW):
        return None
    latest = (
        rosh_assessment_list(person=person)
        .select_related(None)
        .only("id", "assessed_on", "overall_level")
        .first()
    )
    return Panel(
        "risk/overview/_rosh_row.html",
        {
            "tag": level_tag(latest.overall_level if latest else person.rosh_level),
            "assessed_on": latest.assessed_on if latest else None,
            "url": fast_reverse("risk:rosh-summary", person.crn),
        },
    )


def flags_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.REGISTRATION_VIEW):
        return None
    return Panel(
        "risk/overview/_flags_row.html",
        {
            "flags": flag_tags(person_active_flags(person=person)),
            "url": fast_reverse("risk:registration-list", person.crn),
        },
    )
