"""Reads for the report editor: who may open a report, and the request it belongs to.

The report is written by the request's author; a senior PO of the author's team may open it to read
(court-reports.md § Content 7: they review dangerousness reports and countersign). Anyone else gets the
same "not found" as for a request that does not exist. The person has already come through the case
shell (policy, limited access, partner sharing); these only narrow to the request.
"""

from probation.accounts.models import Role, User
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.reports.models import Report, ReportRequest


def may_write_report(user: User, request: ReportRequest) -> bool:
    return request.author_id is not None and request.author_id == user.pk


def may_read_report(user: User, request: ReportRequest) -> bool:
    if may_write_report(user, request):
        return True
    author = request.author
    if user.role != Role.SENIOR_PO or author is None or user.staff is None or author.staff is None:
        return False
    return user.staff.team_id == author.staff.team_id


def report_request_get(*, user: User, person: Person, request_id: int) -> ReportRequest:
    """The person's request ``request_id`` with its author and report, if this user may open its
    report; otherwise ``NotFound``."""
    request = (
        ReportRequest.objects.filter(person=person, pk=request_id, author__isnull=False)
        .select_related("author__staff", "court")
        .first()
    )
    if request is None or not may_read_report(user, request):
        raise NotFound(request_id)
    request.person = person  # already loaded through the case shell
    return request


def report_for_request(request: ReportRequest) -> Report | None:
    """The report of a request already loaded through ``report_request_get``, if it was started."""
    report = Report.objects.filter(request=request).first()
    if report is not None:
        report.request = request
    return report
