"""The victims' requests on custody's licence page (custody.hooks.VICTIM_REQUESTS_SLOT; victims.md §
Representations): what each request asks and whether the COM included or declined it, with the reason,
and a link to decide it for those who may. Only the representation's own kind, request text (refused at
sending if it gives a location), status and reason are read: never the victim's name, address or any
other victim field. One query."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel, register_panel
from probation.custody.hooks import VICTIM_REQUESTS_SLOT
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.victims.models import Representation, RepresentationStatus

COLOURS = {
    RepresentationStatus.WITH_COM: "yellow",
    RepresentationStatus.INCLUDED: "green",
    RepresentationStatus.DECLINED: "grey",
}


def licence_victim_requests(
    *, request: AuthenticatedHttpRequest, person: Person, custody: Any = None, **kwargs: Any
) -> Panel | None:
    if not has_permission(request.user, Permission.VICTIM_SCHEME_VIEW):
        return None
    representations = list(
        Representation.objects.filter(scheme_case__person=person)
        .only("id", "kind", "request", "status", "decision_reason")
        .order_by("sent_on", "id")
    )
    may_decide = can_change_case(request.user, person, Permission.VICTIM_REPRESENTATION_DECIDE)
    rows = [
        {
            "kind": r.get_kind_display(),
            "request": r.request,
            "status": r.get_status_display(),
            "colour": COLOURS[RepresentationStatus(r.status)],
            "reason": r.decision_reason,
            "decide_url": reverse("victims:representation-decide", args=[person.crn, r.pk])
            if may_decide and r.status == RepresentationStatus.WITH_COM
            else "",
        }
        for r in representations
    ]
    return Panel(
        "custody/licence/_victim_requests.html",
        {"rows": rows, "audit": {"victim_representations": [r.pk for r in representations]}},
    )


def register_licence_panel() -> None:
    """Called from VictimsConfig.ready."""
    register_panel(VICTIM_REQUESTS_SLOT, licence_victim_requests)
