"""Display formatting for registrations so templates hold no logic."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.risk.models import Registration, RegistrationReview
from probation.risk.presenters.tags import Tag, flag_tag
from probation.risk.registers import DISPLAY_ORDER
from probation.risk.selectors.registrations import REVIEWS_DUE_WITHIN_DAYS


def category_and_level(registration: Registration) -> str:
    if not registration.category:
        return ""
    return f"{registration.get_category_display()}. {registration.get_level_display()}"


def review_status(next_review_on: dt.date | None, *, today: dt.date) -> Tag | None:
    """Overdue once the date has passed; due from today until the reviews-due window ends."""
    if next_review_on is None:
        return None
    if next_review_on < today:
        return Tag("Overdue", "red")
    if next_review_on == today:
        return Tag("Due today", "orange")
    if next_review_on <= today + dt.timedelta(days=REVIEWS_DUE_WITHIN_DAYS):
        return Tag("Due soon", "yellow")
    return None


@dataclass(frozen=True)
class RegistrationRow:
    pk: int
    url: str
    tag: Tag
    description: str
    code: str
    category_and_level: str
    registered_on: dt.date
    registering_officer: str
    next_review_on: dt.date | None
    review_status: Tag | None
    notes: str
    deregistered_on: dt.date | None
    deregistration_reason: str
    deregistering_officer: str
    is_active: bool
    is_reviewed: bool


def registration_row(registration: Registration, *, crn: str, today: dt.date) -> RegistrationRow:
    register = registration.register
    active = registration.is_active
    return RegistrationRow(
        pk=registration.pk,
        url=reverse("risk:registration-detail", args=[crn, registration.pk]),
        tag=flag_tag(registration),
        description=register.description,
        code=register.code,
        category_and_level=category_and_level(registration),
        registered_on=registration.registered_on,
        registering_officer=registration.registering_officer.name,
        next_review_on=registration.next_review_on if active else None,
        review_status=review_status(registration.next_review_on, today=today) if active else None,
        notes=registration.notes,
        deregistered_on=registration.deregistered_on,
        deregistration_reason=registration.deregistration_reason,
        deregistering_officer=registration.deregistering_officer.name
        if registration.deregistering_officer is not None
        else "",
        is_active=active,
        is_reviewed=register.is_reviewed,
    )


def registration_rows(
    registrations: Iterable[Registration], *, crn: str, today: dt.date
) -> tuple[list[RegistrationRow], list[RegistrationRow]]:
    """(active, ended): active most serious first; ended most recently ended first."""
    items = list(registrations)
    active = sorted(
        (r for r in items if r.is_active),
        key=lambda r: (DISPLAY_ORDER[r.register_type], r.registered_on, r.pk),
    )
    ended = sorted(
        (r for r in items if not r.is_active), key=lambda r: (r.deregistered_on, r.pk), reverse=True
    )
    return (
        [registration_row(r, crn=crn, today=today) for r in active],
        [registration_row(r, crn=crn, today=today) for r in ended],
    )


@dataclass(frozen=True)
class ReviewRow:
    reviewed_on: dt.date
    reviewer: str
    notes: str
    next_review_on: dt.date | None


def review_rows(reviews: Iterable[RegistrationReview]) -> list[ReviewRow]:
    return [
        ReviewRow(
            reviewed_on=r.reviewed_on,
            reviewer=r.reviewing_officer.name,
            notes=r.notes,
            next_review_on=r.next_review_on,
        )
        for r in reviews
    ]


@dataclass(frozen=True)
class ReviewDueRow:
    name: str
    crn: str
    case_url: str
    review_url: str
    tag: Tag
    next_review_on: dt.date
    status: Tag | None


def reviews_due_rows(registrations: Iterable[Registration], *, today: dt.date) -> list[ReviewDueRow]:
    return [
        ReviewDueRow(
            name=r.person.display_name,
            crn=r.person.crn,
            case_url=reverse("risk:registration-list", args=[r.person.crn]),
            review_url=reverse("risk:registration-review", args=[r.person.crn, r.pk]),
            tag=flag_tag(r),
            next_review_on=r.next_review_on,
            status=review_status(r.next_review_on, today=today),
        )
        for r in registrations
        if r.next_review_on is not None  # the reviews-due selector reads only these
    ]
