"""Reads of registrations. A person passed in has already come through people's scoped selector
(``person_get``); lists across cases are scoped here through ``people_visible_to``."""

import datetime as dt

from django.db.models import Prefetch, QuerySet

from probation.accounts.models import Staff, User
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.risk.models import Registration, RegistrationReview

REVIEWS_DUE_WITHIN_DAYS = 14


def registration_list(*, person: Person) -> QuerySet[Registration]:
    """Every registration of the person, active and ended, newest first."""
    return (
        Registration.objects.filter(person=person)
        .select_related("registering_officer", "deregistering_officer")
        .order_by("-registered_on", "-id")
    )


def registration_get(*, person: Person, registration_id: int) -> Registration:
    """One registration of this person, with its reviews. Another person's is "not found"."""
    reviews = RegistrationReview.objects.select_related("reviewing_officer").order_by("-reviewed_on", "-id")
    registration = (
        Registration.objects.filter(person=person, pk=registration_id)
        .select_related("registering_officer", "deregistering_officer")
        .prefetch_related(Prefetch("reviews", queryset=reviews))
        .first()
    )
    if registration is None:
        raise NotFound(registration_id)
    return registration


def active_flags(*, person_id: int) -> list[Registration]:
    """The person's active registrations for the case header: one query, only what a tag shows."""
    return list(
        Registration.objects.active()
        .filter(person_id=person_id)
        .only("id", "register_type", "category", "level", "registered_on")
    )


def person_active_flags(*, person: Person) -> list[Registration]:
    """``active_flags`` read once per loaded person: the case header, the overview's flags row and its
    MAPPA row (a MAPP registration is one of the flags) share one query."""
    cached = getattr(person, "_active_flags", None)
    if cached is None:
        cached = active_flags(person_id=person.pk)
        person._active_flags = cached  # type: ignore[attr-defined]
    return cached


def registration_reviews_due(
    *, user: User, officer: Staff, on: dt.date, within_days: int = REVIEWS_DUE_WITHIN_DAYS
) -> QuerySet[Registration]:
    """Active registrations on ``officer``'s caseload due for review by ``on`` + ``within_days``
    (overdue ones included), for cases the user may open. Soonest first."""
    caseload = people_visible_to(user, Person.objects.filter(officer=officer))
    return (
        Registration.objects.active()
        .filter(person__in=caseload, next_review_on__lte=on + dt.timedelta(days=within_days))
        .select_related("person")
        .order_by("next_review_on", "person__surname_key", "person__first_name", "id")
    )
