"""Reads for resulting a hearing (court-reports.md § Court liaison): the hearing, the court team it
may be assigned to, and the defendant's open report request with its proposal.

Resulting is the work of the court officers of the court's own PDU: a hearing at any other court is
"not found", as a missing one is.
"""

from django.db.models import QuerySet

from probation.accounts.models import Role, User
from probation.core.errors import NotFound
from probation.court.models import Court, Hearing
from probation.court.policy import courts_resultable_by
from probation.people.policy import people_visible_to
from probation.reports.models import ReportRequest, RequestStatus

# A request still open when its person is sentenced: the sentence closes it.
OPEN_REQUEST_STATUSES = (RequestStatus.REQUESTED, RequestStatus.ALLOCATED, RequestStatus.COMPLETED)


def hearing_get_for_result(*, user: User, hearing_id: int) -> Hearing:
    hearing = (
        Hearing.objects.filter(pk=hearing_id, court_list__court__in=courts_resultable_by(user))
        .select_related("court_list__court__pdu", "person", "result_assigned_to__staff", "resulted_by__staff")
        .first()
    )
    if hearing is None:
        raise NotFound(hearing_id)
    return hearing


def court_team(*, court: Court) -> QuerySet[User]:
    """The court officers a hearing at ``court`` may be assigned to: its PDU's, active."""
    return (
        User.objects.filter(
            role=Role.COURT_OFFICER,
            is_active=True,
            staff__active=True,
            staff__team__pdu_id=court.pdu_id,
        )
        .select_related("staff")
        .order_by("staff__surname", "staff__forename", "id")
    )


def open_report_request(*, user: User, person_id: int) -> ReportRequest | None:
    """The person's latest open report request, with its report if one was started; none for a case
    the user may not open (an excluded or restricted one)."""
    return (
        ReportRequest.objects.filter(
            person_id=person_id,
            person__in=people_visible_to(user),
            status__in=OPEN_REQUEST_STATUSES,
        )
        .select_related("report")
        .order_by("-requested_on", "-id")
        .first()
    )
