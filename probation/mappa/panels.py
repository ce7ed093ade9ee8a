"""The MAPPA row of the case overview's summary (probation.people's "case-overview-summary" slot,
registered in apps.ready()): the category and level of the active MAPP registration, one query."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.mappa.presenters import level_label
from probation.mappa.selectors import mappa_registration_get
from probation.people.models import Person


def mappa_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.MAPPA_VIEW):
        return None
    registration = mappa_registration_get(person=person)
    return Panel(
        "mappa/overview/_row.html",
        {
            "level": level_label(registration.level) if registration else "",
            "category": registration.get_category_display() if registration else "",
            "url": reverse("mappa:case", args=[person.crn]),
        },
    )
