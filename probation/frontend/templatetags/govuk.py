"""Small display filters shared by every template (dates in Europe/London, GOV.UK formats)."""

from datetime import date, datetime

from django import template
from django.utils import timezone

from probation.core.clock import LONDON

register = template.Library()


@register.filter
def govuk_date(value: date | datetime | None) -> str:
    """GOV.UK style: 5 January 2026. Datetimes are shown in UK time."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value, LONDON).date()
    return f"{value.day} {value:%B %Y}"


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """5 January 2026 at 2:15pm, in UK time."""
    if value is None:
        return ""
    local = timezone.localtime(value, LONDON)
    hour = local.hour % 12 or 12
    return f"{local.day} {local:%B %Y} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


@register.simple_tag(takes_context=True)
def sort_link(context: template.Context, key: str) -> str:
    """The query string to sort by ``key``, toggling direction when already sorted by it."""
    request = context["request"]
    params = request.GET.copy()
    current = params.get("sort", "name")
    params["sort"] = f"-{key}" if current == key else key
    params.pop("page", None)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def aria_sort(context: template.Context, key: str) -> str:
    current = context["request"].GET.get("sort", "name")
    if current == key:
        return "ascending"
    if current == f"-{key}":
        return "descending"
    return "none"


@register.simple_tag(takes_context=True)
def page_link(context: template.Context, number: int) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()
