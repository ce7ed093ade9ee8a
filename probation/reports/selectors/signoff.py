"""Reads for signing off a report: the report of a request on a case the user may open, the senior POs
an author may name, and the reports waiting for a senior PO's countersignature (their Decisions page).
Every read starts from a person already loaded through the policy, or is scoped by people_visible_to."""

from django.db.models import QuerySet

from probation.accounts.models import Role, User
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.reports.models import Report, ReportRequest, ReportStatus


def report_request_get(*, person: Person, request_id: int) -> ReportRequest:
    """The request of this person with its report (if written yet); another person's is not found."""
    found = (
        ReportRequest.objects.select_related("court", "author__staff__team", "report")
        .filter(person=person, pk=request_id)
        .first()
    )
    if found is None:
        raise NotFound(request_id)
    return found


def report_get(*, person: Person, request_id: int) -> Report:
    """The report of this person's request; "not found" when the request is another person's or no
    report has been started."""
    report = (
        Report.objects.select_related(
            "request__court",
            "request__author__staff__team",
            "reviewing_spo__staff",
            "signed_by__staff__team",
            "countersigned_by__staff",
        )
        .filter(request__person=person, request_id=request_id)
        .first()
    )
    if report is None:
        raise NotFound(request_id)
    return report


def countersigners(*, author: User) -> QuerySet[User]:
    """The senior POs of the author's team: who may review a dangerousness report or countersign."""
    if author.staff is None:
        return User.objects.none()
    return (
        User.objects.filter(role=Role.SENIOR_PO, is_active=True, staff__team_id=author.staff.team_id)
        .exclude(pk=author.pk)
        .select_related("staff")
        .order_by("staff__surname", "staff__forename", "pk")
    )


def reports_to_countersign(*, user: User) -> QuerySet[Report]:
    """Reports signed by their authors and waiting for this senior PO, on cases they may open, oldest
    first."""
    return (
        Report.objects.filter(
            status=ReportStatus.SIGNED,
            reviewing_spo=user,
            request__person__in=people_visible_to(user),
        )
        .select_related("request__person", "request__court", "signed_by__staff")
        .order_by("signed_at", "pk")
    )
