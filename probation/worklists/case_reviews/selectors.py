"""Reads for case reviews: a case's reviews (newest first) and one review of a case. The case itself
comes through the policy (probation.people.shell); these read only rows of that person."""

from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.worklists.models import CaseReview, ReviewStatus


def case_reviews(person: Person) -> QuerySet[CaseReview]:
    return (
        CaseReview.objects.filter(person=person)
        .exclude(status=ReviewStatus.WITHDRAWN)
        .select_related("reviewed_by__staff", "oversight_by__staff")
        .order_by("-due_on", "-id")
    )


def case_review_get(person: Person, review_id: int) -> CaseReview | None:
    return case_reviews(person).filter(pk=review_id).first()


def may_record(user: User, person: Person, review: CaseReview) -> bool:
    """The case's officers and managers in its PDU record a review that is due."""
    return review.status == ReviewStatus.DUE and can_change_case(user, person, Permission.CASE_REVIEW_RECORD)


def may_oversee(user: User, person: Person, review: CaseReview) -> bool:
    """A manager of the case's team (when raised or now) oversees a recorded review."""
    if review.status != ReviewStatus.AWAITING_OVERSIGHT:
        return False
    if not has_permission(user, Permission.CASE_REVIEW_OVERSEE) or user.staff is None:
        return False
    return user.staff.team_id in {review.team_id, person.team_id}
