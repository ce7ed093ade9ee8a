"""The MAPPA row of the case overview's summary (probation.people's "case-overview-summary" slot,
registered in apps.ready()): the category and level of the active MAPP registration, read with the
case's active flags (no query of its own)."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.mappa.presenters import level_label
from probation.mappa.selectors import MAPPA_REGISTER
from probation.people.models import Person
from probation.risk.selectors.registrations import person_active_flags


def mappa_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.MAPPA_VIEW):
        return None
    # The active MAPP registration is one of the case's flags, read once for the header and summary.
    registration = next(
        (r for r in person_active_flags(person=person) if r.register_type == MAPPA_REGISTER), None
    )
    return Panel(
        "mappa/overview/_row.html",
        {
            "level": level_label(registration.level) if registration else "",
            "category": registration.get_category_display() if registration else "",
            "url": reverse("mappa:case", args=[person.crn]),
        },
    )
