"""The tier row of the case overview's summary (probation.people's "case-overview-summary" slot,
registered in apps.ready()). No query: ``Person.tier`` is kept in step by the recalculation."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.people.models import Person


def tier_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.TIER_VIEW):
        return None
    return Panel(
        "tiers/overview/_row.html", {"tier": person.tier, "url": reverse("tiers:case", args=[person.crn])}
    )
