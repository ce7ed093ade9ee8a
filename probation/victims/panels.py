"""The case overview's row for the offender manager: the scheme applies (victims.md: the INVI flag's
place on the record), linking to the case's Victim contact section. One query; nothing of a victim."""

from typing import Any

from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.core.panels import Panel
from probation.people.models import Person
from probation.victims.selectors.offender_side import scheme_applies


def scheme_overview_row(*, request: AuthenticatedHttpRequest, person: Person, **kwargs: Any) -> Panel | None:
    if not has_permission(request.user, Permission.VICTIM_SCHEME_VIEW):
        return None
    if not scheme_applies(person_id=person.pk):
        return None
    return Panel("victims/overview/_row.html", {"url": reverse("victims:case-scheme", args=[person.crn])})
