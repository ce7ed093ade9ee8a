"""Display rows for the safeguarding page so templates hold no logic."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from probation.risk.models import Registration
from probation.risk.presenters.tags import Tag, flag_tag
from probation.rules.calendar.working_days import add_working_days
from probation.safeguarding.models import ChildrenServicesCheck, SafeguardingReferral

# A check unanswered after 10 working days is chased (issue 4 item 9); the request date itself
# does not count (rules.calendar.working_days convention).
CHECK_RESPONSE_WORKING_DAYS = 10
AWAITING_RESPONSE = Tag("Awaiting response", "blue")
AWAITING_OUTCOME = Tag("Awaiting outcome", "blue")
OVERDUE = Tag("Overdue", "red")
ANSWERED = Tag("Response received", "green")
DECIDED = Tag("Outcome recorded", "green")
URGENCY_COLOURS = {"immediate": "red", "urgent": "orange", "routine": "grey"}


def response_due_on(requested_on: dt.date) -> dt.date:
    return add_working_days(requested_on, CHECK_RESPONSE_WORKING_DAYS)


def flag_label(registration: Registration | None) -> str:
    if registration is None:
        return ""
    ended = f", ended {registration.deregistered_on:%-d %B %Y}" if registration.deregistered_on else ""
    return f"{registration.register.description} from {registration.registered_on:%-d %B %Y}{ended}"


@dataclass(frozen=True)
class FlagRow:
    tag: Tag
    registered_on: dt.date
    next_review_on: dt.date | None


def flag_rows(registrations: Iterable[Registration]) -> list[FlagRow]:
    return [FlagRow(flag_tag(r), r.registered_on, r.next_review_on) for r in registrations]


@dataclass(frozen=True)
class CheckRow:
    pk: int
    local_authority: str
    requested_on: dt.date
    method: str
    reason: str
    requested_by: str
    status: Tag
    overdue: Tag | None
    response_due_on: dt.date | None
    response_on: dt.date | None
    outcome: str
    details: str
    flag: str
    response_url: str


def check_row(check: ChildrenServicesCheck, *, crn: str, today: dt.date, can_manage: bool) -> CheckRow:
    awaiting = check.is_awaiting
    due_on = response_due_on(check.requested_on) if awaiting else None
    return CheckRow(
        pk=check.pk,
        local_authority=check.local_authority,
        requested_on=check.requested_on,
        method=check.get_method_display(),
        reason=check.reason,
        requested_by=str(check.requested_by),
        status=AWAITING_RESPONSE if awaiting else ANSWERED,
        overdue=OVERDUE if due_on is not None and today > due_on else None,
        response_due_on=due_on,
        response_on=check.response_on,
        outcome="" if awaiting else check.get_outcome_display(),
        details=check.details,
        flag=flag_label(check.registration),
        response_url=reverse("safeguarding:check-response", args=[crn, check.pk])
        if awaiting and can_manage
        else "",
    )


@dataclass(frozen=True)
class ReferralRow:
    pk: int
    referred_on: dt.date
    referred_to: str
    urgency: Tag
    concern: str
    referred_by: str
    status: Tag
    outcome: str
    outcome_on: dt.date | None
    outcome_details: str
    flag: str
    outcome_url: str


def referral_row(referral: SafeguardingReferral, *, crn: str, can_manage: bool) -> ReferralRow:
    awaiting = referral.is_awaiting
    to = referral.get_referred_to_display()
    return ReferralRow(
        pk=referral.pk,
        referred_on=referral.referred_on,
        referred_to=f"{to}: {referral.referred_to_other}" if referral.referred_to_other else to,
        urgency=Tag(referral.get_urgency_display(), URGENCY_COLOURS.get(referral.urgency, "grey")),
        concern=referral.concern,
        referred_by=str(referral.referred_by),
        status=AWAITING_OUTCOME if awaiting else DECIDED,
        outcome="" if awaiting else referral.get_outcome_display(),
        outcome_on=referral.outcome_on,
        outcome_details=referral.outcome_details,
        flag=flag_label(referral.registration),
        outcome_url=reverse("safeguarding:referral-outcome", args=[crn, referral.pk])
        if awaiting and can_manage
        else "",
    )
