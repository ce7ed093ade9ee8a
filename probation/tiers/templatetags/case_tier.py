"""``{% case_tier person %}``: the case's current tier in the case header, linking to the tier page.
Loaded from people's template, so people never imports tiers in Python (ADR 0012)."""

from typing import Any

from django import template

from probation.accounts.policy import Permission, has_permission
from probation.people.models import Person

register = template.Library()


@register.inclusion_tag("tiers/_case_tier.html", takes_context=True)
def case_tier(context: template.Context, person: Person) -> dict[str, Any]:
    """No query: ``Person.tier`` is kept in step by the recalculation. The person was loaded through
    people's scoped selector; the tier also needs TIER_VIEW (partners do not have it)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not has_permission(user, Permission.TIER_VIEW):
        return {"show": False}
    return {"show": True, "crn": person.crn, "tier": person.tier}
