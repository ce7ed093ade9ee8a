from django import template

from probation.unpaid_work.presenters.sheet import hours_and_minutes

register = template.Library()


@register.filter
def hours_minutes(minutes: int) -> str:
    return hours_and_minutes(minutes)
