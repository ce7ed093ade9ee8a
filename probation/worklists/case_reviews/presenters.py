"""Display rows for a case's reviews: dates, who, the reason in words, the status as a tag."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from probation.core.clock import LONDON
from probation.rules.worklists.case_reviews import ReviewDue, ReviewReason
from probation.worklists.models import CaseReview, ReviewStatus

_TAGS = {
    ReviewStatus.DUE: "govuk-tag govuk-tag--blue",
    ReviewStatus.AWAITING_OVERSIGHT: "govuk-tag govuk-tag--yellow",
    ReviewStatus.COMPLETED: "govuk-tag govuk-tag--green",
}


def reason_text(review: CaseReview) -> str:
    return ReviewDue(review.due_on, ReviewReason(review.reason), review.event).text


def _who(user: object) -> str:
    staff = getattr(user, "staff", None)
    return str(staff.name) if staff is not None else str(user or "")


@dataclass(frozen=True)
class ReviewRow:
    id: int
    reason: str
    due_on: dt.date
    overdue: bool
    status: str
    tag: str
    reviewed_on: dt.date | None
    reviewed_by: str
    progress: str
    compliance: str
    risk: str
    plan_review_needed: bool
    next_steps: str
    oversight: str
    oversight_note: str
    oversight_by: str
    oversight_on: dt.date | None


def review_row(review: CaseReview, *, today: dt.date) -> ReviewRow:
    overdue = review.status == ReviewStatus.DUE and review.due_on < today
    return ReviewRow(
        id=review.pk,
        reason=reason_text(review),
        due_on=review.due_on,
        overdue=overdue,
        status="Overdue" if overdue else review.get_status_display(),
        tag="govuk-tag govuk-tag--red" if overdue else _TAGS.get(ReviewStatus(review.status), "govuk-tag"),
        reviewed_on=review.reviewed_on,
        reviewed_by=_who(review.reviewed_by) if review.reviewed_by_id else "",
        progress=review.progress,
        compliance=review.compliance,
        risk=review.risk,
        plan_review_needed=review.plan_review_needed,
        next_steps=review.next_steps,
        oversight=review.get_oversight_outcome_display() if review.oversight_outcome else "",
        oversight_note=review.oversight_note,
        oversight_by=_who(review.oversight_by) if review.oversight_by_id else "",
        oversight_on=timezone.localtime(review.oversight_at, LONDON).date() if review.oversight_at else None,
    )
