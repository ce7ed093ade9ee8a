"""The contacts panel of the case overview (probation.people's "case-overview" slot, registered in
apps.ready()): next appointments, appointments needing an outcome and the latest contacts, in three
queries whatever the number of contacts. The person has come through the page's scoped ``case_get``;
notes are never shown here, so sensitive contacts show as any other."""

from typing import Any

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.contacts import selectors
from probation.contacts.presenters import contact_row
from probation.core.clock import now
from probation.core.panels import Panel
from probation.frontend.reversing import fast_reverse
from probation.people.models import Person
from probation.people.policy import can_change_case

TEMPLATE = "contacts/overview/panel.html"
# Of each list: the page is read before an appointment, the contact log has the rest.
SHOWN = selectors.OVERVIEW_SIZE


def contacts_overview_panel(
    *, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any
) -> Panel | None:
    if not has_permission(request.user, Permission.CONTACT_VIEW):
        return None
    at = now()
    found = selectors.case_overview_contacts(person=person, now=at)
    can_manage = can_change_case(request.user, person, Permission.CONTACT_MANAGE)
    read_sensitive = has_permission(request.user, Permission.CONTACT_VIEW_SENSITIVE)

    def rows(contacts: list) -> list:
        return [
            contact_row(c, crn=person.crn, now=at, can_read_sensitive=read_sensitive, can_manage=can_manage)
            for c in contacts
        ]

    log_url = fast_reverse("contacts:list", person.crn)
    return Panel(
        TEMPLATE,
        {
            "upcoming": rows(found.upcoming),
            "needing_outcome": rows(found.needing_outcome),
            "needing_outcome_more": found.needing_outcome_more,
            "recent": rows(found.recent),
            "log_url": log_url,
            "needs_outcome_url": f"{log_url}?outcome={selectors.NEEDS_OUTCOME}",
            "book_url": fast_reverse("contacts:book", person.crn) if can_manage else "",
            "shown": SHOWN,
            "audit": {
                "contacts": sorted({c.pk for c in (*found.upcoming, *found.needing_outcome, *found.recent)})
            },
        },
    )
