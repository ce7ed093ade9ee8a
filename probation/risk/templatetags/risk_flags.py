"""``{% risk_flags person %}``: the person's active registrations as coloured GOV.UK tags, for the
case header. Loaded from people's templates, so people never imports risk in Python."""

from typing import Any

from django import template

from probation.accounts.policy import Permission, has_permission
from probation.people.models import Person
from probation.risk.presenters.tags import flag_tags
from probation.risk.selectors.registrations import person_active_flags

register = template.Library()


@register.inclusion_tag("risk/registrations/_flags.html", takes_context=True)
def risk_flags(context: template.Context, person: Person) -> dict[str, Any]:
    """One query. The person is the one the page loaded through people's scoped selector, so case
    scope and limited access have already been applied; the flags need REGISTRATION_VIEW too."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not has_permission(user, Permission.REGISTRATION_VIEW):
        return {"flags": []}
    return {"flags": flag_tags(person_active_flags(person=person))}
