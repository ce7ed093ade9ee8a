"""Reads of safeguarding records. A person passed in has already come through people's scoped
selector (``case_get``), so case scope and limited access have been applied."""

from django.db.models import QuerySet

from probation.core.errors import NotFound
from probation.people.models import Person
from probation.risk.models import Registration
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral
from probation.safeguarding.models.choices import CHILD_REGISTER_CODES


def child_flag_list(*, person: Person) -> QuerySet[Registration]:
    """The person's active child protection, child concerns and risk to children flags."""
    return (
        Registration.objects.active()
        .filter(person=person, register_type__in=CHILD_REGISTER_CODES)
        .order_by("registered_on", "id")
    )


def check_list(*, person: Person) -> QuerySet[ChildrenServicesCheck]:
    """Newest request first, each with its linked flag and who requested it."""
    return (
        ChildrenServicesCheck.objects.filter(person=person)
        .select_related("registration", "requested_by__staff")
        .order_by("-requested_on", "-id")
    )


def referral_list(*, person: Person) -> QuerySet[SafeguardingReferral]:
    return (
        SafeguardingReferral.objects.filter(person=person)
        .select_related("registration", "referred_by__staff")
        .order_by("-referred_on", "-id")
    )


def check_get(*, person: Person, check_id: int) -> ChildrenServicesCheck:
    """One check of this person; another person's is "not found"."""
    check = ChildrenServicesCheck.objects.filter(person=person, pk=check_id).first()
    if check is None:
        raise NotFound(check_id)
    return check


def referral_get(*, person: Person, referral_id: int) -> SafeguardingReferral:
    referral = SafeguardingReferral.objects.filter(person=person, pk=referral_id).first()
    if referral is None:
        raise NotFound(referral_id)
    return referral
